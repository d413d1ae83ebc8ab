import Foundation

/// How a layer fills a new weight tensor, named as in Keras.
public enum Initializer: Equatable, Sendable {
    /// Uniform on ±√(6 / (fanIn + fanOut)). Keras's default for kernels.
    case glorotUniform
    /// Normal with standard deviation √(2 / (fanIn + fanOut)), truncated at two deviations.
    case glorotNormal
    /// Normal with standard deviation √(2 / fanIn), truncated at two deviations.
    case heNormal
    /// Uniform on ±√(6 / fanIn).
    case heUniform
    case zeros
    case ones
    case constant(Float)
    case randomNormal(mean: Float, standardDeviation: Float)
    case randomUniform(lowerBound: Float, upperBound: Float)
    /// A matrix with orthonormal rows or columns, times `gain` (see ``Tensor/init(orthogonal:gain:)``).
    case orthogonal(gain: Float)

    /// Orthogonal with gain 1, Keras's default for recurrent kernels.
    public static let orthogonal = Initializer.orthogonal(gain: 1)

    /// Returns a new tensor of `shape`.
    ///
    /// Fans follow Keras: for a kernel of shape `[..., in, out]`, fanIn = receptive field × in and
    /// fanOut = receptive field × out, where the receptive field is the product of the leading axes.
    public func makeTensor(shape: [Int]) -> Tensor {
        let (fanIn, fanOut) = Initializer.fans(of: shape)
        // Keras divides by this constant so the truncated normal keeps the requested variance.
        let truncationCorrection: Float = 0.879_625_661_034_239_78
        switch self {
        case .glorotUniform:
            let limit = Foundation.sqrt(6 / Float(fanIn + fanOut))
            return Tensor(randomUniform: shape, lowerBound: -limit, upperBound: limit)
        case .glorotNormal:
            let deviation = Foundation.sqrt(2 / Float(fanIn + fanOut)) / truncationCorrection
            return Tensor(truncatedNormal: shape, standardDeviation: deviation)
        case .heNormal:
            let deviation = Foundation.sqrt(2 / Float(fanIn)) / truncationCorrection
            return Tensor(truncatedNormal: shape, standardDeviation: deviation)
        case .heUniform:
            let limit = Foundation.sqrt(6 / Float(fanIn))
            return Tensor(randomUniform: shape, lowerBound: -limit, upperBound: limit)
        case .zeros:
            return Tensor(zeros: shape)
        case .ones:
            return Tensor(ones: shape)
        case .constant(let value):
            return Tensor(shape: shape, repeating: value)
        case .randomNormal(let mean, let standardDeviation):
            return Tensor(randomNormal: shape, mean: mean, standardDeviation: standardDeviation)
        case .randomUniform(let lowerBound, let upperBound):
            return Tensor(randomUniform: shape, lowerBound: lowerBound, upperBound: upperBound)
        case .orthogonal(let gain):
            return Tensor(orthogonal: shape, gain: gain)
        }
    }

    static func fans(of shape: [Int]) -> (fanIn: Int, fanOut: Int) {
        switch shape.count {
        case 0: return (1, 1)
        case 1: return (shape[0], shape[0])
        default:
            let receptiveField = shape.dropLast(2).reduce(1, *)
            return (receptiveField * shape[shape.count - 2], receptiveField * shape[shape.count - 1])
        }
    }
}

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
