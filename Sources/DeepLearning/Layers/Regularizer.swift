/// A weight penalty added to the training loss, as Keras's `l1`, `l2` and `l1_l2` regularizers.
public struct Regularizer: Equatable, Sendable {
    /// The factor of the sum of absolute values.
    public var l1: Float
    /// The factor of the sum of squares.
    public var l2: Float

    public init(l1: Float = 0, l2: Float = 0) {
        self.l1 = l1
        self.l2 = l2
    }

    /// `factor × Σ|w|`.
    public static func l1(_ factor: Float) -> Regularizer { Regularizer(l1: factor) }

    /// `factor × Σw²`.
    public static func l2(_ factor: Float) -> Regularizer { Regularizer(l2: factor) }

    /// `l1 × Σ|w| + l2 × Σw²`.
    public static func l1l2(l1: Float, l2: Float) -> Regularizer { Regularizer(l1: l1, l2: l2) }

    /// Returns the penalty for `weights` as a scalar tensor (differentiable).
    public func penalty(_ weights: Tensor) -> Tensor {
        var total = Tensor(0)
        if l1 != 0 { total = total + l1 * abs(weights).sum() }
        if l2 != 0 { total = total + l2 * weights.squared().sum() }
        return total
    }
}
