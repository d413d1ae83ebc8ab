import Foundation

/// Tick positions and labels: "nice" numbers for linear axes, powers of ten for log axes.
public enum Ticks {
    /// The multipliers a linear tick step may have, times a power of ten.
    public static let steps: [Double] = [1, 2, 5, 10]

    /// Returns evenly spaced ticks inside `lower...upper` with the smallest step of the form
    /// 1, 2 or 5 × 10ⁿ that leaves at most `maxIntervals` intervals between them.
    public static func linear(from lower: Double, to upper: Double, maxIntervals: Int = 8) -> [Double] {
        guard lower.isFinite, upper.isFinite, upper > lower, maxIntervals > 0 else {
            return lower.isFinite ? [lower] : []
        }
        let step = step(from: lower, to: upper, maxIntervals: maxIntervals)
        let first = (lower / step - 1e-9).rounded(.up)
        let last = (upper / step + 1e-9).rounded(.down)
        guard first <= last else { return [] }
        return stride(from: first, through: last, by: 1).map { index in
            let value = index * step
            return abs(value) < step * 1e-9 ? 0 : value
        }
    }

    /// Returns the step `linear(from:to:maxIntervals:)` uses.
    public static func step(from lower: Double, to upper: Double, maxIntervals: Int) -> Double {
        let rough = (upper - lower) / Double(maxIntervals)
        let magnitude = pow(10, floor(log10(rough)))
        for multiplier in steps {
            let step = multiplier * magnitude
            // Intervals between the ticks that fall inside the range, so a range that barely
            // covers a tick does not push the step up to a single visible tick.
            let intervals = (upper / step + 1e-9).rounded(.down) - (lower / step - 1e-9).rounded(.up)
            if intervals <= Double(maxIntervals) { return step }
        }
        return 10 * magnitude
    }

    /// Returns powers of ten inside `lower...upper` (both positive), thinned to at most `maxCount`.
    public static func logarithmic(from lower: Double, to upper: Double, maxCount: Int = 8) -> [Double] {
        guard lower > 0, upper > lower else { return [] }
        let first = Int(ceil(log10(lower) - 1e-9))
        let last = Int(floor(log10(upper) + 1e-9))
        guard first <= last else { return [] }
        let every = max(1, Int(ceil(Double(last - first + 1) / Double(max(maxCount, 1)))))
        return stride(from: first, through: last, by: every).map { pow(10, Double($0)) }
    }

    /// Returns the 2…9 × 10ⁿ minor ticks of a log axis inside `lower...upper`.
    static func logarithmicMinor(from lower: Double, to upper: Double) -> [Double] {
        guard lower > 0, upper > lower, log10(upper / lower) <= 8 else { return [] }
        var ticks: [Double] = []
        for exponent in Int(floor(log10(lower)))...Int(ceil(log10(upper))) {
            for multiplier in 2...9 {
                let value = Double(multiplier) * pow(10, Double(exponent))
                if value >= lower && value <= upper { ticks.append(value) }
            }
        }
        return ticks
    }

    /// Returns labels for evenly spaced linear ticks: as many decimals as the step needs, a true minus
    /// sign, and "m×10ⁿ" when the numbers are very large or very small.
    public static func labels(for ticks: [Double]) -> [String] {
        guard ticks.count > 1 else { return ticks.map { format($0, decimals: decimalsNeeded(for: $0)) } }
        let step = abs(ticks[1] - ticks[0])
        let largest = ticks.map(abs).max() ?? 0
        if largest >= 1e6 || (largest < 1e-3 && largest > 0) {
            let exponent = Int(floor(log10(largest)))
            let scale = pow(10, Double(exponent))
            let decimals = decimalsNeeded(for: step / scale)
            return ticks.map { tick in
                tick == 0 ? "0" : format(tick / scale, decimals: decimals) + "×10" + superscript(exponent)
            }
        }
        let decimals = decimalsNeeded(for: step)
        return ticks.map { format($0, decimals: decimals) }
    }

    /// Returns a power-of-ten label such as "10⁻³". 1 and 10 become "10⁰" and "10¹" so an axis reads uniformly.
    public static func logarithmicLabel(for value: Double) -> String {
        "10" + superscript(Int(log10(value).rounded()))
    }

    private static func decimalsNeeded(for step: Double) -> Int {
        guard step > 0 else { return 0 }
        var decimals = 0
        while decimals < 10 {
            let scaled = step * pow(10, Double(decimals))
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { break }
            decimals += 1
        }
        return decimals
    }

    /// Formats `value` with `decimals` decimals and a true minus sign. "-0" becomes "0".
    static func format(_ value: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-") {
            let digits = text.dropFirst()
            text = digits.allSatisfy { $0 == "0" || $0 == "." } ? String(digits) : "\u{2212}" + digits
        }
        return text
    }

    private static func superscript(_ exponent: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let body = String(abs(exponent)).map { digits[Int(String($0))!] }
        return (exponent < 0 ? "⁻" : "") + String(body)
    }
}
