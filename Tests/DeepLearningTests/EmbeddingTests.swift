import DeepLearning
import Testing

@Test func embeddingLooksUpRows() throws {
    let layer = Embedding(inputDim: 4, outputDim: 2)
    try layer.prepare(forInputShape: [3])
    layer.embeddings!.value = Tensor([[0, 1], [10, 11], [20, 21], [30, 31]])
    let output = layer.forward(Tensor(shape: [2, 3], scalars: [3, 0, 1, 2, 2, 3]), training: false)
    let expected: [Float] = [30, 31, 0, 1, 10, 11, 20, 21, 20, 21, 30, 31]
    #expect(output.shape == [2, 3, 2], "shape \(output.shape), expected [2, 3, 2]")
    #expect(output.scalars == expected, "rows \(output.scalars), expected \(expected)")
}

@Test func embeddingGradientAddsRepeatedRows() {
    let table = GradientCheck.random([5, 3], seed: 2)
    let ids = Tensor(shape: [2, 3], scalars: [1, 4, 1, 0, 1, 4])
    GradientCheck.check("embeddingLookup", inputs: [table]) { embeddingLookup($0[0], indices: ids) }
}

@Test func embeddingLayerGradient() throws {
    let layer = Embedding(inputDim: 6, outputDim: 3)
    try layer.prepare(forInputShape: [4])
    let ids = Tensor(shape: [2, 4], scalars: [0, 5, 2, 2, 1, 3, 5, 4])
    LayerGradientCheck.check("Embedding", layer: layer, input: ids, checkInput: false) { layer.forward($0, training: false) }
}

@Test func embeddingMaskMarksPadding() throws {
    let layer = Embedding(inputDim: 6, outputDim: 3, maskZero: true)
    let ids = Tensor(shape: [2, 3], scalars: [0, 0, 4, 0, 2, 5])
    let mask = layer.outputMask(for: ids, mask: nil)
    #expect(mask?.scalars == [0, 0, 1, 0, 1, 1], "mask \(String(describing: mask?.scalars)), expected [0, 0, 1, 0, 1, 1]")
}

@Test func embeddingWithoutMaskZeroHasNoMask() {
    let layer = Embedding(inputDim: 6, outputDim: 3)
    #expect(layer.outputMask(for: Tensor(shape: [1, 2], scalars: [0, 1]), mask: nil) == nil, "Embedding without maskZero produced a mask")
}

// Sequential hands the embedding's mask to the LSTM, so padding does not change the output.
@Test func embeddingMaskReachesRecurrentLayer() throws {
    setSeed(5)
    let embedding = Embedding(inputDim: 10, outputDim: 4, maskZero: true)
    let lstm = LSTM(3)
    let model = Sequential([embedding, lstm], inputShape: [6])
    let padded = Tensor(shape: [1, 6], scalars: [0, 0, 0, 7, 2, 9])
    let unpadded = Tensor(shape: [1, 3], scalars: [7, 2, 9])
    let expected = lstm.forward(embedding.forward(unpadded, training: false), training: false)
    let actual = try model(padded)
    let difference = zip(actual.scalars, expected.scalars).map { Swift.abs($0 - $1) }.max() ?? 0
    #expect(difference < 1e-6, "padded and unpadded outputs differ by \(difference)")
}

@Test func embeddingParameterCount() throws {
    let layer = Embedding(inputDim: 10_000, outputDim: 32)
    try layer.prepare(forInputShape: [500])
    #expect(layer.parameterCount == 320_000, "parameters \(layer.parameterCount), expected 320000")
}

// The mask passes through a recurrent layer that returns sequences to the next one.
@Test func embeddingMaskReachesStackedLayers() throws {
    setSeed(6)
    let embedding = Embedding(inputDim: 10, outputDim: 4, maskZero: true)
    let first = LSTM(3, returnSequences: true)
    let second = GRU(2)
    let model = Sequential([embedding, first, second], inputShape: [6])
    let padded = Tensor(shape: [1, 6], scalars: [0, 0, 5, 7, 2, 9])
    let unpadded = Tensor(shape: [1, 4], scalars: [5, 7, 2, 9])
    let expected = second.forward(first.forward(embedding.forward(unpadded, training: false), training: false), training: false)
    let actual = try model(padded)
    let difference = zip(actual.scalars, expected.scalars).map { Swift.abs($0 - $1) }.max() ?? 0
    #expect(difference < 1e-6, "padded and unpadded outputs of the stack differ by \(difference)")
}

// Dropout between Embedding and a recurrent layer keeps the mask, as Keras's Dropout does.
@Test func embeddingMaskPassesThroughDropout() throws {
    setSeed(7)
    let embedding = Embedding(inputDim: 10, outputDim: 4, maskZero: true)
    let dropout = Dropout(0.5)
    let recurrent = GRU(3)
    let model = Sequential([embedding, dropout, recurrent], inputShape: [6])
    let padded = Tensor(shape: [1, 6], scalars: [0, 0, 5, 7, 2, 9])
    let unpadded = Tensor(shape: [1, 4], scalars: [5, 7, 2, 9])
    let expected = recurrent.forward(embedding.forward(unpadded, training: false), training: false)
    let actual = try model(padded)
    let difference = zip(actual.scalars, expected.scalars).map { Swift.abs($0 - $1) }.max() ?? 0
    #expect(difference < 1e-6, "padded and unpadded outputs through Dropout differ by \(difference)")
}
