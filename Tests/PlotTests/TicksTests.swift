import Testing
import Plot

struct TickCase: CustomTestStringConvertible, Sendable {
    var lower: Double
    var upper: Double
    var maxIntervals: Int
    var expected: [Double]
    var testDescription: String { "\(lower)...\(upper) in ≤\(maxIntervals)" }
}

@Test(arguments: [
    TickCase(lower: 0, upper: 1, maxIntervals: 5, expected: [0, 0.2, 0.4, 0.6, 0.8, 1]),
    TickCase(lower: 0, upper: 10, maxIntervals: 8, expected: [0, 2, 4, 6, 8, 10]),
    TickCase(lower: 0.05, upper: 0.67, maxIntervals: 8, expected: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]),
    TickCase(lower: 0.05, upper: 0.67, maxIntervals: 3, expected: [0.2, 0.4, 0.6]),
    TickCase(lower: 1, upper: 20, maxIntervals: 8, expected: [5, 10, 15, 20]),
    TickCase(lower: -3.3, upper: 2.7, maxIntervals: 8, expected: [-3, -2, -1, 0, 1, 2]),
    TickCase(lower: 1234, upper: 5678, maxIntervals: 5, expected: [2000, 3000, 4000, 5000]),
    TickCase(lower: 0.0012, upper: 0.0019, maxIntervals: 8, expected: [0.0012, 0.0013, 0.0014, 0.0015, 0.0016, 0.0017, 0.0018, 0.0019]),
])
func ticksLinear(_ tick: TickCase) {
    let ticks = Ticks.linear(from: tick.lower, to: tick.upper, maxIntervals: tick.maxIntervals)
    #expect(ticks.count == tick.expected.count, "expected \(tick.expected), got \(ticks)")
    for (got, want) in zip(ticks, tick.expected) {
        #expect(abs(got - want) < 1e-12, "expected \(tick.expected), got \(ticks)")
    }
}

@Test func ticksStepsAreOneTwoFive() {
    for span in stride(from: 0.37, to: 900, by: 3.3) {
        let step = Ticks.step(from: 0, to: span, maxIntervals: 7)
        let mantissa = step / pow(10, floor(log10(step)))
        let isNice = [1.0, 2, 5].contains { abs(mantissa - $0) < 1e-9 }
        #expect(isNice, "span \(span) gave step \(step) with mantissa \(mantissa)")
    }
}

@Test func ticksLabelsUseStepDecimals() {
    #expect(Ticks.labels(for: [0, 0.2, 0.4]) == ["0.0", "0.2", "0.4"])
    #expect(Ticks.labels(for: [0, 5, 10]) == ["0", "5", "10"])
    #expect(Ticks.labels(for: [0.0012, 0.0013]) == ["0.0012", "0.0013"])
}

@Test func ticksLabelsUseTrueMinus() {
    #expect(Ticks.labels(for: [-1, 0, 1]) == ["\u{2212}1", "0", "1"])
}

@Test func ticksLabelsScientificForLargeNumbers() {
    #expect(Ticks.labels(for: [0, 2e6, 4e6]) == ["0", "2×10⁶", "4×10⁶"])
}

@Test func ticksLogarithmicDecades() {
    #expect(Ticks.logarithmic(from: 3e-6, to: 0.2) == [1e-5, 1e-4, 1e-3, 1e-2, 1e-1])
    #expect(Ticks.logarithmicLabel(for: 1e-3) == "10⁻³")
    #expect(Ticks.logarithmicLabel(for: 100) == "10²")
}

@Test func ticksLogarithmicThinsManyDecades() {
    let ticks = Ticks.logarithmic(from: 1e-12, to: 1e12, maxCount: 6)
    #expect(ticks.count <= 6, "got \(ticks.count) ticks: \(ticks)")
    #expect(ticks.first == 1e-12, "got \(ticks)")
}

#if canImport(Glibc)
import Glibc
#endif
