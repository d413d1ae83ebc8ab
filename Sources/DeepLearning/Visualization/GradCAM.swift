/// Grad-CAM (Selvaraju et al., 2017): where in an image a convnet found the evidence for a class.
///
/// The model is split after a convolutional layer (the last `Conv2D` or `SeparableConv2D` unless
/// a layer is named). The gradient of the class score with respect to that layer's feature maps,
/// averaged over each map, measures how much each channel matters for the class. The channels, weighted
/// by it and summed, give a coarse map that is clipped at zero and divided by its maximum.
///
/// ```swift
/// let cam = try GradCAM(model: model)
/// let heatmap = try cam.heatmap(for: xTest[0])          // [3, 3] for the book's Fashion-MNIST convnet
/// ```
public struct GradCAM {
    /// The model being explained.
    public let model: Sequential

    /// The index in `model.layers` of the layer whose feature maps are weighted.
    public let layerIndex: Int

    /// The per-sample shape of those feature maps, `[height, width, channels]`.
    public let featureMapShape: [Int]

    /// Prepares Grad-CAM for a built model, at the layer named `layerName` or at the last convolution.
    public init(model: Sequential, layerName: String? = nil) throws {
        self.model = model
        layerIndex = try model.featureLayerIndex(named: layerName)
        featureMapShape = try model.featureMapShape(ofLayer: layerIndex)
    }

    /// Returns the class-activation map for one image, `[height, width]` of the feature maps, in 0...1.
    ///
    /// - Parameters:
    ///   - image: one sample of the model's input shape, with or without a batch axis of 1.
    ///   - classIndex: the class to explain; the model's top prediction when `nil`.
    /// - Returns: the map, all zeros when no location raises the class score.
    public func heatmap(for image: Tensor, classIndex: Int? = nil) throws -> Tensor {
        let batch = try model.batchOfOne(image)
        let base = model.prefix(layerIndex + 1)
        let head = model.suffix(from: layerIndex + 1)

        // Only the head needs recording: the gradient stops at the watched feature maps. The score
        // is sliced inside the recording, since an op outside it would leave no path back.
        let tape = GradientTape()
        let features = tape.watch(try base(batch))
        let score = try tape.record { () throws -> Tensor in
            let predictions = try head(features)
            let classCount = predictions.shape.last ?? 0
            let target = classIndex ?? predictions.argmax()
            guard (0..<classCount).contains(target) else {
                throw VisualizationError.indexOutOfRange(what: "class index", index: target, count: classCount)
            }
            return predictions[0, target]
        }
        let featureGradient = tape.gradient(of: score, withRespectTo: features)

        let channelWeights = featureGradient[0].mean(alongAxes: 0, 1)
        let weighted = (features[0] * channelWeights).sum(alongAxes: 2)
        let positive = relu(weighted)
        let peak = positive.max().scalar
        return peak > 0 ? positive / peak : positive
    }
}
