import Foundation

/// An sRGB colour with opacity, each component in 0...1.
public struct Color: Hashable, Sendable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// Creates a grey from black (0) to white (1).
    public init(gray: Double, alpha: Double = 1) {
        self.init(red: gray, green: gray, blue: gray, alpha: alpha)
    }

    /// Creates a colour from a hex string such as `"#1f77b4"`, `"1f77b4"` or `"#1f77b480"` (with alpha).
    /// Traps on a malformed string, since colours are written in code, not read from data.
    public init(hex: String) {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6 || digits.count == 8, let value = UInt32(digits, radix: 16) else {
            preconditionFailure("Color(hex:) expects 6 or 8 hex digits such as \"#1f77b4\", got \"\(hex)\"")
        }
        let rgb = digits.count == 8 ? value >> 8 : value
        self.init(
            red: Double((rgb >> 16) & 0xff) / 255,
            green: Double((rgb >> 8) & 0xff) / 255,
            blue: Double(rgb & 0xff) / 255,
            alpha: digits.count == 8 ? Double(value & 0xff) / 255 : 1)
    }

    /// Returns the same colour with a different opacity.
    public func withAlpha(_ alpha: Double) -> Color {
        Color(red: red, green: green, blue: blue, alpha: alpha)
    }

    /// Relative luminance (WCAG), used to pick readable text on a coloured background.
    public var luminance: Double {
        func linear(_ component: Double) -> Double {
            component <= 0.04045 ? component / 12.92 : pow((component + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// Black or white, whichever reads better on top of this colour.
    public var contrastingTextColor: Color {
        luminance > 0.179 ? .black : .white
    }
}

extension Color {
    public static let black = Color(gray: 0)
    public static let white = Color(gray: 1)
    public static let gray = Color(gray: 0.5)
    public static let clear = Color(gray: 0, alpha: 0)

    // The single-letter colours of matplotlib's format strings, with the same values.
    public static let blue = Color(red: 0, green: 0, blue: 1)
    public static let green = Color(red: 0, green: 0.5, blue: 0)
    public static let red = Color(red: 1, green: 0, blue: 0)
    public static let cyan = Color(red: 0, green: 0.75, blue: 0.75)
    public static let magenta = Color(red: 0.75, green: 0, blue: 0.75)
    public static let yellow = Color(red: 0.75, green: 0.75, blue: 0)

    /// The ten colours of Tableau's "T10" palette, which matplotlib cycles through by default.
    public static let tab10: [Color] = [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ].map(Color.init(hex:))
}
