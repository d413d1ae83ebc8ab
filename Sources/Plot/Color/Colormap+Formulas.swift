import Foundation

extension Colormap {
    /// MATLAB's rainbow "jet", from its defining piecewise-linear channel ramps; the classic
    /// colouring of class-activation heatmaps.
    public static let jet: Colormap = {
        let red = PiecewiseRamp([(0, 0), (0.35, 0), (0.66, 1), (0.89, 1), (1, 0.5)])
        let green = PiecewiseRamp([(0, 0), (0.125, 0), (0.375, 1), (0.64, 1), (0.91, 0), (1, 0)])
        let blue = PiecewiseRamp([(0, 0.5), (0.11, 1), (0.34, 1), (0.65, 0), (1, 0)])
        let table = (0..<256).map { index -> Color in
            let t = Double(index) / 255
            return Color(red: red(t), green: green(t), blue: blue(t))
        }
        return Colormap(name: "jet", colors: table)
    }()

    /// Kenneth Moreland's smooth cool-to-warm diverging map (2009), computed from its definition.
    /// It runs from blue (59, 76, 192) to red (180, 4, 38) through a neutral grey. Interpolating in
    /// his polar Lab space "Msh" makes lightness peak in the middle and the hue turn smoothly.
    public static let coolwarm: Colormap = {
        let cool = MshColor(Color(red: 59 / 255, green: 76 / 255, blue: 192 / 255))
        let warm = MshColor(Color(red: 180 / 255, green: 4 / 255, blue: 38 / 255))
        let table = (0..<256).map { index in
            MshColor.interpolate(from: cool, to: warm, at: Double(index) / 255).color
        }
        return Colormap(name: "coolwarm", colors: table)
    }()
}

/// A channel ramp through `(position, value)` knots, linear in between.
private struct PiecewiseRamp {
    let knots: [(Double, Double)]

    init(_ knots: [(Double, Double)]) {
        self.knots = knots
    }

    func callAsFunction(_ t: Double) -> Double {
        for index in 1..<knots.count where t <= knots[index].0 {
            let (x0, y0) = knots[index - 1]
            let (x1, y1) = knots[index]
            return y0 + (y1 - y0) * (t - x0) / (x1 - x0)
        }
        return knots[knots.count - 1].1
    }
}

/// Moreland's polar form of CIELAB: magnitude M, saturation s (angle from the L axis), hue h.
private struct MshColor {
    var magnitude: Double
    var saturation: Double
    var hue: Double

    private static let whitePoint = (x: 0.95047, y: 1.0, z: 1.08883)

    init(magnitude: Double, saturation: Double, hue: Double) {
        self.magnitude = magnitude
        self.saturation = saturation
        self.hue = hue
    }

    init(_ color: Color) {
        func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        let r = linear(color.red), g = linear(color.green), b = linear(color.blue)
        let x = 0.4124 * r + 0.3576 * g + 0.1805 * b
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b
        let z = 0.0193 * r + 0.1192 * g + 0.9505 * b

        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116 }
        let fx = f(x / Self.whitePoint.x), fy = f(y / Self.whitePoint.y), fz = f(z / Self.whitePoint.z)
        let lightness = 116 * fy - 16
        let a = 500 * (fx - fy)
        let bStar = 200 * (fy - fz)

        magnitude = (lightness * lightness + a * a + bStar * bStar).squareRoot()
        saturation = magnitude > 0 ? acos(lightness / magnitude) : 0
        hue = atan2(bStar, a)
    }

    var color: Color {
        let lightness = magnitude * cos(saturation)
        let a = magnitude * sin(saturation) * cos(hue)
        let bStar = magnitude * sin(saturation) * sin(hue)

        let fy = (lightness + 16) / 116
        func inverse(_ t: Double) -> Double { t * t * t > 0.008856 ? t * t * t : (t - 16.0 / 116) / 7.787 }
        let x = Self.whitePoint.x * inverse(fy + a / 500)
        let y = Self.whitePoint.y * inverse(fy)
        let z = Self.whitePoint.z * inverse(fy - bStar / 200)

        func gamma(_ c: Double) -> Double {
            let clamped = min(max(c, 0), 1)
            return clamped <= 0.0031308 ? 12.92 * clamped : 1.055 * pow(clamped, 1 / 2.4) - 0.055
        }
        return Color(
            red: gamma(3.2406 * x - 1.5372 * y - 0.4986 * z),
            green: gamma(-0.9689 * x + 1.8758 * y + 0.0415 * z),
            blue: gamma(0.0557 * x - 0.2040 * y + 1.0570 * z))
    }

    /// Moreland's interpolation: a detour through an unsaturated white when the two hues are far
    /// apart, and a hue spin where one end is unsaturated so the hue does not jump.
    static func interpolate(from start: MshColor, to end: MshColor, at t: Double) -> MshColor {
        var first = start
        var second = end
        var t = t
        if first.saturation > 0.05, second.saturation > 0.05, abs(first.hue - second.hue) > Double.pi / 3 {
            let middle = MshColor(magnitude: max(first.magnitude, second.magnitude, 88), saturation: 0, hue: 0)
            if t < 0.5 {
                second = middle
                t *= 2
            } else {
                first = middle
                t = 2 * t - 1
            }
        }
        if first.saturation < 0.05, second.saturation > 0.05 {
            first.hue = adjustedHue(of: second, towards: first.magnitude)
        } else if second.saturation < 0.05, first.saturation > 0.05 {
            second.hue = adjustedHue(of: first, towards: second.magnitude)
        }
        return MshColor(
            magnitude: first.magnitude + (second.magnitude - first.magnitude) * t,
            saturation: first.saturation + (second.saturation - first.saturation) * t,
            hue: first.hue + (second.hue - first.hue) * t)
    }

    private static func adjustedHue(of saturated: MshColor, towards unsaturatedMagnitude: Double) -> Double {
        if saturated.magnitude >= unsaturatedMagnitude { return saturated.hue }
        let spin = saturated.saturation
            * (unsaturatedMagnitude * unsaturatedMagnitude - saturated.magnitude * saturated.magnitude).squareRoot()
            / (saturated.magnitude * sin(saturated.saturation))
        return saturated.hue > -Double.pi / 3 ? saturated.hue + spin : saturated.hue - spin
    }
}
