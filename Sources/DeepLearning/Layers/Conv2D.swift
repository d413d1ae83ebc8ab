/// A 2-D convolution over channels-last images `[batch, height, width, channels]`, as Keras's
/// `Conv2D`: `activation(conv2D(input, kernel) + bias)` with a kernel of shape
/// `[kernelHeight, kernelWidth, inChannels, filters]`.
public final class Conv2D: ActivatedLayer, InputShapeDeclaring {
    public var name: String
    public var builtInputShape: [Int]?

    public let filters: Int
    public let kernelSize: (Int, Int)
    public let strides: (Int, Int)
    public let padding: Padding
    public let activation: Activation
    public let useBias: Bool
    public let kernelInitializer: Initializer
    public let biasInitializer: Initializer
    public let kernelRegularizer: Regularizer?

    public let declaredInputShape: [Int]?
    public private(set) var kernel: Parameter?
    public private(set) var bias: Parameter?

    /// Creates a convolution with square kernels and strides.
    public convenience init(
        _ filters: Int, kernelSize: Int, strides: Int = 1, padding: Padding = .valid,
        activation: Activation = .linear, useBias: Bool = true,
        kernelInitializer: Initializer = .glorotUniform, biasInitializer: Initializer = .zeros,
        kernelRegularizer: Regularizer? = nil, inputShape: [Int]? = nil, name: String? = nil
    ) {
        self.init(
            filters, kernelSize: (kernelSize, kernelSize), strides: (strides, strides), padding: padding,
            activation: activation, useBias: useBias, kernelInitializer: kernelInitializer,
            biasInitializer: biasInitializer, kernelRegularizer: kernelRegularizer, inputShape: inputShape, name: name)
    }

    /// Creates a convolution with (height, width) kernels and strides.
    public init(
        _ filters: Int, kernelSize: (Int, Int), strides: (Int, Int) = (1, 1), padding: Padding = .valid,
        activation: Activation = .linear, useBias: Bool = true,
        kernelInitializer: Initializer = .glorotUniform, biasInitializer: Initializer = .zeros,
        kernelRegularizer: Regularizer? = nil, inputShape: [Int]? = nil, name: String? = nil
    ) {
        precondition(filters > 0, "Conv2D: filters must be positive, got \(filters)")
        precondition(kernelSize.0 > 0 && kernelSize.1 > 0, "Conv2D: kernel size must be positive, got \(kernelSize)")
        precondition(strides.0 > 0 && strides.1 > 0, "Conv2D: strides must be positive, got \(strides)")
        self.filters = filters
        self.kernelSize = kernelSize
        self.strides = strides
        self.padding = padding
        self.activation = activation
        self.useBias = useBias
        self.kernelInitializer = kernelInitializer
        self.biasInitializer = biasInitializer
        self.kernelRegularizer = kernelRegularizer
        self.declaredInputShape = inputShape
        self.name = name ?? LayerNames.unique("conv2d")
    }

    public var parameters: [Parameter] { [kernel, bias].compactMap { $0 } }

    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        try convolutionOutputShape(
            layer: name, inputShape: inputShape, builtChannels: kernel?.shape[2],
            kernelSize: kernelSize, strides: strides, padding: padding, outputChannels: filters)
    }

    public func build(inputShape: [Int]) throws {
        kernel = Parameter(
            name: "kernel",
            value: kernelInitializer.makeTensor(shape: [kernelSize.0, kernelSize.1, inputShape[2], filters]),
            regularizer: kernelRegularizer)
        if useBias {
            bias = Parameter(name: "bias", value: biasInitializer.makeTensor(shape: [filters]))
        }
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        let output = conv2D(input, kernel: kernel!.value, strides: strides, padding: padding)
        guard let bias else { return activation(output) }
        return addingBias(output, bias.value, activation: activation)
    }

    public func linearOutput(_ input: Tensor) -> Tensor {
        let output = conv2D(input, kernel: kernel!.value, strides: strides, padding: padding)
        guard let bias else { return output }
        return addingBias(output, bias.value, activation: .linear)
    }
}

/// Validates an NHWC per-sample shape for a sliding-window layer and returns its output shape.
func convolutionOutputShape(
    layer: String, inputShape: [Int], builtChannels: Int?, kernelSize: (Int, Int), strides: (Int, Int),
    padding: Padding, outputChannels: Int?
) throws -> [Int] {
    guard inputShape.count == 3 else {
        throw ShapeError.invalidInput(layer: layer, expected: "images of shape (None, height, width, channels)", actual: inputShape)
    }
    if let builtChannels, inputShape[2] != builtChannels {
        throw ShapeError.invalidInput(layer: layer, expected: "\(builtChannels) channels", actual: inputShape)
    }
    guard let geometry = WindowGeometry(
        inputHeight: inputShape[0], inputWidth: inputShape[1], channels: inputShape[2],
        kernelSize: kernelSize, strides: strides, padding: padding)
    else {
        throw ShapeError.invalidInput(
            layer: layer, expected: "height and width of at least \(kernelSize.0)×\(kernelSize.1) for \(padding) padding",
            actual: inputShape)
    }
    return [geometry.outputHeight, geometry.outputWidth, outputChannels ?? inputShape[2]]
}
