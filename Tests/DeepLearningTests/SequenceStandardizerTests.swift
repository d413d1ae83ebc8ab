import DeepLearning
import Testing

@Test func standardizerUsesTrainingRowsOnly() {
    // Column 0 is 1, 2, 3 in the training rows, then 100 and 200; column 1 is constant there.
    let data: [Float] = [1, 5, 2, 5, 3, 5, 100, 7, 200, 9]
    let standardizer = ColumnStandardizer(fittingRows: 0..<3, of: data, featureCount: 2)

    #expect(standardizer.mean == [2, 5])
    #expect(abs(standardizer.standardDeviation[0] - (2.0 / 3.0).squareRoot()) < 1e-6)
    #expect(standardizer.standardDeviation[1] == 1)
}

@Test func standardizerTransformsAllRows() {
    let data: [Float] = [1, 5, 2, 5, 3, 5, 100, 7, 200, 9]
    let standardizer = ColumnStandardizer(fittingRows: 0..<3, of: data, featureCount: 2)
    let standardized = standardizer.transform(data)
    let deviation = Float((2.0 / 3.0).squareRoot())

    #expect(standardized.count == 10)
    #expect(abs(standardized[0] - (-1 / deviation)) < 1e-5)
    #expect(abs(standardized[6] - (98 / deviation)) < 1e-3)
    #expect(standardized[9] == 4)
}

@Test func standardizerTrainingStatistics() {
    let data: [Float] = (0..<20).map { Float($0 * $0) }
    let standardized = ColumnStandardizer(fittingRows: 5..<15, of: data, featureCount: 1).transform(data)
    let training = standardized[5..<15]
    let mean = training.reduce(0, +) / 10
    let variance = training.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 10

    #expect(abs(mean) < 1e-5)
    #expect(abs(variance - 1) < 1e-4)
}

@Test func standardizerInverse() {
    let data: [Float] = [3, -1, 4, 1, 5, 9, 2, 6]
    let standardizer = ColumnStandardizer(fittingRows: 0..<2, of: data, featureCount: 2)
    let restored = standardizer.inverseTransform(standardizer.transform(data))

    #expect(zip(restored, data).allSatisfy { abs($0 - $1) < 1e-5 }, "restored \(restored)")
    #expect(abs(standardizer.inverseTransform(standardizer.transform(data)[5], column: 1) - 9) < 1e-5)
}
