import DeepLearning
import Testing

private let sequences = GradientCheck.random([2, 7, 3], seed: 51)

@Test func conv1DMatchesDirectSum() throws {
    setSeed(6)
    let layer = Conv1D(2, kernelSize: 3, strides: 2)
    try layer.prepare(forInputShape: [7, 3])
    layer.bias!.value = Tensor([0.5, -0.25])
    let output = layer.forward(sequences, training: false)
    #expect(output.shape == [2, 3, 2], "shape \(output.shape), expected [2, 3, 2]")
    let (x, k, b) = (sequences.scalars, layer.kernel!.value.scalars, layer.bias!.value.scalars)
    var worst: Float = 0
    for sample in 0..<2 {
        for step in 0..<3 {
            for filter in 0..<2 {
                var total = b[filter]
                for offset in 0..<3 {
                    for channel in 0..<3 {
                        total += x[(sample * 7 + step * 2 + offset) * 3 + channel] * k[(offset * 3 + channel) * 2 + filter]
                    }
                }
                worst = max(worst, abs(total - output.scalars[(sample * 3 + step) * 2 + filter]))
            }
        }
    }
    #expect(worst < 1e-5, "largest difference from the direct sum \(worst)")
}

@Test func conv1DSamePaddingKeepsLength() throws {
    let layer = Conv1D(4, kernelSize: 5, padding: .same)
    #expect(try layer.prepare(forInputShape: [7, 3]) == [7, 4], "same padding should keep 7 steps")
}

@Test func conv1DGradient() throws {
    setSeed(7)
    let layer = Conv1D(2, kernelSize: 3, padding: .same, activation: .tanh)
    try layer.prepare(forInputShape: [7, 3])
    LayerGradientCheck.check("Conv1D", layer: layer, input: sequences) { layer.forward($0, training: false) }
}

@Test func conv1DParameterCount() throws {
    let layer = Conv1D(16, kernelSize: 5)
    try layer.prepare(forInputShape: [100, 8])
    #expect(layer.parameterCount == 5 * 8 * 16 + 16, "parameters \(layer.parameterCount), expected 656")
}

@Test func maxPooling1DTakesWindowMaxima() {
    let input = Tensor(shape: [1, 5, 1], scalars: [1, 3, 2, 5, 4])
    let output = MaxPooling1D(2).forward(input, training: false)
    #expect(output.scalars == [3, 5], "pooled \(output.scalars), expected [3, 5]")
}

@Test func maxPooling1DGradient() {
    let input = GradientCheck.awayFromZero([2, 6, 2], seed: 52)
    GradientCheck.check("MaxPooling1D", inputs: [input]) { MaxPooling1D(3, strides: 2).forward($0[0], training: false) }
}

@Test func globalMaxPooling1DGradient() {
    let input = GradientCheck.random([2, 5, 3], seed: 53)
    GradientCheck.check("GlobalMaxPooling1D", inputs: [input]) { GlobalMaxPooling1D().forward($0[0], training: false) }
}

@Test func globalAveragePooling1DIgnoresMaskedSteps() {
    let input = Tensor(shape: [1, 4, 1], scalars: [100, 1, 2, 3])
    let mask = Tensor(shape: [1, 4], scalars: [0, 1, 1, 1])
    let output = GlobalAveragePooling1D().forward(input, mask: mask, training: false)
    #expect(output.scalars == [2], "masked mean \(output.scalars), expected [2]")
}

@Test func globalAveragePooling1DMaskedGradient() {
    let mask = LayerGradientCheck.mixedMask(batch: 2, time: 7)
    GradientCheck.check("GlobalAveragePooling1D", inputs: [sequences]) {
        GlobalAveragePooling1D().forward($0[0], mask: mask, training: false)
    }
}

@Test func timeDistributedAppliesLayerPerStep() throws {
    setSeed(9)
    let dense = Dense(4)
    let layer = TimeDistributed(dense)
    #expect(try layer.prepare(forInputShape: [7, 3]) == [7, 4], "output shape should be [7, 4]")
    let output = layer.forward(sequences, training: false)
    let step = dense.forward(sequences.select(2, alongAxis: 1), training: false)
    let difference = zip(output.select(2, alongAxis: 1).scalars, step.scalars).map { abs($0 - $1) }.max() ?? 0
    #expect(difference < 1e-6, "step 2 differs from the layer applied alone by \(difference)")
}

@Test func conv1DLearnsLocalPattern() throws {
    // Label: whether the rising pattern (1, 2, 3) in channel 0 appears anywhere.
    var generator = Xoshiro256StarStar(seed: 3)
    var scalars: [Float] = []
    var labels: [Int] = []
    for _ in 0..<400 {
        var row = (0..<20).map { _ in generator.nextUniform() * 0.5 }
        let label = Int(generator.next() % 2)
        if label == 1 {
            let start = Int(generator.next() % 18)
            row[start] = 1; row[start + 1] = 2; row[start + 2] = 3
        }
        scalars += row
        labels.append(label)
    }
    let x = Tensor(shape: [400, 20, 1], scalars: scalars)
    let y = Tensor(labels: labels)
    setSeed(4)
    let model = Sequential {
        Input(shape: [20, 1])
        Conv1D(8, kernelSize: 3, activation: .relu)
        GlobalMaxPooling1D()
        Dense(1, activation: .sigmoid)
    }
    model.compile(optimizer: Adam(learningRate: 0.01), loss: .binaryCrossentropy, metrics: [.accuracy])
    try model.fit(x[..<300], y[..<300], epochs: 15, batchSize: 32, verbose: 0)
    let accuracy = try model.evaluate(x[300...], y[300...])["accuracy"]
    #expect(accuracy >= 0.95, "Conv1D test accuracy \(accuracy), expected at least 0.95")
}
