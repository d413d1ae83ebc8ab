import DeepLearning
import Testing

/// Checks a layer's gradients with respect to its input and each trainable parameter against
/// central differences (same step and tolerances as GradientCheck).
private func checkLayer(_ layer: any Layer, input: Tensor, training: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws {
    _ = try layer(input, training: training)
    GradientCheck.check("\(layer.name) input", inputs: [input], sourceLocation: sourceLocation) { inputs in
        layer.forward(inputs[0], training: training)
    }

    let probe = layer.forward(input, training: training)
    var generator = Xoshiro256StarStar(seed: 9)
    let weights = Tensor(shape: probe.shape, scalars: (0..<probe.scalarCount).map { _ in generator.nextUniform() * 2 - 1 })
    func objective() -> Tensor { (layer.forward(input, training: training) * weights).sum() }

    let parameters = layer.trainableParameters
    let tape = GradientTape()
    let value = tape.record { objective() }
    let analytic = tape.gradient(of: value, withRespectTo: parameters)
    let step = GradientCheck.step
    for (parameter, gradient) in zip(parameters, analytic) {
        let gradient = try #require(gradient, "\(layer.name).\(parameter.name) has no gradient", sourceLocation: sourceLocation)
        let original = parameter.value
        for index in 0..<original.scalarCount {
            var plus = original.scalars
            var minus = original.scalars
            plus[index] += step
            minus[index] -= step
            parameter.value = Tensor(shape: original.shape, scalars: plus)
            let high = objective().scalar
            parameter.value = Tensor(shape: original.shape, scalars: minus)
            let low = objective().scalar
            parameter.value = original
            let numeric = (high - low) / (2 * step)
            let allowed = GradientCheck.absoluteTolerance + GradientCheck.relativeTolerance * Swift.abs(numeric)
            let observed = gradient.scalars[index]
            #expect(
                Swift.abs(numeric - observed) <= allowed,
                "\(layer.name).\(parameter.name)[\(index)]: numeric \(numeric), analytic \(observed)",
                sourceLocation: sourceLocation)
            if Swift.abs(numeric - observed) > allowed { return }
        }
    }
}

@Test func layerDenseGradients() throws {
    setSeed(1)
    try checkLayer(Dense(3, activation: .tanh), input: GradientCheck.random([4, 5]))
    try checkLayer(Dense(3, activation: .relu), input: GradientCheck.random([4, 5], seed: 2))
    try checkLayer(Dense(2, activation: .linear), input: GradientCheck.random([2, 3, 5], seed: 3))
}

@Test func layerConv2DGradients() throws {
    setSeed(2)
    try checkLayer(Conv2D(3, kernelSize: 3, activation: .sigmoid), input: GradientCheck.random([2, 5, 5, 2]))
    try checkLayer(Conv2D(2, kernelSize: 2, strides: 2, padding: .same, activation: .linear), input: GradientCheck.random([1, 5, 4, 3]))
}

@Test func layerSeparableConv2DGradients() throws {
    setSeed(3)
    try checkLayer(SeparableConv2D(4, kernelSize: 3, padding: .same, activation: .tanh), input: GradientCheck.random([2, 4, 4, 3]))
    try checkLayer(SeparableConv2D(2, kernelSize: 2, strides: 2, depthMultiplier: 2), input: GradientCheck.random([1, 4, 5, 2]))
}

@Test func layerBatchNormalizationGradients() throws {
    let layer = BatchNormalization()
    try checkLayer(layer, input: GradientCheck.random([6, 3], in: -2...2), training: true)
    try checkLayer(BatchNormalization(), input: GradientCheck.random([2, 3, 3, 4], in: -2...2), training: true)
}

@Test func layerBatchNormalizationModes() throws {
    let layer = BatchNormalization(momentum: 0.5)
    let input = Tensor([[1, 10], [3, 30]])
    let output = try layer(input, training: true)
    // Batch statistics: mean (2, 20), variance (1, 100); normalized values are ±1/√(v + 0.001).
    #expect(output.isAlmostEqual(to: Tensor([[-1, -1], [1, 1]]), tolerance: 1e-3))
    #expect(layer.movingMean!.value.isAlmostEqual(to: Tensor([1, 10])))
    #expect(layer.movingVariance!.value.isAlmostEqual(to: Tensor([1, 50.5])))
    let inference = try layer(input, training: false)
    let expected = (input - Tensor([1, 10])) / sqrt(Tensor([1, 50.5]) + 0.001)
    #expect(inference.isAlmostEqual(to: expected, tolerance: 1e-4))
}

@Test func layerPoolingGradients() throws {
    let values: [Float] = (0..<72).map { index -> Float in Float((index * 29) % 72) / 36 - 1 }
    let input = Tensor(shape: [2, 3, 4, 3], scalars: values)
    try checkLayer(MaxPooling2D(2), input: input)
    try checkLayer(AveragePooling2D(2, padding: .same), input: input)
    try checkLayer(GlobalAveragePooling2D(), input: input)
    try checkLayer(Flatten(), input: input)
    try checkLayer(Reshape([4, -1]), input: input)
}

@Test func layerMaxPoolingValues() throws {
    let input = Tensor(shape: [1, 2, 4, 1], scalars: [1, 5, 2, 0, 3, 4, 8, 7])
    let output = try MaxPooling2D(2)(input)
    #expect(output.shape == [1, 1, 2, 1])
    #expect(output.scalars == [5, 8])
}

@Test func layerDropoutTrainingOnly() throws {
    setSeed(4)
    let layer = Dropout(0.5)
    let input = Tensor(ones: [1000])
    #expect(try layer(input, training: false) == input)
    let dropped = try layer(input, training: true)
    let survivors = dropped.scalars.filter { $0 != 0 }
    #expect(survivors.allSatisfy { $0 == 2 })
    #expect(survivors.count > 400, "\(survivors.count) of 1000 inputs survived dropout at rate 0.5")
    #expect(survivors.count < 600, "\(survivors.count) of 1000 inputs survived dropout at rate 0.5")
}

@Test func layerRejectsWrongShape() throws {
    let dense = Dense(4)
    _ = try dense(Tensor(zeros: [2, 3]))
    #expect(throws: ShapeError.self) { try dense(Tensor(zeros: [2, 5])) }
    let conv = Conv2D(2, kernelSize: 3)
    #expect(throws: ShapeError.self) { try conv(Tensor(zeros: [1, 2, 2, 1])) }
}
