/// The input pattern one filter of a convolutional layer responds to most, found by gradient ascent.
public struct FilterPattern {
    /// The synthesized image, one sample of the model's input shape. It is not clipped, so show it
    /// over its own range (as a single-channel `RasterImage` is by default).
    public let image: Tensor
    /// The filter's mean activation on the starting image.
    public let initialActivation: Float
    /// The filter's mean activation on the final image.
    public let finalActivation: Float
}

extension Sequential {
    /// Synthesizes the image that most excites filter `filter` of the layer named `layerName`.
    ///
    /// Starts from a grey image with uniform noise (0.4...0.6, drawn from the library's seeded
    /// generator, so `setSeed` makes it repeatable) and climbs the gradient of the filter's mean
    /// activation, skipping a border of two pixels where padding effects dominate. Each step is
    /// the gradient divided by its L2 norm times `stepSize`, so the step length does not depend on
    /// the gradient's scale. The image is not clipped to the data's range: clipping saturates a
    /// filter that likes brightness into a white square and hides the pattern's shape. A filter
    /// that is silent on the starting image has no gradient, and its pattern stays the noise.
    ///
    /// - Parameters:
    ///   - layerName: a layer whose output is `[height, width, channels]`.
    ///   - filter: the channel to maximize.
    ///   - steps: gradient-ascent iterations.
    ///   - stepSize: L2 length of each step in input space.
    public func filterPattern(
        layerName: String, filter: Int, steps: Int = 30, stepSize: Float = 1
    ) throws -> FilterPattern {
        guard let inputShape else { throw VisualizationError.unbuiltModel(model: name) }
        let layerIndex = try featureLayerIndex(named: layerName)
        let shape = try featureMapShape(ofLayer: layerIndex)
        guard (0..<shape[2]).contains(filter) else {
            throw VisualizationError.indexOutOfRange(what: "filter", index: filter, count: shape[2])
        }
        let base = prefix(layerIndex + 1)
        let border = shape[0] > 4 && shape[1] > 4 ? 2 : 0

        func meanActivation(_ image: Tensor) throws -> Tensor {
            let maps = try base(image).select(filter, alongAxis: 3)
            let inner = maps
                .slice(border..<(shape[0] - border), alongAxis: 1)
                .slice(border..<(shape[1] - border), alongAxis: 2)
            return inner.mean()
        }

        var image = Tensor(randomUniform: [1] + inputShape, lowerBound: 0.4, upperBound: 0.6)
        let initial = try meanActivation(image).scalar
        for _ in 0..<steps {
            let tape = GradientTape()
            let watched = tape.watch(image)
            let activation = try tape.record { try meanActivation(watched) }
            let gradient = tape.gradient(of: activation, withRespectTo: watched)
            let norm = gradient.squared().sum().scalar.squareRoot()
            guard norm > 0 else { break }
            image = image + gradient * (stepSize / norm)
        }
        let final = try meanActivation(image).scalar
        return FilterPattern(image: image[0], initialActivation: initial, finalActivation: final)
    }
}
