/// The dash pattern of a line.
public enum LineStyle: Sendable, Hashable {
    case solid, dashed, dotted, dashDot
    /// No line: only the markers show.
    case none

    /// Returns the dash lengths for a line of `width` points, scaled as matplotlib scales its dashes.
    func dashPattern(width: Double) -> [Double] {
        let scale = max(width, 1)
        switch self {
        case .solid, .none: return []
        case .dashed: return [3.7 * scale, 1.6 * scale]
        case .dotted: return [1 * scale, 1.65 * scale]
        case .dashDot: return [6.4 * scale, 1.6 * scale, 1 * scale, 1.6 * scale]
        }
    }
}

/// The symbol drawn at each data point.
public enum Marker: Sendable, Hashable {
    case none, circle, point, square, diamond, triangleUp, triangleDown, plus, cross, star
}

/// A parsed matplotlib-style format string such as `"bo"`, `"r--"` or `"g^:"`.
struct FormatString {
    var color: Color?
    var marker: Marker?
    var lineStyle: LineStyle?

    /// Parses `format`, trapping on characters that mean nothing, because a format string is
    /// written by hand in code.
    init(_ format: String) {
        var rest = Substring(format)
        let lineStyles: [(String, LineStyle)] = [("--", .dashed), ("-.", .dashDot), ("-", .solid), (":", .dotted)]
        let markers: [Character: Marker] = [
            "o": .circle, ".": .point, "s": .square, "D": .diamond, "d": .diamond, "^": .triangleUp,
            "v": .triangleDown, "+": .plus, "x": .cross, "*": .star,
        ]
        let colors: [Character: Color] = [
            "b": .blue, "g": .green, "r": .red, "c": .cyan, "m": .magenta, "y": .yellow, "k": .black, "w": .white,
        ]
        while let first = rest.first {
            if let (token, style) = lineStyles.first(where: { rest.hasPrefix($0.0) }) {
                lineStyle = style
                rest = rest.dropFirst(token.count)
            } else if let marker = markers[first] {
                self.marker = marker
                rest = rest.dropFirst()
            } else if let color = colors[first] {
                self.color = color
                rest = rest.dropFirst()
            } else {
                preconditionFailure(
                    "plot(style:) does not understand '\(first)' in \"\(format)\"; use colours bgrcmykw, "
                        + "markers o.sDd^v+x*, lines - -- -. :")
            }
        }
    }
}
