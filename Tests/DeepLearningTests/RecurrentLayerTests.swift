import DeepLearning
import Testing

// The fused kernels against step-by-step references written with ordinary tensor operations and
// the Keras gate equations, so a wrong gate order or equation fails here even though its gradient
// would be consistent.

private func columns(_ matrix: Tensor, block: Int, units: Int) -> Tensor {
    matrix.slice((block * units)..<((block + 1) * units), alongAxis: -1)
}

private func randomized<L: RecurrentLayer>(_ layer: L, inputShape: [Int]) -> L {
    setSeed(4)
    try! layer.prepare(forInputShape: inputShape)
    layer.bias!.value = GradientCheck.random(layer.bias!.shape, in: -0.5...0.5, seed: 6)
    return layer
}

private func expectClose(_ actual: Tensor, _ expected: Tensor, _ label: String, tolerance: Float = 1e-5) {
    #expect(actual.shape == expected.shape, "\(label): shape \(actual.shape), expected \(expected.shape)")
    guard actual.shape == expected.shape else { return }
    let worst = zip(actual.scalars, expected.scalars).map { Swift.abs($0 - $1) }.max() ?? 0
    #expect(worst <= tolerance, "\(label): largest difference \(worst), allowed \(tolerance)")
}

private let sequences = GradientCheck.random([2, 6, 3], seed: 41)

@Test func lstmMatchesKerasEquations() {
    let units = 4
    let layer = randomized(LSTM(units, returnSequences: true), inputShape: [6, 3])
    let (w, u, b) = (layer.kernel!.value, layer.recurrentKernel!.value, layer.bias!.value)
    var h = Tensor(zeros: [2, units])
    var c = Tensor(zeros: [2, units])
    var outputs: [Tensor] = []
    for step in 0..<6 {
        let x = sequences.select(step, alongAxis: 1)
        let z = matmul(x, w) + matmul(h, u) + b
        let i = sigmoid(columns(z, block: 0, units: units))
        let f = sigmoid(columns(z, block: 1, units: units))
        let candidate = tanh(columns(z, block: 2, units: units))
        let o = sigmoid(columns(z, block: 3, units: units))
        c = f * c + i * candidate
        h = o * tanh(c)
        outputs.append(h)
    }
    expectClose(layer.forward(sequences, training: false), Tensor(stacking: outputs, alongAxis: 1), "LSTM")
}

@Test func gruMatchesKerasResetAfterEquations() {
    let units = 4
    let layer = randomized(GRU(units, returnSequences: true), inputShape: [6, 3])
    let (w, u) = (layer.kernel!.value, layer.recurrentKernel!.value)
    let inputBias = layer.bias!.value[0]
    let recurrentBias = layer.bias!.value[1]
    var h = Tensor(zeros: [2, units])
    var outputs: [Tensor] = []
    for step in 0..<6 {
        let x = matmul(sequences.select(step, alongAxis: 1), w) + inputBias
        let r = matmul(h, u) + recurrentBias
        let z = sigmoid(columns(x, block: 0, units: units) + columns(r, block: 0, units: units))
        let reset = sigmoid(columns(x, block: 1, units: units) + columns(r, block: 1, units: units))
        let candidate = tanh(columns(x, block: 2, units: units) + reset * columns(r, block: 2, units: units))
        h = z * h + (1 - z) * candidate
        outputs.append(h)
    }
    expectClose(layer.forward(sequences, training: false), Tensor(stacking: outputs, alongAxis: 1), "GRU")
}

@Test func simpleRNNMatchesEquation() {
    let layer = randomized(SimpleRNN(4), inputShape: [6, 3])
    var h = Tensor(zeros: [2, 4])
    for step in 0..<6 {
        h = tanh(matmul(sequences.select(step, alongAxis: 1), layer.kernel!.value) + matmul(h, layer.recurrentKernel!.value) + layer.bias!.value)
    }
    expectClose(layer.forward(sequences, training: false), h, "SimpleRNN")
}

