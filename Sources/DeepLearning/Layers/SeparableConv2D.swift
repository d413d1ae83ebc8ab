/// A depthwise-separable convolution, as Keras's `SeparableConv2D`: a depthwise convolution (one
/// `kernelSize` filter per input channel, times `depthMultiplier`) followed by a pointwise 1×1
/// convolution to `filters` channels, a bias and an activation.
///
/// Weights: `depthwise_kernel` `[kh, kw, in, depthMultiplier]`, `pointwise_kernel`
/// `[1, 1, in · depthMultiplier, filters]`, `bias` `[filters]`.
public final class SeparableConv2D: Layer, ActivatedLayer {
    public var name: String
    public var builtInputShape: [Int]?
    public let filters: Int
    public let kernelSize: (Int, Int)
    public let strides: (Int, Int)
    public let padding: Padding
    public let depthMultiplier: Int
    public let activation: Activation
    public let useBias: Bool

    public private(set) var depthwiseKernel: Parameter?
    public private(set) var pointwiseKernel: Parameter?
    public private(set) var bias: Parameter?

    public init(
        _ filters: Int, kernelSize: Int, strides: Int = 1, padding: Padding = .valid, depthMultiplier: Int = 1,
        activation: Activation = .linear, useBias: Bool = true, name: String? = nil
    ) {
        precondition(filters > 0 && kernelSize > 0 && strides > 0 && depthMultiplier > 0,
                     "SeparableConv2D: filters, kernelSize, strides and depthMultiplier must be positive")
        self.filters = filters
        self.kernelSize = (kernelSize, kernelSize)
        self.strides = (strides, strides)
        self.padding = padding
        self.depthMultiplier = depthMultiplier
        self.activation = activation
        self.useBias = useBias
        self.name = name ?? LayerNames.unique("separable_conv2d")
    }

    public var parameters: [Parameter] { [depthwiseKernel, pointwiseKernel, bias].compactMap { $0 } }

    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        try convolutionOutputShape(
            layer: name, inputShape: inputShape, builtChannels: depthwiseKernel?.shape[2],
            kernelSize: kernelSize, strides: strides, padding: padding, outputChannels: filters)
    }

    public func build(inputShape: [Int]) throws {
        let channels = inputShape[2]
        depthwiseKernel = Parameter(
            name: "depthwise_kernel",
            value: Initializer.glorotUniform.makeTensor(shape: [kernelSize.0, kernelSize.1, channels, depthMultiplier]))
        pointwiseKernel = Parameter(
            name: "pointwise_kernel",
            value: Initializer.glorotUniform.makeTensor(shape: [1, 1, channels * depthMultiplier, filters]))
        if useBias {
            bias = Parameter(name: "bias", value: Tensor(zeros: [filters]))
        }
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        let product = pointwiseOutput(input)
        guard let bias else { return activation(product) }
        return addingBias(product, bias.value, activation: activation)
    }

    public func linearOutput(_ input: Tensor) -> Tensor {
        let product = pointwiseOutput(input)
        guard let bias else { return product }
        return addingBias(product, bias.value, activation: .linear)
    }

    private func pointwiseOutput(_ input: Tensor) -> Tensor {
        let depthwise = depthwiseConv2D(input, kernel: depthwiseKernel!.value, strides: strides, padding: padding)
        let pointwise = pointwiseKernel!.value
        return matmul(depthwise, pointwise.reshaped(to: [pointwise.shape[2], filters]))
    }
}
