import DeepLearning
import Foundation
import Testing

private func bookConvnet() -> Sequential {
    Sequential {
        Input(shape: [28, 28, 1])
        Conv2D(32, kernelSize: 3, activation: .relu)
        MaxPooling2D(2)
        Conv2D(64, kernelSize: 3, activation: .relu)
        MaxPooling2D(2)
        Conv2D(64, kernelSize: 3, activation: .relu)
        Flatten()
        Dense(64, activation: .relu)
        Dense(10, activation: .softmax)
    }
}

/// A few thousand Fashion-MNIST samples, shared by the training tests.
private let fashion: FashionMNIST? = try? FashionMNIST()

@Test func summaryBookConvnetCount() throws {
    let model = bookConvnet()
    // Keras: 320 + 18,496 + 36,928 + 36,928 + 650 = 93,322.
    #expect(model.parameterCount == 93_322)
    let text = model.summaryText()
    #expect(text.contains("Total params: 93,322"))
    #expect(text.contains("Trainable params: 93,322"))
    #expect(text.contains("Non-trainable params: 0"))
    #expect(text.contains("(None, 3, 3, 64)"))
    #expect(text.contains("(None, 576)"))
}

@Test func summarySeparableBatchNormCount() throws {
    let model = Sequential {
        Input(shape: [32, 32, 3])
        SeparableConv2D(64, kernelSize: 3, padding: .same)
        BatchNormalization()
        ActivationLayer(.relu)
        GlobalAveragePooling2D()
        Dense(10, activation: .softmax)
    }
    // SeparableConv2D: depthwise 3·3·3 = 27, pointwise 3·64 = 192, bias 64 → 283.
    // BatchNormalization: 4·64 = 256, of which moving mean and variance (2·64 = 128) are non-trainable.
    // Dense: 64·10 + 10 = 650. Total 1,189; trainable 1,061; non-trainable 128.
    #expect(model.parameterCount == 1_189)
    let text = model.summaryText()
    #expect(text.contains("Total params: 1,189"))
    #expect(text.contains("Trainable params: 1,061"))
    #expect(text.contains("Non-trainable params: 128"))
    #expect(text.contains("separable_conv2d"))
    #expect(text.contains("(Activation)"))
}

@Test func modelRejectsWrongInputShape() throws {
    let model = bookConvnet()
    #expect(throws: ShapeError.self) { try model(Tensor(zeros: [1, 32, 32, 3])) }
    do {
        _ = try model.predict(Tensor(zeros: [2, 32, 32, 3]))
        Issue.record("predict accepted 32×32×3 images")
    } catch let error as ShapeError {
        #expect(error.description.contains("(None, 28, 28, 1)"))
        #expect(error.description.contains("(None, 32, 32, 3)"))
    }
}

@Test func fitRequiresCompile() throws {
    let model = Sequential([Dense(1)])
    #expect(throws: TrainingError.notCompiled) { try model.fit(Tensor(zeros: [2, 3]), Tensor(zeros: [2]), verbose: 0) }
    model.compile(optimizer: SGD(), loss: .mse)
    #expect(throws: TrainingError.sampleCountMismatch(inputs: 2, labels: 3)) {
        try model.fit(Tensor(zeros: [2, 3]), Tensor(zeros: [3]), verbose: 0)
    }
}

