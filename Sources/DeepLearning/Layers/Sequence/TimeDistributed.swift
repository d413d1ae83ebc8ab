/// Applies a layer to every timestep of `[batch, time, ...]` on its own, as Keras's
/// `TimeDistributed`: the time axis is folded into the batch, the layer runs once, and the result
/// is unfolded. The wrapped layer's weights are shared by all timesteps. The mask passes through.
public final class TimeDistributed: MaskingLayer {
    public var name: String
    public var builtInputShape: [Int]?
    public let layer: any Layer

    public init(_ layer: any Layer, name: String? = nil) {
        self.layer = layer
        self.name = name ?? LayerNames.unique("time_distributed")
    }

    public var parameters: [Parameter] { layer.parameters }

    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        guard inputShape.count >= 2 else {
            throw ShapeError.invalidInput(layer: name, expected: "sequences of shape (None, time, ...)", actual: inputShape)
        }
        return [inputShape[0]] + (try layer.outputShape(for: Array(inputShape.dropFirst())))
    }

    public func build(inputShape: [Int]) throws {
        try layer.prepare(forInputShape: Array(inputShape.dropFirst()))
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        let (batch, time) = (input.shape[0], input.shape[1])
        let folded = input.reshaped(to: [batch * time] + Array(input.shape.dropFirst(2)))
        let output = layer.forward(folded, training: training)
        return output.reshaped(to: [batch, time] + Array(output.shape.dropFirst()))
    }

    public func forward(_ input: Tensor, mask: Tensor?, training: Bool) -> Tensor {
        forward(input, training: training)
    }

    public func outputMask(for input: Tensor, mask: Tensor?) -> Tensor? { mask }
}
