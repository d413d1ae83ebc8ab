import DeepLearning
import Testing

/// Compares analytic gradients with central finite differences.
///
/// The checked function is reduced to a scalar as `Σ f(x) ⊙ w` with fixed random weights `w`, so
/// every output scalar contributes with a different weight. Differences use step 1e-2 in Float32:
/// the truncation error is O(step²) ≈ 1e-4 relative and the rounding error about
/// 1e-7 × |f| / step ≈ 1e-5 × |f|, so a tolerance of 1e-2 relative plus 2e-3 absolute separates a
/// correct gradient from a wrong one (a wrong pullback is typically off by O(1)).
enum GradientCheck {
    static let step: Float = 1e-2
    static let relativeTolerance: Float = 1e-2
    static let absoluteTolerance: Float = 2e-3

    /// Returns the largest violation of the tolerance over every input scalar (≤ 0 means pass), and
    /// records an issue naming the first input and scalar that fails.
    @discardableResult
    static func check(
        _ name: String, inputs: [Tensor], sourceLocation: SourceLocation = #_sourceLocation,
        _ f: @escaping ([Tensor]) -> Tensor
    ) -> Float {
        let probe = f(inputs)
        var generator = Xoshiro256StarStar(seed: 7)
        let weights = Tensor(shape: probe.shape, scalars: (0..<probe.scalarCount).map { _ in
            generator.nextUniform() * 2 - 1
        })
        let scalarFunction: ([Tensor]) -> Tensor = { (f($0) * weights).sum() }
        let (_, analytic) = valueWithGradient(at: inputs, in: scalarFunction)

        var worst: Float = -.infinity
        for (inputIndex, input) in inputs.enumerated() {
            #expect(analytic[inputIndex].shape == input.shape, "\(name): gradient shape for input \(inputIndex)", sourceLocation: sourceLocation)
            let base = input.scalars
            let analyticScalars = analytic[inputIndex].scalars
            for scalarIndex in 0..<base.count {
                var plus = base
                var minus = base
                plus[scalarIndex] += step
                minus[scalarIndex] -= step
                var plusInputs = inputs
                var minusInputs = inputs
                plusInputs[inputIndex] = Tensor(shape: input.shape, scalars: plus)
                minusInputs[inputIndex] = Tensor(shape: input.shape, scalars: minus)
                let numeric = (scalarFunction(plusInputs).scalar - scalarFunction(minusInputs).scalar) / (2 * step)
                let error = Swift.abs(numeric - analyticScalars[scalarIndex])
                let allowed = absoluteTolerance + relativeTolerance * Swift.abs(numeric)
                if error - allowed > worst { worst = error - allowed }
                if error > allowed {
                    Issue.record(
                        "\(name): input \(inputIndex) scalar \(scalarIndex): numeric \(numeric), analytic \(analyticScalars[scalarIndex])",
                        sourceLocation: sourceLocation)
                    return worst
                }
            }
        }
        return worst
    }

    /// A tensor of uniform draws in `range` from a fixed seed.
    static func random(_ shape: [Int], in range: ClosedRange<Float> = -1...1, seed: UInt64 = 1) -> Tensor {
        var generator = Xoshiro256StarStar(seed: seed)
        let count = shape.reduce(1, *)
        return Tensor(shape: shape, scalars: (0..<count).map { _ in
            range.lowerBound + (range.upperBound - range.lowerBound) * generator.nextUniform()
        })
    }

    /// Draws kept at least `margin` away from zero, for functions with a kink at 0.
    static func awayFromZero(_ shape: [Int], margin: Float = 0.05, seed: UInt64 = 1) -> Tensor {
        let values = random(shape, seed: seed).scalars.map { $0 >= 0 ? $0 + margin : $0 - margin }
        return Tensor(shape: shape, scalars: values)
    }
}
