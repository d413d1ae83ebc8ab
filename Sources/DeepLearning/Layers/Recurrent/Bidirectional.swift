/// Runs a recurrent layer over the sequence in both directions and merges the two outputs, as
/// Keras's `Bidirectional`.
///
/// The backward copy has the same configuration with `goBackwards` flipped and weights of its own.
/// With `returnSequences`, its output is reversed back into input order before merging, so step t
/// of the result depends on the whole sequence: the forward layer up to t, the backward layer from t on.
/// As in Keras, both layers output zeros at padded timesteps.
public final class Bidirectional: MaskingLayer {
    /// The combination of the two directions' outputs.
    public enum MergeMode: String, Sendable {
        /// Side by side on the last axis: twice the units.
        case concat
        case sum
        case mul
        /// The mean of the two.
        case ave
    }

    public var name: String
    public var builtInputShape: [Int]?
    public let forwardLayer: RecurrentLayer
    public let backwardLayer: RecurrentLayer
    public let mergeMode: MergeMode

    public init(_ layer: RecurrentLayer, mergeMode: MergeMode = .concat, name: String? = nil) {
        precondition(!layer.isBuilt, "Bidirectional: layer '\(layer.name)' is already built; pass a new layer")
        self.name = name ?? LayerNames.unique("bidirectional")
        forwardLayer = layer
        forwardLayer.name = "forward_" + layer.name
        backwardLayer = layer.reversedCopy(name: "backward_" + layer.name)
        forwardLayer.zeroOutputForMask = true
        backwardLayer.zeroOutputForMask = true
        self.mergeMode = mergeMode
    }

    public var parameters: [Parameter] { forwardLayer.parameters + backwardLayer.parameters }

    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        var shape = try forwardLayer.outputShape(for: inputShape)
        if mergeMode == .concat {
            shape[shape.count - 1] *= 2
        }
        return shape
    }

    public func build(inputShape: [Int]) throws {
        try forwardLayer.prepare(forInputShape: inputShape)
        try backwardLayer.prepare(forInputShape: inputShape)
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        forward(input, mask: nil, training: training)
    }

    public func forward(_ input: Tensor, mask: Tensor?, training: Bool) -> Tensor {
        let forwardOutput = forwardLayer.forward(input, mask: mask, training: training)
        var backwardOutput = backwardLayer.forward(input, mask: mask, training: training)
        if backwardLayer.returnSequences {
            backwardOutput = backwardOutput.reversed(alongAxis: 1)
        }
        switch mergeMode {
        case .concat: return Tensor(concatenating: [forwardOutput, backwardOutput], alongAxis: -1)
        case .sum: return forwardOutput + backwardOutput
        case .mul: return forwardOutput * backwardOutput
        case .ave: return (forwardOutput + backwardOutput) * 0.5
        }
    }

    public func outputMask(for input: Tensor, mask: Tensor?) -> Tensor? {
        forwardLayer.returnSequences ? mask : nil
    }
}
