import DeepLearning
import Testing

// The Tensor forms of the array-based text and time-series utilities.

@Test func paddedSequencesTensorPadsBeforeText() {
    let tensor = Tensor(paddedSequences: [[5, 6], [1, 2, 3, 4]], maxLength: 3)
    #expect(tensor.shape == [2, 3], "shape \(tensor.shape), expected [2, 3]")
    #expect(tensor.scalars == [0, 5, 6, 2, 3, 4], "ids \(tensor.scalars), expected [0, 5, 6, 2, 3, 4]")
}

@Test func paddedSequencesTensorPostPadding() {
    let tensor = Tensor(paddedSequences: [[5], [1, 2]], padding: .post)
    #expect(tensor.scalars == [5, 0, 1, 2], "ids \(tensor.scalars), expected [5, 0, 1, 2]")
}

@Test func multiHotTensorMarksPresentIndices() {
    let tensor = Tensor(multiHot: [[1, 3, 3], [0]], dimension: 4)
    #expect(tensor.shape == [2, 4], "shape \(tensor.shape), expected [2, 4]")
    #expect(tensor.scalars == [0, 1, 0, 1, 1, 0, 0, 0], "values \(tensor.scalars)")
}

@Test func oneHotTensorEncodesLabels() {
    let tensor = Tensor(oneHot: [2, 0], dimension: 3)
    #expect(tensor.scalars == [0, 0, 1, 1, 0, 0], "values \(tensor.scalars)")
}

@Test func labelsTensorKeepsIntegers() {
    let tensor = Tensor(labels: [0, 1, 16_777_216])
    #expect(tensor.scalars == [0, 1, 16_777_216], "values \(tensor.scalars)")
}

@Test func timeseriesTensorsMatchBatches() {
    let data: [Float] = (0..<20).map(Float.init)
    let windows = TimeseriesWindows(
        data: data, featureCount: 2, targets: (0..<10).map { Float($0 * 100) }, sequenceLength: 3,
        delay: 1, batchSize: 4)
    let (inputs, targets) = windows.tensors()
    #expect(inputs.shape == [windows.windowCount, 3, 2], "inputs shape \(inputs.shape)")
    #expect(targets.shape == [windows.windowCount, 1], "targets shape \(targets.shape)")
    let firstBatch = windows.batch(at: 0)
    #expect(Array(inputs.scalars.prefix(firstBatch.inputs.count)) == firstBatch.inputs, "first windows differ from batch 0")
    #expect(firstBatch.inputTensor.shape == firstBatch.inputShape, "batch tensor shape \(firstBatch.inputTensor.shape)")
    // The first window predicts row 3 from rows 0, 1, 2.
    #expect(targets.scalars.first == 300, "first target \(String(describing: targets.scalars.first)), expected 300")
}

@Test func sampleIndexFollowsGlobalSeed() {
    let probabilities = Tensor([0.1, 0.2, 0.3, 0.4])
    setSeed(17)
    let first = (0..<20).map { _ in probabilities.sampleIndex(temperature: 1) }
    setSeed(17)
    let second = (0..<20).map { _ in probabilities.sampleIndex(temperature: 1) }
    #expect(first == second, "draws after the same seed differ: \(first) and \(second)")
    #expect(Set(first).count > 1, "20 draws from four outcomes were all \(first[0])")
}

@Test func sampleIndexAtZeroTemperatureIsGreedy() {
    #expect(Tensor([0.1, 0.6, 0.3]).sampleIndex(temperature: 0) == 1, "greedy draw should pick index 1")
}
