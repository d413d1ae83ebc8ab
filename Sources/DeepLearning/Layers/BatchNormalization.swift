import Foundation

/// Normalizes each channel (the last axis) to zero mean and unit variance, then scales by `gamma`
/// and shifts by `beta`, as Keras's `BatchNormalization`.
///
/// In training the statistics come from the batch, and the moving averages are updated as
/// `moving = momentum × moving + (1 − momentum) × batch`; in inference the moving averages are used.
/// Keras's defaults: momentum 0.99, epsilon 0.001. Weights, in Keras's order: `gamma`, `beta`
/// (trainable), `moving_mean`, `moving_variance` (non-trainable).
public final class BatchNormalization: Layer {
    public var name: String
    public var builtInputShape: [Int]?
    public let momentum: Float
    public let epsilon: Float

    public private(set) var gamma: Parameter?
    public private(set) var beta: Parameter?
    public private(set) var movingMean: Parameter?
    public private(set) var movingVariance: Parameter?

    public init(momentum: Float = 0.99, epsilon: Float = 0.001, name: String? = nil) {
        self.momentum = momentum
        self.epsilon = epsilon
        self.name = name ?? LayerNames.unique("batch_normalization")
    }

    public var parameters: [Parameter] { [gamma, beta, movingMean, movingVariance].compactMap { $0 } }

    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        guard let channels = inputShape.last else {
            throw ShapeError.invalidInput(layer: name, expected: "rank ≥ 1", actual: inputShape)
        }
        if let gamma, gamma.shape[0] != channels {
            throw ShapeError.invalidInput(layer: name, expected: "last axis \(gamma.shape[0])", actual: inputShape)
        }
        return inputShape
    }

    public func build(inputShape: [Int]) throws {
        let channels = inputShape[inputShape.count - 1]
        gamma = Parameter(name: "gamma", value: Tensor(ones: [channels]))
        beta = Parameter(name: "beta", value: Tensor(zeros: [channels]))
        movingMean = Parameter(name: "moving_mean", value: Tensor(zeros: [channels]), isTrainable: false)
        movingVariance = Parameter(name: "moving_variance", value: Tensor(ones: [channels]), isTrainable: false)
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        let channels = gamma!.shape[0]
        if !training {
            // y = x · scale + shift with scale = γ / √(σ² + ε) and shift = β − μ · scale.
            let scale = gamma!.value / sqrt(movingVariance!.value + epsilon)
            let shift = beta!.value - movingMean!.value * scale
            return input * scale + shift
        }
        let (output, mean, variance) = batchNormalize(
            input, gamma: gamma!.value, beta: beta!.value, channels: channels, epsilon: epsilon)
        movingMean!.value = movingMean!.value * momentum + mean * (1 - momentum)
        movingVariance!.value = movingVariance!.value * momentum + variance * (1 - momentum)
        return output
    }
}

/// Normalizes `input` over every axis but the last with batch statistics and returns the output
/// with the batch mean and (biased) variance per channel. One fused pullback computes
/// `dx = γ/σ · (dy − mean(dy) − x̂ · mean(dy · x̂))`, `dγ = Σ dy · x̂`, `dβ = Σ dy`.
func batchNormalize(
    _ input: Tensor, gamma: Tensor, beta: Tensor, channels: Int, epsilon: Float
) -> (output: Tensor, mean: Tensor, variance: Tensor) {
    let rows = input.scalarCount / channels
    let x = input.storage.pointer
    var mean = [Double](repeating: 0, count: channels)
    var squares = [Double](repeating: 0, count: channels)
    for row in 0..<rows {
        for channel in 0..<channels {
            let value = Double(x[row * channels + channel])
            mean[channel] += value
            squares[channel] += value * value
        }
    }
    let count = Double(Swift.max(rows, 1))
    let meanValues = mean.map { Float($0 / count) }
    let varianceValues = (0..<channels).map { Float(Swift.max(squares[$0] / count - (mean[$0] / count) * (mean[$0] / count), 0)) }
    let inverseDeviation = varianceValues.map { 1 / Foundation.sqrt($0 + epsilon) }

    let normalized = Tensor(uninitializedShape: input.shape)
    let output = Tensor(uninitializedShape: input.shape)
    let xHat = normalized.storage.pointer
    let y = output.storage.pointer
    let g = gamma.storage.pointer
    let b = beta.storage.pointer
    for row in 0..<rows {
        for channel in 0..<channels {
            let index = row * channels + channel
            xHat[index] = (x[index] - meanValues[channel]) * inverseDeviation[channel]
            y[index] = xHat[index] * g[channel] + b[channel]
        }
    }
    let statistics = (Tensor(meanValues), Tensor(varianceValues))
    guard AutodiffContext.shouldRecord([input, gamma, beta]) else { return (output, statistics.0, statistics.1) }

    let savedGamma = gamma.detached()
    let (needsInput, needsGamma, needsBeta) = (input.isTracked, gamma.isTracked, beta.isTracked)
    let recorded = output.recorded("batchNormalization", inputs: [input, gamma, beta]) { upstream in
        let dy = upstream.storage.pointer
        var sumGradient = [Float](repeating: 0, count: channels)
        var sumGradientNormalized = [Float](repeating: 0, count: channels)
        for row in 0..<rows {
            for channel in 0..<channels {
                let index = row * channels + channel
                sumGradient[channel] += dy[index]
                sumGradientNormalized[channel] += dy[index] * xHat[index]
            }
        }
        var inputGradient: Tensor?
        if needsInput {
            let gradient = Tensor(uninitializedShape: normalized.shape)
            let dx = gradient.storage.pointer
            let gammaValues = savedGamma.storage.pointer
            let scale = Float(1 / count)
            for row in 0..<rows {
                for channel in 0..<channels {
                    let index = row * channels + channel
                    let centered = dy[index] - sumGradient[channel] * scale - xHat[index] * sumGradientNormalized[channel] * scale
                    dx[index] = gammaValues[channel] * inverseDeviation[channel] * centered
                }
            }
            inputGradient = gradient
        }
        return [inputGradient, needsGamma ? Tensor(sumGradientNormalized) : nil, needsBeta ? Tensor(sumGradient) : nil]
    }
    return (recorded, statistics.0, statistics.1)
}
