/// A map from a number in 0...1 to a colour, stored as a 256-entry lookup table.
public struct Colormap: Sendable, Hashable {
    public let name: String
    public let colors: [Color]

    /// Creates a colormap from an explicit table. The first entry is the colour for 0, the last for 1.
    public init(name: String, colors: [Color]) {
        precondition(colors.count >= 2, "Colormap(name: \"\(name)\") needs at least 2 colours, got \(colors.count)")
        self.name = name
        self.colors = colors
    }

    /// Creates a colormap that runs linearly through evenly spaced colours, resampled to 256 entries.
    public init(name: String, interpolating stops: [Color]) {
        precondition(stops.count >= 2, "Colormap(name: \"\(name)\", interpolating:) needs at least 2 colours, got \(stops.count)")
        let table = (0..<256).map { index -> Color in
            let position = Double(index) / 255 * Double(stops.count - 1)
            let lower = min(Int(position), stops.count - 2)
            let fraction = position - Double(lower)
            let a = stops[lower]
            let b = stops[lower + 1]
            return Color(
                red: a.red + (b.red - a.red) * fraction,
                green: a.green + (b.green - a.green) * fraction,
                blue: a.blue + (b.blue - a.blue) * fraction)
        }
        self.init(name: name, colors: table)
    }

    /// Returns the colour for `value` in 0...1. Values outside are clamped and NaN is transparent.
    public func color(at value: Double) -> Color {
        guard !value.isNaN else { return .clear }
        let index = Int(value * Double(colors.count))
        return colors[min(max(index, 0), colors.count - 1)]
    }

    /// Returns the same colours in the opposite order, named with matplotlib's `_r` suffix.
    public func reversed() -> Colormap {
        Colormap(name: name.hasSuffix("_r") ? String(name.dropLast(2)) : name + "_r", colors: colors.reversed())
    }

    /// Looks up a built-in colormap by its matplotlib name (`"viridis"`, `"RdBu"`, `"gray_r"`, ...).
    public static func named(_ name: String) -> Colormap? {
        if name.hasSuffix("_r") {
            return named(String(name.dropLast(2)))?.reversed()
        }
        return all.first { $0.name == name }
    }

    /// Every built-in colormap, in the order the documentation lists them.
    public static var all: [Colormap] {
        [.viridis, .magma, .inferno, .plasma, .gray, .binary, .jet, .redBlue, .coolwarm]
    }
}

extension Colormap {
    /// Perceptually uniform blue–green–yellow; matplotlib's default.
    public static let viridis = Colormap(name: "viridis", hexTable: viridisTable)
    /// Perceptually uniform black–purple–orange–white.
    public static let magma = Colormap(name: "magma", hexTable: magmaTable)
    /// Perceptually uniform black–purple–orange–yellow.
    public static let inferno = Colormap(name: "inferno", hexTable: infernoTable)
    /// Perceptually uniform blue–purple–orange–yellow.
    public static let plasma = Colormap(name: "plasma", hexTable: plasmaTable)
    /// Black to white.
    public static let gray = Colormap(name: "gray", interpolating: [.black, .white])
    /// White to black: ink on paper, as the book shows MNIST digits.
    public static let binary = Colormap(name: "binary", interpolating: [.white, .black])

    /// ColorBrewer's 11-class red–white–blue diverging scheme (Cynthia Brewer), red at 0.
    public static let redBlue = Colormap(name: "RdBu", interpolating: [
        "#67001f", "#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#f7f7f7",
        "#d1e5f0", "#92c5de", "#4393c3", "#2166ac", "#053061",
    ].map(Color.init(hex:)))

    init(name: String, hexTable: String) {
        self.init(name: name, colors: hexTable.split(whereSeparator: \.isWhitespace).map { Color(hex: String($0)) })
    }
}
