import Foundation

// Activation functions with hand-written pullbacks that reuse the saved output where possible.

/// Returns `max(0, x)` element-wise.
public func relu(_ x: Tensor) -> Tensor {
    let result = x.map { $0 > 0 ? $0 : 0 }
    guard AutodiffContext.shouldRecord(x) else { return result }
    let output = result.detached()
    return result.recorded("relu", inputs: [x]) { upstream in
        [Tensor.broadcastingMap(upstream, output, op: "relu pullback") { g, y in y > 0 ? g : 0 }]
    }
}

/// Returns `x` where positive and `alpha * x` elsewhere. Keras's `leaky_relu` default slope is 0.2.
public func leakyRelu(_ x: Tensor, alpha: Float = 0.2) -> Tensor {
    x.unaryOp("leakyRelu", { $0 > 0 ? $0 : alpha * $0 }, derivative: { x, _ in x > 0 ? 1 : alpha })
}

/// Returns `x` where positive and `alpha * (eˣ - 1)` elsewhere.
public func elu(_ x: Tensor, alpha: Float = 1) -> Tensor {
    x.unaryOp("elu", { $0 > 0 ? $0 : alpha * (expf($0) - 1) }, derivative: { x, y in x > 0 ? 1 : y + alpha })
}

/// Returns the logistic function `1 / (1 + e⁻ˣ)` element-wise, computed without overflow.
public func sigmoid(_ x: Tensor) -> Tensor {
    let result = x.map(stableSigmoid)
    guard AutodiffContext.shouldRecord(x) else { return result }
    let output = result.detached()
    return result.recorded("sigmoid", inputs: [x]) { upstream in
        [Tensor.broadcastingMap(upstream, output, op: "sigmoid pullback") { g, y in g * y * (1 - y) }]
    }
}

@inline(__always)
func stableSigmoid(_ x: Float) -> Float {
    if x >= 0 {
        return 1 / (1 + expf(-x))
    }
    let e = expf(x)
    return e / (1 + e)
}

/// Returns the hyperbolic tangent element-wise.
public func tanh(_ x: Tensor) -> Tensor {
    let result = x.map { tanhf($0) }
    guard AutodiffContext.shouldRecord(x) else { return result }
    let output = result.detached()
    return result.recorded("tanh", inputs: [x]) { upstream in
        [Tensor.broadcastingMap(upstream, output, op: "tanh pullback") { g, y in g * (1 - y * y) }]
    }
}

/// Returns the softmax along `axis`: `exp(x - max) / sum(exp(x - max))`, so large logits do not
/// overflow.
public func softmax(_ x: Tensor, alongAxis axis: Int = -1) -> Tensor {
    let axis = x.normalizedAxis(axis, op: "softmax(_:alongAxis:)")
    let result = x.softmaxWithoutRecording(alongAxis: axis, logarithmic: false)
    guard AutodiffContext.shouldRecord(x) else { return result }
    let output = result.detached()
    return result.recorded("softmax", inputs: [x]) { upstream in
        // dx = y * (g - sum(g * y)) along the axis.
        let product = Tensor.broadcastingMap(upstream, output, op: "softmax pullback") { $0 * $1 }
        let total = product.reduceKeepingAxis(axis, initial: 0, +)
        let centered = Tensor.broadcastingMap(upstream, total, op: "softmax pullback") { $0 - $1 }
        return [Tensor.broadcastingMap(centered, output, op: "softmax pullback") { $0 * $1 }]
    }
}

/// Returns the logarithm of the softmax along `axis`, computed as `x - max - log(sum(exp(x - max)))`.
public func logSoftmax(_ x: Tensor, alongAxis axis: Int = -1) -> Tensor {
    let axis = x.normalizedAxis(axis, op: "logSoftmax(_:alongAxis:)")
    let result = x.softmaxWithoutRecording(alongAxis: axis, logarithmic: true)
    guard AutodiffContext.shouldRecord(x) else { return result }
    let output = result.detached()
    return result.recorded("logSoftmax", inputs: [x]) { upstream in
        // dx = g - softmax * sum(g) along the axis.
        let total = upstream.reduceKeepingAxis(axis, initial: 0, +)
        let probabilities = output.map { expf($0) }
        let scaled = Tensor.broadcastingMap(probabilities, total, op: "logSoftmax pullback") { $0 * $1 }
        return [Tensor.broadcastingMap(upstream, scaled, op: "logSoftmax pullback") { $0 - $1 }]
    }
}

extension Tensor {
    func softmaxWithoutRecording(alongAxis axis: Int, logarithmic: Bool) -> Tensor {
        let (outer, length, inner) = axisSplit(axis)
        let result = Tensor(uninitializedShape: shape)
        let out = result.storage.pointer
        let input = storage.pointer
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o * length * inner + i
                var largest = -Float.infinity
                for r in 0..<length { largest = Swift.max(largest, input[base + r * inner]) }
                var total: Float = 0
                for r in 0..<length {
                    let e = expf(input[base + r * inner] - largest)
                    out[base + r * inner] = e
                    total += e
                }
                if logarithmic {
                    let logTotal = logf(total)
                    for r in 0..<length { out[base + r * inner] = input[base + r * inner] - largest - logTotal }
                } else {
                    let scale = 1 / total
                    for r in 0..<length { out[base + r * inner] *= scale }
                }
            }
        }
        return result
    }
}

/// An activation function applied by a layer, named as in Keras.
public enum Activation: Equatable, Sendable {
    case linear
    case relu
    case sigmoid
    case tanh
    case softmax
    case leakyRelu(alpha: Float)
    case elu(alpha: Float)

    /// Leaky ReLU with Keras's `LeakyReLU` layer default slope of 0.3.
    public static let leakyRelu = Activation.leakyRelu(alpha: 0.3)

    /// Applies the activation.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        switch self {
        case .linear: return x
        case .relu: return DeepLearning.relu(x)
        case .sigmoid: return DeepLearning.sigmoid(x)
        case .tanh: return DeepLearning.tanh(x)
        case .softmax: return DeepLearning.softmax(x)
        case .leakyRelu(let alpha): return DeepLearning.leakyRelu(x, alpha: alpha)
        case .elu(let alpha): return DeepLearning.elu(x, alpha: alpha)
        }
    }

    /// The Keras name, used in summaries and saved configurations.
    public var name: String {
        switch self {
        case .linear: return "linear"
        case .relu: return "relu"
        case .sigmoid: return "sigmoid"
        case .tanh: return "tanh"
        case .softmax: return "softmax"
        case .leakyRelu: return "leaky_relu"
        case .elu: return "elu"
        }
    }
}
