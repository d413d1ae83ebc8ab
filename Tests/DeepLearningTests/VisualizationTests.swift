import DeepLearning
import Testing

/// A 4×4 greyscale model whose Grad-CAM map is known in advance: channel 0 of the convolution fires on
/// bright pixels, channel 1 on dark ones, and class k's score is the sum of channel k.
private func brightDarkModel() throws -> Sequential {
    let convolution = Conv2D(2, kernelSize: 1, activation: .relu)
    let classifier = Dense(2)
    let model = Sequential {
        Input(shape: [4, 4, 1])
        convolution
        Flatten()
        classifier
    }
    try model.build(inputShape: [4, 4, 1])
    convolution.kernel!.value = Tensor(shape: [1, 1, 1, 2], scalars: [1, -1])
    convolution.bias!.value = Tensor([-0.5, 0.5])
    // Flatten lays the features out as (row, column, channel), so even rows of the kernel read
    // channel 0 and odd rows channel 1.
    let rows: [Float] = (0..<32).flatMap { index -> [Float] in index % 2 == 0 ? [1, 0] : [0, 1] }
    classifier.kernel!.value = Tensor(shape: [32, 2], scalars: rows)
    return model
}

/// A black 4×4 image with one white pixel in the top-left corner.
private let cornerImage: Tensor = {
    var pixels = [Float](repeating: 0, count: 16)
    pixels[0] = 1
    return Tensor(shape: [4, 4, 1], scalars: pixels)
}()

@Test func gradCAMBrightClassPeaksAtCorner() throws {
    let cam = try GradCAM(model: try brightDarkModel())
    let heatmap = try cam.heatmap(for: cornerImage, classIndex: 0)
    #expect(heatmap.shape == [4, 4], "expected shape [4, 4], got \(heatmap.shape)")
    #expect(heatmap.argmax() == 0, "expected the peak at the corner (index 0), got \(heatmap.argmax())")
    #expect(heatmap.scalars[0] == 1, "expected the peak normalised to 1, got \(heatmap.scalars[0])")
    #expect(heatmap.scalars.dropFirst().allSatisfy { $0 == 0 }, "expected zeros off the corner, got \(heatmap.scalars)")
}

@Test func gradCAMDarkClassAvoidsCorner() throws {
    let cam = try GradCAM(model: try brightDarkModel())
    let heatmap = try cam.heatmap(for: cornerImage, classIndex: 1)
    #expect(heatmap.scalars[0] == 0, "expected 0 at the bright corner, got \(heatmap.scalars[0])")
    #expect(heatmap.scalars.dropFirst().allSatisfy { $0 == 1 }, "expected 1 on every dark pixel, got \(heatmap.scalars)")
}

@Test func gradCAMDefaultsToPredictedClass() throws {
    let model = try brightDarkModel()
    let cam = try GradCAM(model: model)
    let predicted = try model(cornerImage.expandingShape(at: 0)).argmax()
    let automatic = try cam.heatmap(for: cornerImage)
    let explicit = try cam.heatmap(for: cornerImage, classIndex: predicted)
    #expect(automatic.scalars == explicit.scalars, "expected the map of class \(predicted), got \(automatic.scalars)")
}

@Test func gradCAMWithoutConvolutionThrows() throws {
    let model = Sequential {
        Input(shape: [4])
        Dense(2)
    }
    #expect(throws: VisualizationError.self) { try GradCAM(model: model) }
}

@Test func gradCAMRejectsWrongImageShape() throws {
    let cam = try GradCAM(model: try brightDarkModel())
    #expect(throws: VisualizationError.imageShape(expected: [4, 4, 1], actual: [5, 5, 1])) {
        try cam.heatmap(for: Tensor(zeros: [5, 5, 1]))
    }
}

@Test func filterPatternRaisesActivation() throws {
    setSeed(3)
    let edges = Conv2D(1, kernelSize: 3, activation: .relu, name: "vertical_edges")
    let model = Sequential {
        Input(shape: [10, 10, 1])
        edges
    }
    try model.build(inputShape: [10, 10, 1])
    // The kernel responds to dark-to-bright vertical edges, so a grey image gives it almost nothing.
    edges.kernel!.value = Tensor(shape: [3, 3, 1, 1], scalars: [-1, 0, 1, -1, 0, 1, -1, 0, 1])

    let pattern = try model.filterPattern(layerName: "vertical_edges", filter: 0, steps: 30)
    #expect(pattern.image.shape == [10, 10, 1], "expected shape [10, 10, 1], got \(pattern.image.shape)")
    #expect(
        pattern.finalActivation > pattern.initialActivation + 1,
        "expected a rise of more than 1, from \(pattern.initialActivation) to \(pattern.finalActivation)")
}

@Test func filterPatternRejectsMissingFilter() throws {
    let model = Sequential {
        Input(shape: [6, 6, 1])
        Conv2D(2, kernelSize: 3, name: "two_filters")
    }
    #expect(throws: VisualizationError.indexOutOfRange(what: "filter", index: 2, count: 2)) {
        try model.filterPattern(layerName: "two_filters", filter: 2)
    }
}

@Test func confusionMatrixCounts() throws {
    let labels = Tensor([0, 1, 2, 2, 1, 0])
    let predictions = Tensor([0, 2, 2, 2, 1, 1])
    let counts = try confusionMatrix(labels: labels, predictions: predictions, classCount: 3)
    let expected = [[1, 1, 0], [0, 1, 1], [0, 0, 2]]
    #expect(counts == expected, "expected \(expected), got \(counts)")
}

@Test func confusionMatrixRejectsProbabilities() throws {
    #expect(throws: TrainingError.self) {
        try confusionMatrix(labels: Tensor([0, 1]), predictions: Tensor([0.2, 0.8]), classCount: 2)
    }
}

@Test func confusionMatrixRejectsCountMismatch() throws {
    #expect(throws: TrainingError.sampleCountMismatch(inputs: 1, labels: 2)) {
        try confusionMatrix(labels: Tensor([0, 1]), predictions: Tensor([0]), classCount: 2)
    }
}
