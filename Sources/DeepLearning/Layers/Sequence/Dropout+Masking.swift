/// Dropout keeps the time steps where they are, so a padding mask passes through it unchanged, as in
/// Keras: `Embedding(maskZero: true)` → `Dropout` → `LSTM` still skips the padded steps.
extension Dropout: MaskingLayer {
    public func forward(_ input: Tensor, mask: Tensor?, training: Bool) -> Tensor {
        forward(input, training: training)
    }

    public func outputMask(for input: Tensor, mask: Tensor?) -> Tensor? {
        mask
    }
}