@Test func denseLearnsFashionSubset() throws {
    let data = try #require(fashion, "Fashion-MNIST is missing; run scripts/setup")
    setSeed(11)
    let model = Sequential {
        Flatten()
        Dense(128, activation: .relu)
        Dense(10, activation: .softmax)
    }
    model.compile(optimizer: RMSprop(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
    let history = try model.fit(
        data.train.images[..<4000], data.train.labels[..<4000], epochs: 3, batchSize: 64,
        validationSplit: 0.2, verbose: 0)
    #expect(history["loss"].count == 3)
    #expect(history["val_accuracy"].count == 3)
    #expect(history["loss"][2] < history["loss"][0])
    let result = try model.evaluate(data.test.images[..<1000], data.test.labels[..<1000])
    // A 128-unit dense net reaches about 0.78 on this subset; chance is 0.10.
    #expect(result["accuracy"] > 0.72)
}

@Test func convnetLearnsFashionSubset() throws {
    let data = try #require(fashion, "Fashion-MNIST is missing; run scripts/setup")
    setSeed(12)
    let model = Sequential {
        Input(shape: [28, 28, 1])
        Conv2D(16, kernelSize: 3, activation: .relu)
        MaxPooling2D(2)
        Conv2D(32, kernelSize: 3, activation: .relu)
        MaxPooling2D(2)
        Flatten()
        Dense(10, activation: .softmax)
    }
    model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
    try model.fit(data.train.images[..<3000], data.train.labels[..<3000], epochs: 2, batchSize: 32, verbose: 0)
    let result = try model.evaluate(data.test.images[..<1000], data.test.labels[..<1000])
    #expect(result["accuracy"] > 0.70)
}

@Test func binaryAndRegressionTraining() throws {
    setSeed(13)
    // Points above the line y = x are class 1.
    let points = Tensor(randomUniform: [512, 2], lowerBound: -1, upperBound: 1)
    let labels = (points.select(1, alongAxis: 1) .> points.select(0, alongAxis: 1)).reshaped(to: [512, 1])
    let classifier = Sequential([Dense(8, activation: .tanh), Dense(1, activation: .sigmoid)])
    classifier.compile(optimizer: Adam(learningRate: 0.01), loss: .binaryCrossentropy, metrics: [.accuracy])
    let history = try classifier.fit(points, labels, epochs: 20, batchSize: 32, verbose: 0)
    #expect(history["accuracy"].last! > 0.95)

    // y = 3a − 2b + 1 is learnable exactly by one Dense unit.
    let targets = points.select(0, alongAxis: 1) * 3 - points.select(1, alongAxis: 1) * 2 + 1
    let regressor = Sequential([Dense(1)])
    regressor.compile(optimizer: SGD(learningRate: 0.1, momentum: 0.9, nesterov: true), loss: .mse, metrics: [.mae])
    let fit = try regressor.fit(points, targets, epochs: 30, batchSize: 32, verbose: 0)
    #expect(fit["mae"].last! < 0.05)
}

@Test func seedGivesIdenticalHistory() throws {
    func run() throws -> (History, [Tensor]) {
        setSeed(99)
        let x = Tensor(randomNormal: [256, 6])
        let y = Tensor(shape: [256], scalars: (0..<256).map { Float($0 % 3) })
        let model = Sequential([Dense(16, activation: .relu), Dropout(0.3), Dense(3, activation: .softmax)])
        model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
        let history = try model.fit(x, y, epochs: 3, batchSize: 32, validationSplit: 0.25, verbose: 0)
        return (history, model.weightValues())
    }
    let (firstHistory, firstWeights) = try run()
    let (secondHistory, secondWeights) = try run()
    #expect(firstHistory.history == secondHistory.history)
    #expect(firstWeights == secondWeights)
}

@Test func weightsRoundTrip() throws {
    setSeed(5)
    let model = bookConvnet()
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("redbook-weights-\(UUID().uuidString).bin").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try model.saveWeights(to: path)
    let copy = bookConvnet()
    #expect(copy.weightValues() != model.weightValues())
    try copy.loadWeights(from: path)
    #expect(copy.weightValues() == model.weightValues())
    let input = Tensor(randomUniform: [2, 28, 28, 1])
    #expect(try copy(input) == model(input))
}

@Test func weightsRejectOtherShape() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("redbook-weights-\(UUID().uuidString).bin").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let small = Sequential([Dense(4, name: "hidden"), Dense(2)], inputShape: [3])
    try small.saveWeights(to: path)
    let wide = Sequential([Dense(5, name: "hidden_wide"), Dense(2)], inputShape: [3])
    #expect(throws: WeightsFileError.shapeMismatch(layer: "hidden_wide", weight: "kernel", expected: [3, 5], actual: [3, 4])) {
        try wide.loadWeights(from: path)
    }
    try Data("RBWX".utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: WeightsFileError.self) { try small.loadWeights(from: path) }
}

@Test func gradientOfClassScoreAtConvOutput() throws {
    // Grad-CAM's first step: the class score's gradient with respect to the last conv output.
    setSeed(6)
    let model = bookConvnet()
    let image = Tensor(randomUniform: [1, 28, 28, 1])
    let lastConv = 5
    let tape = GradientTape()
    let (score, features) = try tape.record { () throws -> (Tensor, Tensor) in
        let features = try model.prefix(lastConv)(image)
        let predictions = try model.suffix(from: lastConv)(features)
        return (predictions[0, 3], features)
    }
    let gradient = tape.gradient(of: score, withRespectTo: features)
    #expect(gradient.shape == [1, 3, 3, 64])
    #expect(gradient.scalars.contains { $0 != 0 })
    #expect(features.shape == (try model.activations(image))[lastConv - 1].shape)
}

@Test func regularizerAddsPenaltyToLoss() throws {
    setSeed(8)
    let x = Tensor(randomNormal: [32, 4])
    let y = Tensor(zeros: [32, 1])
    let layer = Dense(1, kernelRegularizer: .l2(0.5))
    let model = Sequential([layer], inputShape: [4])
    model.compile(optimizer: SGD(learningRate: 0.1), loss: .mse)
    let before = try model.evaluate(x, y, batchSize: 32)
    let kernel = layer.kernel!.value
    let dataLoss = Loss.mse(labels: y, predictions: try model(x)).scalar
    let penalty = 0.5 * kernel.squared().sum().scalar
    #expect(Swift.abs(before.loss - Double(dataLoss + penalty)) < 1e-5)

    try model.fit(x, y, epochs: 20, batchSize: 32, verbose: 0)
    // The targets are zero, so both the data term and the penalty push the kernel to zero.
    #expect(layer.kernel!.value.squared().sum().scalar < 0.01 * kernel.squared().sum().scalar)
}

@Test func modelReportsBuildErrorOnUse() throws {
    // A 3×3 convolution cannot slide over 2×2 images; the error surfaces when the model is used.
    let model = Sequential {
        Input(shape: [2, 2, 1])
        Conv2D(4, kernelSize: 3)
    }
    #expect(throws: ShapeError.self) { try model.predict(Tensor(zeros: [1, 2, 2, 1])) }
    #expect(model.summaryText().contains("cannot be built"))
}

@Test func firstLayerDeclaresInputShape() throws {
    let model = Sequential([Conv2D(8, kernelSize: 3, activation: .relu, inputShape: [28, 28, 1]), Flatten(), Dense(10)])
    #expect(model.inputShape == [28, 28, 1])
    // 3·3·1·8 + 8 = 80 and 26·26·8·10 + 10 = 54,090.
    #expect(model.parameterCount == 54_170)
}
