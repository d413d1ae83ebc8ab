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
