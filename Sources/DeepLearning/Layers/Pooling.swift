/// Max pooling over channels-last images, as Keras's `MaxPooling2D`. Strides default to the pool size.
public final class MaxPooling2D: Layer {
    public var name: String
    public var builtInputShape: [Int]?
    public let poolSize: (Int, Int)
    public let strides: (Int, Int)
    public let padding: Padding

    public convenience init(_ poolSize: Int = 2, strides: Int? = nil, padding: Padding = .valid, name: String? = nil) {
        self.init(poolSize: (poolSize, poolSize), strides: strides.map { ($0, $0) }, padding: padding, name: name)
    }

    public init(poolSize: (Int, Int), strides: (Int, Int)? = nil, padding: Padding = .valid, name: String? = nil) {
        precondition(poolSize.0 > 0 && poolSize.1 > 0, "MaxPooling2D: pool size must be positive, got \(poolSize)")
        self.poolSize = poolSize
        self.strides = strides ?? poolSize
        self.padding = padding
        self.name = name ?? LayerNames.unique("max_pooling2d")
    }

    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        try convolutionOutputShape(
            layer: name, inputShape: inputShape, builtChannels: builtInputShape?[2],
            kernelSize: poolSize, strides: strides, padding: padding, outputChannels: nil)
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        maxPool2D(input, poolSize: poolSize, strides: strides, padding: padding)
    }
}

/// Average pooling over channels-last images, as Keras's `AveragePooling2D`.
public final class AveragePooling2D: Layer {
    public var name: String
    public var builtInputShape: [Int]?
    public let poolSize: (Int, Int)
    public let strides: (Int, Int)
    public let padding: Padding

    public convenience init(_ poolSize: Int = 2, strides: Int? = nil, padding: Padding = .valid, name: String? = nil) {
        self.init(poolSize: (poolSize, poolSize), strides: strides.map { ($0, $0) }, padding: padding, name: name)
    }

    public init(poolSize: (Int, Int), strides: (Int, Int)? = nil, padding: Padding = .valid, name: String? = nil) {
        precondition(poolSize.0 > 0 && poolSize.1 > 0, "AveragePooling2D: pool size must be positive, got \(poolSize)")
        self.poolSize = poolSize
        self.strides = strides ?? poolSize
        self.padding = padding
        self.name = name ?? LayerNames.unique("average_pooling2d")
    }

    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        try convolutionOutputShape(
            layer: name, inputShape: inputShape, builtChannels: builtInputShape?[2],
            kernelSize: poolSize, strides: strides, padding: padding, outputChannels: nil)
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        averagePool2D(input, poolSize: poolSize, strides: strides, padding: padding)
    }
}

/// The mean of each channel over all positions: `[batch, h, w, c]` → `[batch, c]`.
public final class GlobalAveragePooling2D: Layer {
    public var name: String
    public var builtInputShape: [Int]?

    public init(name: String? = nil) {
        self.name = name ?? LayerNames.unique("global_average_pooling2d")
    }

    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        guard inputShape.count == 3 else {
            throw ShapeError.invalidInput(layer: name, expected: "images of shape (None, height, width, channels)", actual: inputShape)
        }
        if let builtInputShape, builtInputShape[2] != inputShape[2] {
            throw ShapeError.invalidInput(layer: name, expected: "\(builtInputShape[2]) channels", actual: inputShape)
        }
        return [inputShape[2]]
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        input.mean(alongAxes: 1, 2)
    }
}