@Test func recurrentMaskSkipsPrePadding() {
    let layer = randomized(LSTM(4), inputShape: [6, 3])
    let data = sequences.slice(2..<6, alongAxis: 1)
    let padded = Tensor(concatenating: [Tensor(shape: [2, 2, 3], repeating: 9), data], alongAxis: 1)
    let mask = Tensor(shape: [2, 6], scalars: [0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1])
    expectClose(layer.forward(padded, mask: mask, training: false), layer.forward(data, training: false), "masked LSTM")
}

@Test func recurrentMaskKeepsStateOverPostPadding() {
    let layer = randomized(GRU(4, returnSequences: true), inputShape: [6, 3])
    let mask = Tensor(shape: [2, 6], scalars: [1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1])
    let output = layer.forward(sequences, mask: mask, training: false)
    let unpadded = layer.forward(sequences.slice(0..<3, alongAxis: 1), training: false)
    expectClose(output[0].slice(3..<6, alongAxis: 0), Tensor(stacking: [unpadded[0, 2], unpadded[0, 2], unpadded[0, 2]]), "carried state")
}

@Test func goBackwardsReadsReversedInput() {
    let backward = randomized(LSTM(4, returnSequences: true, goBackwards: true), inputShape: [6, 3])
    let forward = LSTM(4, returnSequences: true)
    try! forward.prepare(forInputShape: [6, 3])
    for (target, source) in zip(forward.parameters, backward.parameters) { target.value = source.value }
    expectClose(backward.forward(sequences, training: false), forward.forward(sequences.reversed(alongAxis: 1), training: false), "goBackwards")
}

@Test func bidirectionalConcatenatesBothDirections() {
    let layer = Bidirectional(GRU(3, returnSequences: true))
    setSeed(8)
    try! layer.prepare(forInputShape: [6, 3])
    let output = layer.forward(sequences, training: false)
    let forward = layer.forwardLayer.forward(sequences, training: false)
    let backward = layer.backwardLayer.forward(sequences, training: false).reversed(alongAxis: 1)
    expectClose(output, Tensor(concatenating: [forward, backward], alongAxis: 2), "Bidirectional")
}

@Test func statesMatchLastOutput() throws {
    let layer = randomized(LSTM(4, returnSequences: true), inputShape: [6, 3])
    let (output, states) = try layer.outputAndStates(sequences)
    #expect(states.count == 2, "LSTM states: \(states.count), expected 2")
    expectClose(states[0], output.select(5, alongAxis: 1), "final h")
}

@Test func initialStatesContinueSequence() throws {
    let layer = randomized(GRU(4), inputShape: [6, 3])
    let (_, firstHalf) = try layer.outputAndStates(sequences.slice(0..<3, alongAxis: 1))
    let (continued, _) = try layer.outputAndStates(sequences.slice(3..<6, alongAxis: 1), initialStates: firstHalf)
    expectClose(continued, layer.forward(sequences, training: false), "continued GRU")
}

@Test func recurrentParameterCountsMatchKeras() throws {
    let model = Sequential {
        Input(shape: [500])
        Embedding(inputDim: 10_000, outputDim: 32)
        LSTM(32, returnSequences: true)
        GRU(16, returnSequences: true)
        SimpleRNN(8, returnSequences: true)
        Bidirectional(LSTM(8))
        Dense(1)
    }
    let counts = model.layers.map(\.parameterCount)
    let expected = [
        10_000 * 32,
        4 * (32 * (32 + 32) + 32),
        3 * (16 * (32 + 16) + 2 * 16),
        8 * (16 + 8) + 8,
        2 * 4 * (8 * (8 + 8) + 8),
        16 + 1,
    ]
    #expect(counts == expected, "parameter counts \(counts), expected \(expected)")
}

