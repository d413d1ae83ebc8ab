/// A 1-D convolution over sequences `[batch, time, channels]`, as Keras's `Conv1D`:
/// `activation(conv1D(input, kernel) + bias)` with a kernel of shape `[kernelSize, channels, filters]`.
///
/// It runs as the 2-D convolution of a one-row image, so it shares that kernel's im2col and
/// single `sgemm`.
public final class Conv1D: Layer, ActivatedLayer {
    public var name: String
    public var builtInputShape: [Int]?

    public let filters: Int
    public let kernelSize: Int
    public let strides: Int
    public let padding: Padding
    public let activation: Activation
    public let useBias: Bool
    public let kernelInitializer: Initializer
    public let biasInitializer: Initializer
    public let kernelRegularizer: Regularizer?

    /// `[kernelSize, channels, filters]`, created on build.
    public private(set) var kernel: Parameter?
    /// `[filters]`, created on build when `useBias` is true.
    public private(set) var bias: Parameter?

    public init(
        _ filters: Int, kernelSize: Int, strides: Int = 1, padding: Padding = .valid,
        activation: Activation = .linear, useBias: Bool = true,
        kernelInitializer: Initializer = .glorotUniform, biasInitializer: Initializer = .zeros,
        kernelRegularizer: Regularizer? = nil, name: String? = nil
    ) {
        precondition(filters > 0, "Conv1D: filters must be positive, got \(filters)")
        precondition(kernelSize > 0, "Conv1D: kernel size must be positive, got \(kernelSize)")
        precondition(strides > 0, "Conv1D: strides must be positive, got \(strides)")
        self.filters = filters
        self.kernelSize = kernelSize
        self.strides = strides
        self.padding = padding
        self.activation = activation
        self.useBias = useBias
        self.kernelInitializer = kernelInitializer
        self.biasInitializer = biasInitializer
        self.kernelRegularizer = kernelRegularizer
        self.name = name ?? LayerNames.unique("conv1d")
    }

    public var parameters: [Parameter] { [kernel, bias].compactMap { $0 } }

    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        try sequenceWindowOutputShape(
            layer: name, inputShape: inputShape, builtChannels: kernel?.shape[1], window: kernelSize,
            strides: strides, padding: padding, outputChannels: filters)
    }

    public func build(inputShape: [Int]) throws {
        kernel = Parameter(
            name: "kernel", value: kernelInitializer.makeTensor(shape: [kernelSize, inputShape[1], filters]),
            regularizer: kernelRegularizer)
        if useBias {
            bias = Parameter(name: "bias", value: biasInitializer.makeTensor(shape: [filters]))
        }
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        activation(linearOutput(input))
    }

    public func linearOutput(_ input: Tensor) -> Tensor {
        let output = conv1D(input, kernel: kernel!.value, strides: strides, padding: padding)
        guard let bias else { return output }
        return output + bias.value
    }
}

/// Returns the 1-D convolution (cross-correlation) of `input` `[batch, time, inChannels]` with
/// `kernel` `[kernelSize, inChannels, outChannels]`, differentiable in both.
public func conv1D(_ input: Tensor, kernel: Tensor, strides: Int = 1, padding: Padding = .valid) -> Tensor {
    precondition(input.rank == 3, "conv1D: input must be [batch, time, channels], got shape \(input.shape)")
    precondition(kernel.rank == 3, "conv1D: kernel must be [kernelSize, in, out], got shape \(kernel.shape)")
    let image = input.reshaped(to: [input.shape[0], 1, input.shape[1], input.shape[2]])
    let output = conv2D(image, kernel: kernel.expandingShape(at: 0), strides: (1, strides), padding: padding)
    return output.reshaped(to: [output.shape[0], output.shape[2], output.shape[3]])
}

/// Validates a `[time, channels]` per-sample shape for a sliding window over time and returns the
/// output shape.
func sequenceWindowOutputShape(
    layer: String, inputShape: [Int], builtChannels: Int?, window: Int, strides: Int, padding: Padding,
    outputChannels: Int?
) throws -> [Int] {
    guard inputShape.count == 2 else {
        throw ShapeError.invalidInput(layer: layer, expected: "sequences of shape (None, time, channels)", actual: inputShape)
    }
    if let builtChannels, inputShape[1] != builtChannels {
        throw ShapeError.invalidInput(layer: layer, expected: "\(builtChannels) channels", actual: inputShape)
    }
    let steps: Int
    switch padding {
    case .valid:
        guard inputShape[0] >= window else {
            throw ShapeError.invalidInput(
                layer: layer, expected: "at least \(window) timesteps for valid padding", actual: inputShape)
        }
        steps = (inputShape[0] - window) / strides + 1
    case .same:
        steps = (inputShape[0] + strides - 1) / strides
    }
    guard steps > 0 else {
        throw ShapeError.invalidInput(layer: layer, expected: "at least one timestep", actual: inputShape)
    }
    return [steps, outputChannels ?? inputShape[1]]
}
