import Foundation

/// Prints a section heading.
func heading(_ title: String) {
    print("\n== \(title) ==")
}

/// Formats a number with a fixed count of decimals.
func formatted(_ value: Double, _ decimals: Int = 4) -> String {
    String(format: "%.\(decimals)f", value)
}

/// Runs `body` and returns its result with the elapsed wall-clock seconds.
func timed<Result>(_ body: () throws -> Result) rethrows -> (Result, Double) {
    let start = Date()
    let result = try body()
    return (result, Date().timeIntervalSince(start))
}
