import DeepLearning
import Testing

/// Central finite-difference checks of a layer's gradients with respect to its input and every
/// weight, with the same step and tolerances as ``GradientCheck``.
enum LayerGradientCheck {
    /// Checks `Σ layer(input) ⊙ w` for fixed random `w` and records an issue naming the first
    /// failing scalar.
    ///
    /// `run` computes the output from the input and is called again for every perturbed scalar, so
    /// it must be deterministic: a run that draws dropout masks reseeds first.
    static func check(
        _ name: String, layer: any Layer, input: Tensor, checkInput: Bool = true,
        sourceLocation: SourceLocation = #_sourceLocation, run: @escaping (Tensor) -> Tensor
    ) {
        let probe = run(input)
        var generator = Xoshiro256StarStar(seed: 11)
        let weights = Tensor(shape: probe.shape, scalars: (0..<probe.scalarCount).map { _ in
            generator.nextUniform() * 2 - 1
        })
        let objective: (Tensor) -> Float = { (run($0) * weights).sum().scalar }

        let tape = GradientTape()
        let watched = tape.watch(input)
        let total = tape.record { (run(watched) * weights).sum() }
        let inputGradient = tape.gradient(of: total, withRespectTo: watched)
        let parameterGradients = tape.gradient(of: total, withRespectTo: layer.parameters)

        if checkInput {
            compare("\(name) input", analytic: inputGradient, base: input, sourceLocation: sourceLocation) { perturbed in
                objective(perturbed)
            }
        }
        for (parameter, gradient) in zip(layer.parameters, parameterGradients) {
            guard let gradient else {
                Issue.record("\(name): no gradient for parameter \(parameter.name)", sourceLocation: sourceLocation)
                continue
            }
            let original = parameter.value
            compare("\(name) \(parameter.name)", analytic: gradient, base: original, sourceLocation: sourceLocation) { perturbed in
                parameter.value = perturbed
                defer { parameter.value = original }
                return objective(input)
            }
        }
    }

    private static func compare(
        _ label: String, analytic: Tensor, base: Tensor, sourceLocation: SourceLocation,
        evaluate: (Tensor) -> Float
    ) {
        #expect(analytic.shape == base.shape, "\(label): gradient shape \(analytic.shape), expected \(base.shape)", sourceLocation: sourceLocation)
        let scalars = base.scalars
        let analyticScalars = analytic.scalars
        let step = GradientCheck.step
        for index in scalars.indices {
            var plus = scalars
            var minus = scalars
            plus[index] += step
            minus[index] -= step
            let numeric = (evaluate(Tensor(shape: base.shape, scalars: plus))
                - evaluate(Tensor(shape: base.shape, scalars: minus))) / (2 * step)
            let error = Swift.abs(numeric - analyticScalars[index])
            if error > GradientCheck.absoluteTolerance + GradientCheck.relativeTolerance * Swift.abs(numeric) {
                Issue.record(
                    "\(label): scalar \(index): numeric \(numeric), analytic \(analyticScalars[index])",
                    sourceLocation: sourceLocation)
                return
            }
        }
    }

    /// Returns a `[batch, time]` mask with padding at the start of sample 0, at the end of sample 1 and in
    /// the middle of sample 2 (further samples are all data).
    static func mixedMask(batch: Int, time: Int) -> Tensor {
        var scalars = [Float](repeating: 1, count: batch * time)
        scalars[0] = 0
        scalars[1] = 0
        if batch > 1 { scalars[time + time - 1] = 0 }
        if batch > 2 { scalars[2 * time + time / 2] = 0 }
        return Tensor(shape: [batch, time], scalars: scalars)
    }
}
