/// A layer that reads or produces a timestep mask, as Keras layers with `supports_masking` and
/// `compute_mask` do.
///
/// A mask is a `[batch, time]` tensor with 1 where a timestep holds data and 0 where it is padding.
/// ``Embedding`` with `maskZero: true` creates one from the token ids; ``Sequential`` hands it to the
/// next layer, and recurrent layers then skip the padded steps. A layer that does not adopt this
/// protocol ends the mask: the layers after it see none.
public protocol MaskingLayer: Layer {
    /// Computes the output for a batch, given the mask of the input (or `nil` when it has none).
    func forward(_ input: Tensor, mask: Tensor?, training: Bool) -> Tensor

    /// Returns the mask of the output for this input and input mask, or `nil` for none.
    func outputMask(for input: Tensor, mask: Tensor?) -> Tensor?
}

extension Layer {
    /// Computes the output for a batch and replaces `mask` with the mask of the output: the one a
    /// ``MaskingLayer`` computes, or `nil` for any other layer.
    public func forward(_ input: Tensor, mask: inout Tensor?, training: Bool) -> Tensor {
        guard let maskingLayer = self as? any MaskingLayer else {
            mask = nil
            return forward(input, training: training)
        }
        let output = maskingLayer.forward(input, mask: mask, training: training)
        mask = maskingLayer.outputMask(for: input, mask: mask)
        return output
    }
}

/// Checks that a mask fits a `[batch, time, ...]` input; a wrong mask is a programming error.
func checkMask(_ mask: Tensor?, for input: Tensor, layer: String) {
    guard let mask else { return }
    precondition(
        input.rank >= 2 && mask.shape == [input.shape[0], input.shape[1]],
        "\(layer): mask of shape \(mask.shape) does not fit input of shape \(input.shape); expected [batch, time]")
}
