/// A fully connected layer: `activation(input • kernel + bias)`, applied to the last axis.
public final class Dense: Layer {
    public var name: String
    public var builtInputShape: [Int]?

    /// The output size.
    public let units: Int
    public let activation: Activation
    public let useBias: Bool
    public let kernelInitializer: Initializer
    public let biasInitializer: Initializer
    public let kernelRegularizer: Regularizer?

    /// The `[inputSize, units]` weight matrix, created on build.
    public private(set) var kernel: Parameter?
    /// The `[units]` bias, created on build when `useBias` is true.
    public private(set) var bias: Parameter?

    public init(
        _ units: Int, activation: Activation = .linear, useBias: Bool = true,
        kernelInitializer: Initializer = .glorotUniform, biasInitializer: Initializer = .zeros,
        kernelRegularizer: Regularizer? = nil, inputShape: [Int]? = nil, name: String? = nil
    ) {
        precondition(units > 0, "Dense: units must be positive, got \(units)")
        self.units = units
        self.activation = activation
        self.useBias = useBias
        self.kernelInitializer = kernelInitializer
        self.biasInitializer = biasInitializer
        self.kernelRegularizer = kernelRegularizer
        self.name = name ?? LayerNames.unique("dense")
        self.declaredInputShape = inputShape
    }

    public let declaredInputShape: [Int]?

    public var parameters: [Parameter] { [kernel, bias].compactMap { $0 } }

    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        guard let inputSize = inputShape.last else {
            throw ShapeError.invalidInput(layer: name, expected: "rank ≥ 1", actual: inputShape)
        }
        if let kernel, kernel.shape[0] != inputSize {
            throw ShapeError.invalidInput(
                layer: name, expected: "last axis \(kernel.shape[0])", actual: inputShape)
        }
        return Array(inputShape.dropLast()) + [units]
    }

    public func build(inputShape: [Int]) throws {
        let inputSize = inputShape[inputShape.count - 1]
        kernel = Parameter(
            name: "kernel", value: kernelInitializer.makeTensor(shape: [inputSize, units]),
            regularizer: kernelRegularizer)
        if useBias {
            bias = Parameter(name: "bias", value: biasInitializer.makeTensor(shape: [units]))
        }
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        let product = matmul(input, kernel!.value)
        guard let bias else { return activation(product) }
        return addingBias(product, bias.value, activation: activation)
    }

    /// Returns `input • kernel + bias` before the activation, so losses can fuse a final softmax or
    /// sigmoid into a numerically stable cross-entropy.
    public func linearOutput(_ input: Tensor) -> Tensor {
        let product = matmul(input, kernel!.value)
        guard let bias else { return product }
        return addingBias(product, bias.value, activation: .linear)
    }
}

/// A layer whose last step is an activation function that a loss can take over.
///
/// When a model ends in softmax or sigmoid and is trained with cross-entropy, training computes the
/// loss from the logits (the pre-activation output), which is exact where the probability rounds
/// to 0 or 1.
public protocol ActivatedLayer: Layer {
    var activation: Activation { get }

    /// The output before the activation.
    func linearOutput(_ input: Tensor) -> Tensor
}

extension Dense: ActivatedLayer, InputShapeDeclaring {}
