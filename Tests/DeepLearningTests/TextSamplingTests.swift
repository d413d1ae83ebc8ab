import DeepLearning
import Foundation
import Testing

@Test func seededGeneratorReferenceValues() {
    // SplitMix64's published outputs for seed 0.
    var generator = SeededGenerator(seed: 0)

    #expect(generator.next() == 0xe220_a839_7b1d_cdaf)
    #expect(generator.next() == 0x6e78_9e6a_a1b9_65f4)
}

@Test func seededGeneratorRepeats() {
    var first = SeededGenerator(seed: 7)
    var second = SeededGenerator(seed: 7)
    var other = SeededGenerator(seed: 8)
    let firstValues = (0..<5).map { _ in first.next() }

    #expect(firstValues == (0..<5).map { _ in second.next() })
    #expect(firstValues != (0..<5).map { _ in other.next() })
}

@Test func samplingZeroTemperaturePicksArgmax() {
    var generator = SeededGenerator(seed: 1)
    let draws = (0..<200).map { _ in sample(from: [0.3, 0.1, 0.5, 0.1], temperature: 0, using: &generator) }

    #expect(draws.allSatisfy { $0 == 2 })
}

@Test func samplingTinyTemperaturePicksArgmax() {
    var generator = SeededGenerator(seed: 2)
    let draws = (0..<200).map { _ in sample(from: [0.3, 0.1, 0.31, 0.29], temperature: 1e-4, using: &generator) }

    #expect(draws.allSatisfy { $0 == 2 })
}

@Test func samplingTemperatureZeroTies() {
    var generator = SeededGenerator(seed: 3)

    #expect(sample(from: [0.2, 0.4, 0.4], temperature: 0, using: &generator) == 1)
}

@Test func reweightedSharpens() {
    let sharpened = reweighted([0.2, 0.8], temperature: 0.5)

    // 0.2² and 0.8² normalised: 0.04 / 0.68 and 0.64 / 0.68.
    #expect(abs(sharpened[0] - 0.04 / 0.68) < 1e-6)
    #expect(abs(sharpened[1] - 0.64 / 0.68) < 1e-6)
}

@Test func reweightedUnitTemperature() {
    let unchanged = reweighted([0.1, 0.2, 0.7], temperature: 1)

    #expect(zip(unchanged, [0.1, 0.2, 0.7]).allSatisfy { abs($0 - $1) < 1e-6 }, "observed \(unchanged)")
}

@Test func reweightedHighTemperatureFlattens() {
    let flattened = reweighted([0.01, 0.09, 0.9], temperature: 100)

    #expect(flattened.max()! - flattened.min()! < 0.02, "observed \(flattened)")
    #expect(flattened.max()! - flattened.min()! > 0, "observed \(flattened)")
}

@Test func reweightedKeepsZeros() {
    let flattened = reweighted([0, 0.5, 0.5], temperature: 1000)

    #expect(flattened[0] == 0, "observed \(flattened)")
}

@Test func reweightedExtremeValuesStayFinite() {
    let sharpened = reweighted([1e-38, 1e-30, 1], temperature: 0.001)
    let flattened = reweighted([1e-38, 1e-30, 1], temperature: 1e30)

    #expect(sharpened.allSatisfy { $0.isFinite }, "observed \(sharpened)")
    #expect(sharpened[2] == 1, "observed \(sharpened)")
    #expect(flattened.allSatisfy { $0.isFinite }, "observed \(flattened)")
}

/// Pearson's chi-square statistic of observed counts against expected probabilities.
private func chiSquare(_ counts: [Int], expected probabilities: [Double]) -> Double {
    let total = Double(counts.reduce(0, +))
    return zip(counts, probabilities).reduce(0) { sum, pair in
        let expected = total * pair.1
        return sum + (Double(pair.0) - expected) * (Double(pair.0) - expected) / expected
    }
}

private func drawCounts(_ probabilities: [Float], temperature: Float, draws: Int, seed: UInt64) -> [Int] {
    var generator = SeededGenerator(seed: seed)
    var counts = [Int](repeating: 0, count: probabilities.count)
    for _ in 0..<draws {
        counts[sample(from: probabilities, temperature: temperature, using: &generator)] += 1
    }
    return counts
}

@Test func samplingFrequenciesMatch() {
    let counts = drawCounts([0.1, 0.2, 0.3, 0.4], temperature: 1, draws: 20_000, seed: 42)
    let statistic = chiSquare(counts, expected: [0.1, 0.2, 0.3, 0.4])

    // 16.27 is the 0.999 quantile of chi-square with 3 degrees of freedom.
    #expect(statistic < 16.27, "counts \(counts), chi-square \(statistic)")
}

@Test func samplingFrequenciesAtTemperatureTwo() {
    let counts = drawCounts([0.1, 0.2, 0.3, 0.4], temperature: 2, draws: 20_000, seed: 43)
    let weights = [0.1, 0.2, 0.3, 0.4].map { $0.squareRoot() }
    let expected = weights.map { $0 / weights.reduce(0, +) }
    let statistic = chiSquare(counts, expected: expected)

    #expect(statistic < 16.27, "counts \(counts), expected shares \(expected), chi-square \(statistic)")
}

@Test func samplingRejectsWrongDistribution() {
    // The uniform distribution must fail the same check, or the check proves nothing.
    let counts = drawCounts([0.1, 0.2, 0.3, 0.4], temperature: 1, draws: 20_000, seed: 44)
    let statistic = chiSquare(counts, expected: [0.25, 0.25, 0.25, 0.25])

    #expect(statistic > 16.27, "counts \(counts), chi-square \(statistic)")
}

@Test func samplingNeverDrawsZeroProbability() {
    let counts = drawCounts([0.5, 0, 0.5, 0], temperature: 3, draws: 2_000, seed: 5)

    #expect(counts[1] == 0)
    #expect(counts[3] == 0)
}

@Test func samplingLogitsMatchProbabilities() {
    let probabilities: [Float] = [0.05, 0.15, 0.3, 0.5]
    let logits = probabilities.map { log($0) + 3 }
    var fromProbabilities = SeededGenerator(seed: 9)
    var fromLogits = SeededGenerator(seed: 9)

    let first = (0..<300).map { _ in sample(from: probabilities, temperature: 0.7, using: &fromProbabilities) }
    let second = (0..<300).map { _ in sample(fromLogits: logits, temperature: 0.7, using: &fromLogits) }

    #expect(first == second)
}