@Test func lstmForgetBiasStartsAtOne() throws {
    let layer = LSTM(3)
    try layer.prepare(forInputShape: [2, 5])
    let expected: [Float] = [0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]
    #expect(layer.bias!.value.scalars == expected, "bias \(layer.bias!.value.scalars), expected \(expected)")
}

@Test func orthogonalRowsAreOrthonormal() {
    setSeed(12)
    let matrix = Tensor(orthogonal: [6, 24])
    let gram = matmul(matrix, matrix.transposed())
    let identity = Tensor(shape: [6, 6], scalars: (0..<36).map { $0 % 7 == 0 ? 1 : 0 })
    expectClose(gram, identity, "W·Wᵀ")
}

@Test func orthogonalColumnsAreOrthonormal() {
    setSeed(13)
    let matrix = Tensor(orthogonal: [24, 6], gain: 2)
    let gram = matmul(matrix.transposed(), matrix)
    let identity = Tensor(shape: [6, 6], scalars: (0..<36).map { $0 % 7 == 0 ? 4 : 0 })
    expectClose(gram, identity, "Wᵀ·W", tolerance: 1e-4)
}

@Test func recurrentRejectsWrongFeatureCount() throws {
    let layer = LSTM(3)
    try layer.prepare(forInputShape: [4, 2])
    #expect(throws: ShapeError.self) { try layer.prepare(forInputShape: [4, 5]) }
}

@Test func recurrentRejectsFlatInput() {
    #expect(throws: ShapeError.self) { try GRU(3).prepare(forInputShape: [4]) }
}

/// Makes pre-padded sequences of different lengths, labelled by whether token 3 occurs.
private func containsTokenData(count: Int, seed: UInt64) -> (Tensor, Tensor) {
    var generator = Xoshiro256StarStar(seed: seed)
    var ids: [[Int]] = []
    var labels: [Int] = []
    for _ in 0..<count {
        let length = 4 + Int(generator.next() % 9)
        var sequence = (0..<length).map { _ in 4 + Int(generator.next() % 16) }
        let label = Int(generator.next() % 2)
        if label == 1 { sequence[Int(generator.next() % UInt64(length))] = 3 }
        ids.append(sequence)
        labels.append(label)
    }
    return (Tensor(paddedSequences: ids, maxLength: 12), Tensor(labels: labels))
}

@Test(arguments: ["lstm", "gru"])
func recurrentLearnsTokenPresence(kind: String) throws {
    setSeed(21)
    let (x, y) = containsTokenData(count: 600, seed: 1)
    let (testX, testY) = containsTokenData(count: 200, seed: 2)
    let model = Sequential {
        Input(shape: [12])
        Embedding(inputDim: 20, outputDim: 8, maskZero: true)
        if kind == "lstm" { LSTM(8) } else { GRU(8) }
        Dense(1, activation: .sigmoid)
    }
    model.compile(optimizer: Adam(learningRate: 0.01), loss: .binaryCrossentropy, metrics: [.accuracy])
    try model.fit(x, y, epochs: 8, batchSize: 32, verbose: 0)
    let accuracy = try model.evaluate(testX, testY)["accuracy"]
    #expect(accuracy >= 0.95, "\(kind) test accuracy \(accuracy), expected at least 0.95")
}

@Test func sampleBlocksMatchSingleSamples() {
    let layer = randomized(GRU(4, returnSequences: true), inputShape: [6, 3])
    let batch = GradientCheck.random([48, 6, 3], seed: 44)
    let together = layer.forward(batch, training: false)
    let alone = Tensor(concatenating: (0..<48).map { layer.forward(batch[$0..<($0 + 1)], training: false) }, alongAxis: 0)
    expectClose(together, alone, "blocks")
}

@Test func lstmRejectsOneInitialState() throws {
    let layer = randomized(LSTM(4), inputShape: [6, 3])
    #expect(throws: TrainingError.self) { try layer.outputAndStates(sequences, initialStates: [Tensor(zeros: [2, 4])]) }
}
