import DeepLearning
import Foundation
import Testing

// Each optimizer is checked against its update rule written out in Double precision, over three
// steps with changing gradients. The sizes cover a parameter shorter than one vector, one with a
// scalar tail, and one large enough to be split across threads.

private let parameterSizes = [5, 37, 40_003]

/// Deterministic weights and gradients in [-1, 1] that differ between elements and steps.
private func wave(_ count: Int, step: Int, phase: Double) -> [Double] {
    (0..<count).map { Foundation.sin(Double($0) * 0.37 + Double(step) * 1.3 + phase) }
}

private func floats(_ values: [Double]) -> [Float] { values.map(Float.init) }

/// Runs three steps of `optimizer` and of `reference` (which updates Double weights in place given
/// the gradients and the 1-based step number), and returns the largest absolute difference.
private func largestDifference(
    _ optimizer: any Optimizer, count: Int,
    reference: (inout [Double], [Double], Int) -> Void
) -> Double {
    var expected = wave(count, step: 0, phase: 0.5)
    let parameter = Parameter(name: "kernel", value: Tensor(shape: [count], scalars: floats(expected)))
    for step in 1...3 {
        let gradient = wave(count, step: step, phase: 2.0)
        optimizer.apply(gradients: [Tensor(shape: [count], scalars: floats(gradient))], to: [parameter])
        reference(&expected, gradient, step)
    }
    return zip(parameter.value.scalars, expected).map { abs(Double($0) - $1) }.max()!
}

@Test(arguments: parameterSizes)
func rmspropMatchesUpdateRule(count: Int) {
    let (rate, rho, epsilon) = (0.01, 0.9, 1e-7)
    var average = [Double](repeating: 0, count: count)
    let difference = largestDifference(RMSprop(learningRate: Float(rate)), count: count) { w, g, _ in
        for i in w.indices {
            average[i] = rho * average[i] + (1 - rho) * g[i] * g[i]
            w[i] -= rate * g[i] / (average[i] + epsilon).squareRoot()
        }
    }
    #expect(difference < 1e-6)
}

@Test func rmspropFirstStepSize() {
    // With a zero average, the first step is rate·g/√((1 − rho)·g² + ε) ≈ rate/√0.1 for g = 1.
    let parameter = Parameter(name: "bias", value: Tensor(shape: [20], repeating: 0))
    RMSprop().apply(gradients: [Tensor(shape: [20], repeating: 1)], to: [parameter])
    let expected = Float(-0.001 / (0.1 + 1e-7).squareRoot())
    for value in parameter.value.scalars {
        #expect(abs(value - expected) < 1e-8)
    }
}

@Test(arguments: parameterSizes)
func adamMatchesUpdateRule(count: Int) {
    let (rate, beta1, beta2, epsilon) = (0.01, 0.9, 0.999, 1e-7)
    var m = [Double](repeating: 0, count: count)
    var v = [Double](repeating: 0, count: count)
    let difference = largestDifference(Adam(learningRate: Float(rate)), count: count) { w, g, step in
        let t = Double(step)
        let stepSize = rate * (1 - Foundation.pow(beta2, t)).squareRoot() / (1 - Foundation.pow(beta1, t))
        for i in w.indices {
            m[i] += (g[i] - m[i]) * (1 - beta1)
            v[i] += (g[i] * g[i] - v[i]) * (1 - beta2)
            w[i] -= stepSize * m[i] / (v[i].squareRoot() + epsilon)
        }
    }
    #expect(difference < 1e-6)
}

@Test(arguments: [false, true])
func sgdMomentumMatchesUpdateRule(nesterov: Bool) {
    let (rate, momentum) = (0.1, 0.9)
    let count = 37
    var velocity = [Double](repeating: 0, count: count)
    let optimizer = SGD(learningRate: Float(rate), momentum: Float(momentum), nesterov: nesterov)
    let difference = largestDifference(optimizer, count: count) { w, g, _ in
        for i in w.indices {
            velocity[i] = momentum * velocity[i] - rate * g[i]
            w[i] += nesterov ? momentum * velocity[i] - rate * g[i] : velocity[i]
        }
    }
    #expect(difference < 1e-6)
}
