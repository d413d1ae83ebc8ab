internal import CKernels
import Foundation

/// Updates weights from their gradients. Optimizers keep per-parameter state (momenta) keyed by the
/// parameter object.
public protocol Optimizer: AnyObject {
    /// The step size; callbacks such as ``ReduceLROnPlateau`` change it between epochs.
    var learningRate: Float { get set }

    /// The Keras class name, shown in logs.
    var name: String { get }

    /// Applies one update step. `gradients[i]` has the shape of `parameters[i]`.
    func apply(gradients: [Tensor], to parameters: [Parameter])
}

/// Per-parameter buffers shared by the optimizers.
final class OptimizerSlots {
    private var slots: [ObjectIdentifier: [Tensor]] = [:]

    /// Returns the `count` zero-initialized buffers for `parameter`, creating them on first use.
    func buffers(for parameter: Parameter, count: Int) -> [Tensor] {
        let key = ObjectIdentifier(parameter)
        if let existing = slots[key] { return existing }
        let created = (0..<count).map { _ in Tensor(zeros: parameter.shape) }
        slots[key] = created
        return created
    }
}

func checkGradients(_ gradients: [Tensor], _ parameters: [Parameter], optimizer: String) {
    precondition(
        gradients.count == parameters.count,
        "\(optimizer): \(gradients.count) gradients for \(parameters.count) parameters")
    for (gradient, parameter) in zip(gradients, parameters) {
        precondition(
            gradient.shape == parameter.shape,
            "\(optimizer): gradient shape \(gradient.shape) differs from parameter '\(parameter.name)' shape \(parameter.shape)")
    }
}

/// Stochastic gradient descent with optional momentum and Nesterov momentum (Keras 3 update rule:
/// `v = momentum·v − lr·g`, then `w += v`, or `w += momentum·v − lr·g` with Nesterov).
public final class SGD: Optimizer {
    public var learningRate: Float
    public let momentum: Float
    public let nesterov: Bool
    public let name = "SGD"
    private let slots = OptimizerSlots()

    public init(learningRate: Float = 0.01, momentum: Float = 0, nesterov: Bool = false) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.nesterov = nesterov
    }

    public func apply(gradients: [Tensor], to parameters: [Parameter]) {
        checkGradients(gradients, parameters, optimizer: name)
        let (rate, momentum, nesterov) = (learningRate, self.momentum, self.nesterov)
        for (gradient, parameter) in zip(gradients, parameters) {
            let g = gradient.storage.pointer
            if momentum == 0 {
                parameter.updateInPlace { w, count in
                    for i in 0..<count { w[i] -= rate * g[i] }
                }
                continue
            }
            let velocity = slots.buffers(for: parameter, count: 1)[0].storage.pointer
            parameter.updateInPlace { w, count in
                for i in 0..<count {
                    velocity[i] = momentum * velocity[i] - rate * g[i]
                    w[i] += nesterov ? momentum * velocity[i] - rate * g[i] : velocity[i]
                }
            }
        }
    }
}

/// RMSprop with Keras 3's defaults (learning rate 0.001, rho 0.9, epsilon 1e-7) and update rule:
/// `s = rho·s + (1 − rho)·g²`, `w −= lr·g / √(s + epsilon)`.
public final class RMSprop: Optimizer {
    public var learningRate: Float
    public let rho: Float
    public let epsilon: Float
    public let name = "RMSprop"
    private let slots = OptimizerSlots()

    public init(learningRate: Float = 0.001, rho: Float = 0.9, epsilon: Float = 1e-7) {
        self.learningRate = learningRate
        self.rho = rho
        self.epsilon = epsilon
    }

    public func apply(gradients: [Tensor], to parameters: [Parameter]) {
        checkGradients(gradients, parameters, optimizer: name)
        let (rate, rho, epsilon) = (learningRate, self.rho, self.epsilon)
        for (gradient, parameter) in zip(gradients, parameters) {
            let g = gradient.storage.pointer
            let average = slots.buffers(for: parameter, count: 1)[0].storage.pointer
            parameter.updateInPlace { w, count in
                Parallel.forEachChunk(count, workPerItem: 8) { range in
                    redbook_rmsprop_update(
                        w + range.lowerBound, g + range.lowerBound, average + range.lowerBound,
                        range.count, rate, rho, epsilon)
                }
            }
        }
    }
}

/// Adam (Keras defaults: learning rate 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7), with Keras's
/// bias correction folded into the step size: `lr·√(1 − beta2ᵗ) / (1 − beta1ᵗ)`.
public final class Adam: Optimizer {
    public var learningRate: Float
    public let beta1: Float
    public let beta2: Float
    public let epsilon: Float
    public let name = "Adam"
    private let slots = OptimizerSlots()
    private var step = 0

    public init(learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    public func apply(gradients: [Tensor], to parameters: [Parameter]) {
        checkGradients(gradients, parameters, optimizer: name)
        step += 1
        let t = Double(step)
        let correction = Foundation.sqrt(1 - Foundation.pow(Double(beta2), t)) / (1 - Foundation.pow(Double(beta1), t))
        let stepSize = learningRate * Float(correction)
        let (beta1, beta2, epsilon) = (self.beta1, self.beta2, self.epsilon)
        for (gradient, parameter) in zip(gradients, parameters) {
            let g = gradient.storage.pointer
            let buffers = slots.buffers(for: parameter, count: 2)
            let (m, v) = (buffers[0].storage.pointer, buffers[1].storage.pointer)
            parameter.updateInPlace { w, count in
                Parallel.forEachChunk(count, workPerItem: 8) { range in
                    redbook_adam_update(
                        w + range.lowerBound, g + range.lowerBound, m + range.lowerBound,
                        v + range.lowerBound, range.count, stepSize, beta1, beta2, epsilon)
                }
            }
        }
    }
}
