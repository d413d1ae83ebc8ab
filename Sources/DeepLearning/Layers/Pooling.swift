/// The shared implementation of ``MaxPooling2D`` and ``AveragePooling2D``: a window of
/// `poolSize` sliding by `strides` (the pool size unless given) over channels-last images.
public class Pooling2D: Layer {
    enum Reduction {
        case max
        case average
    }

    public var name: String
    public var builtInputShape: [Int]?
    public let poolSize: (Int, Int)
    public let strides: (Int, Int)
    public let padding: Padding
    let reduction: Reduction

    init(reduction: Reduction, defaultName: String, poolSize: (Int, Int), strides: (Int, Int)?, padding: Padding, name: String?) {
        precondition(poolSize.0 > 0 && poolSize.1 > 0, "\(defaultName): pool size must be positive, got \(poolSize)")
        self.reduction = reduction
        self.poolSize = poolSize
        self.strides = strides ?? poolSize
        self.padding = padding
        self.name = name ?? LayerNames.unique(defaultName)
    }

    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        try convolutionOutputShape(
            layer: name, inputShape: inputShape, builtChannels: builtInputShape?[2],
            kernelSize: poolSize, strides: strides, padding: padding, outputChannels: nil)
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        switch reduction {
        case .max: return maxPool2D(input, poolSize: poolSize, strides: strides, padding: padding)
        case .average: return averagePool2D(input, poolSize: poolSize, strides: strides, padding: padding)
        }
    }
}

/// Max pooling over channels-last images, as Keras's `MaxPooling2D`.
public final class MaxPooling2D: Pooling2D {
    public init(poolSize: (Int, Int), strides: (Int, Int)? = nil, padding: Padding = .valid, name: String? = nil) {
        super.init(reduction: .max, defaultName: "max_pooling2d", poolSize: poolSize, strides: strides, padding: padding, name: name)
    }

    public convenience init(_ poolSize: Int = 2, strides: Int? = nil, padding: Padding = .valid, name: String? = nil) {
        self.init(poolSize: (poolSize, poolSize), strides: strides.map { ($0, $0) }, padding: padding, name: name)
    }
}

/// Average pooling over channels-last images, as Keras's `AveragePooling2D`. With `same` padding the
/// padded positions are left out of each mean.
public final class AveragePooling2D: Pooling2D {
    public init(poolSize: (Int, Int), strides: (Int, Int)? = nil, padding: Padding = .valid, name: String? = nil) {
        super.init(reduction: .average, defaultName: "average_pooling2d", poolSize: poolSize, strides: strides, padding: padding, name: name)
    }

    public convenience init(_ poolSize: Int = 2, strides: Int? = nil, padding: Padding = .valid, name: String? = nil) {
        self.init(poolSize: (poolSize, poolSize), strides: strides.map { ($0, $0) }, padding: padding, name: name)
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
