/// Max pooling over time in `[batch, time, channels]` sequences, as Keras's `MaxPooling1D`. Strides
/// default to the pool size.
public final class MaxPooling1D: Layer {
    public var name: String
    public var builtInputShape: [Int]?
    public let poolSize: Int
    public let strides: Int
    public let padding: Padding

    public init(_ poolSize: Int = 2, strides: Int? = nil, padding: Padding = .valid, name: String? = nil) {
        precondition(poolSize > 0, "MaxPooling1D: pool size must be positive, got \(poolSize)")
        precondition((strides ?? 1) > 0, "MaxPooling1D: strides must be positive, got \(strides ?? 0)")
        self.poolSize = poolSize
        self.strides = strides ?? poolSize
        self.padding = padding
        self.name = name ?? LayerNames.unique("max_pooling1d")
    }

    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        try sequenceWindowOutputShape(
            layer: name, inputShape: inputShape, builtChannels: builtInputShape?[1], window: poolSize,
            strides: strides, padding: padding, outputChannels: nil)
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        let image = input.reshaped(to: [input.shape[0], 1, input.shape[1], input.shape[2]])
        let pooled = maxPool2D(image, poolSize: (1, poolSize), strides: (1, strides), padding: padding)
        return pooled.reshaped(to: [pooled.shape[0], pooled.shape[2], pooled.shape[3]])
    }
}

/// The maximum of each channel over time: `[batch, time, channels]` → `[batch, channels]`.
public final class GlobalMaxPooling1D: Layer {
    public var name: String
    public var builtInputShape: [Int]?

    public init(name: String? = nil) {
        self.name = name ?? LayerNames.unique("global_max_pooling1d")
    }

    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        try globalPoolingOutputShape(layer: name, inputShape: inputShape, builtInputShape: builtInputShape)
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        input.max(alongAxes: 1)
    }
}

/// The mean of each channel over time: `[batch, time, channels]` → `[batch, channels]`. With a
/// mask, as after ``Embedding`` with `maskZero: true`, only the data timesteps are averaged.
public final class GlobalAveragePooling1D: MaskingLayer {
    public var name: String
    public var builtInputShape: [Int]?

    public init(name: String? = nil) {
        self.name = name ?? LayerNames.unique("global_average_pooling1d")
    }

    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        try globalPoolingOutputShape(layer: name, inputShape: inputShape, builtInputShape: builtInputShape)
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        input.mean(alongAxes: 1)
    }

    public func forward(_ input: Tensor, mask: Tensor?, training: Bool) -> Tensor {
        checkMask(mask, for: input, layer: name)
        guard let mask else { return input.mean(alongAxes: 1) }
        let weights = mask.expandingShape(at: 2)
        // A sequence that is all padding averages to 0 instead of dividing by 0.
        let counts = mask.sum(alongAxes: 1).expandingShape(at: 1).clipped(min: 1, max: .greatestFiniteMagnitude)
        return (input * weights).sum(alongAxes: 1) / counts
    }

    public func outputMask(for input: Tensor, mask: Tensor?) -> Tensor? { nil }
}

func globalPoolingOutputShape(layer: String, inputShape: [Int], builtInputShape: [Int]?) throws -> [Int] {
    guard inputShape.count == 2, inputShape[0] >= 1 else {
        throw ShapeError.invalidInput(layer: layer, expected: "sequences of shape (None, time, channels)", actual: inputShape)
    }
    if let builtInputShape, builtInputShape[1] != inputShape[1] {
        throw ShapeError.invalidInput(layer: layer, expected: "\(builtInputShape[1]) channels", actual: inputShape)
    }
    return [inputShape[1]]
}
