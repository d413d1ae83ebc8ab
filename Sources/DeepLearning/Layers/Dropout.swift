/// Randomly zeroes a fraction `rate` of the inputs during training and scales the rest by
/// `1 / (1 − rate)`, so inference (which passes inputs through unchanged) needs no rescaling.
public final class Dropout: Layer {
    public var name: String
    public var builtInputShape: [Int]?

    /// The fraction of inputs dropped, in [0, 1).
    public let rate: Float

    public init(_ rate: Float, name: String? = nil) {
        precondition(rate >= 0 && rate < 1, "Dropout: rate must be in [0, 1), got \(rate)")
        self.rate = rate
        self.name = name ?? LayerNames.unique("dropout")
    }

    public func outputShape(for inputShape: [Int]) throws -> [Int] { inputShape }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        guard training, rate > 0 else { return input }
        let scale = 1 / (1 - rate)
        let mask = Tensor(randomUniform: input.shape).map { $0 >= rate ? scale : 0 }
        return input * mask
    }
}
