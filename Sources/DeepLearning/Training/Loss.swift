import Foundation

/// A loss function, named and computed as in Keras. Every loss returns the mean over the batch as a
/// scalar tensor, differentiable with respect to the predictions.
///
/// Cross-entropies on probabilities clip them to [1e-7, 1 − 1e-7] as Keras does. With
/// `fromLogits: true` they take raw scores and compute log-softmax or log-sigmoid exactly; models
/// ending in softmax or sigmoid use that path automatically during training.
public struct Loss: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case binaryCrossentropy
        case categoricalCrossentropy
        case sparseCategoricalCrossentropy
        case meanSquaredError
        case meanAbsoluteError
    }

    let kind: Kind

    /// Whether predictions are raw scores rather than probabilities (cross-entropies only).
    public let fromLogits: Bool

    /// The Keras name, used as `loss` in logs.
    public var name: String {
        switch kind {
        case .binaryCrossentropy: return "binary_crossentropy"
        case .categoricalCrossentropy: return "categorical_crossentropy"
        case .sparseCategoricalCrossentropy: return "sparse_categorical_crossentropy"
        case .meanSquaredError: return "mean_squared_error"
        case .meanAbsoluteError: return "mean_absolute_error"
        }
    }

    /// Targets of 0 or 1 (any shape matching the predictions), predictions are probabilities.
    public static let binaryCrossentropy = Loss(kind: .binaryCrossentropy, fromLogits: false)
    /// One-hot (or soft) targets of shape `[batch, classes]`.
    public static let categoricalCrossentropy = Loss(kind: .categoricalCrossentropy, fromLogits: false)
    /// Integer class targets of shape `[batch]` or `[batch, 1]`, stored as `Float`.
    public static let sparseCategoricalCrossentropy = Loss(kind: .sparseCategoricalCrossentropy, fromLogits: false)
    public static let meanSquaredError = Loss(kind: .meanSquaredError, fromLogits: false)
    public static let meanAbsoluteError = Loss(kind: .meanAbsoluteError, fromLogits: false)
    /// Keras's short name for ``meanSquaredError``.
    public static let mse = meanSquaredError
    /// Keras's short name for ``meanAbsoluteError``.
    public static let mae = meanAbsoluteError

    public static func binaryCrossentropy(fromLogits: Bool) -> Loss {
        Loss(kind: .binaryCrossentropy, fromLogits: fromLogits)
    }

    public static func categoricalCrossentropy(fromLogits: Bool) -> Loss {
        Loss(kind: .categoricalCrossentropy, fromLogits: fromLogits)
    }

    public static func sparseCategoricalCrossentropy(fromLogits: Bool) -> Loss {
        Loss(kind: .sparseCategoricalCrossentropy, fromLogits: fromLogits)
    }

    /// The activation this loss can absorb when the model ends in it (softmax for categorical
    /// cross-entropies, sigmoid for binary), or `nil`.
    var fusableActivation: Activation? {
        guard !fromLogits else { return nil }
        switch kind {
        case .binaryCrossentropy: return .sigmoid
        case .categoricalCrossentropy, .sparseCategoricalCrossentropy: return .softmax
        case .meanSquaredError, .meanAbsoluteError: return nil
        }
    }

    /// The same loss taking logits.
    var withLogits: Loss { Loss(kind: kind, fromLogits: true) }

    /// Returns the mean loss of `predictions` against `labels`.
    public func callAsFunction(labels: Tensor, predictions: Tensor) -> Tensor {
        switch kind {
        case .sparseCategoricalCrossentropy:
            let logits = fromLogits ? predictions : log(predictions.clipped(min: Loss.epsilon, max: 1 - Loss.epsilon))
            return sparseSoftmaxCrossEntropy(logits: logits, labels: labels, op: name)
        case .categoricalCrossentropy:
            let targets = Loss.matchShape(labels, to: predictions, op: name)
            if fromLogits {
                return softmaxCrossEntropy(logits: predictions, labels: targets)
            }
            // Keras rescales probabilities to sum to 1 before clipping.
            let normalized = predictions / predictions.sum(alongAxes: -1, keepingDimensions: true)
            let logProbabilities = log(normalized.clipped(min: Loss.epsilon, max: 1 - Loss.epsilon))
            return -(targets * logProbabilities).sum(alongAxes: -1).mean()
        case .binaryCrossentropy:
            let targets = Loss.matchShape(labels, to: predictions, op: name)
            if fromLogits {
                return sigmoidCrossEntropy(logits: predictions, labels: targets)
            }
            let p = predictions.clipped(min: Loss.epsilon, max: 1 - Loss.epsilon)
            return -(targets * log(p) + (1 - targets) * log(1 - p)).mean()
        case .meanSquaredError:
            return (predictions - Loss.matchShape(labels, to: predictions, op: name)).squared().mean()
        case .meanAbsoluteError:
            return abs(predictions - Loss.matchShape(labels, to: predictions, op: name)).mean()
        }
    }

    /// Keras's `epsilon()` used to clip probabilities.
    static let epsilon: Float = 1e-7

    /// Reshapes labels with the same scalar count as the predictions (`[n]` against `[n, 1]`).
    static func matchShape(_ labels: Tensor, to predictions: Tensor, op: String) -> Tensor {
        if labels.shape == predictions.shape { return labels }
        precondition(
            labels.scalarCount == predictions.scalarCount,
            "\(op): labels of shape \(labels.shape) do not match predictions of shape \(predictions.shape)")
        return labels.reshaped(to: predictions.shape)
    }
}

/// Returns the mean cross-entropy between integer class `labels` (`[batch]` or `[batch, 1]`) and
/// the softmax of `logits` (`[batch, classes]`). The gradient is `(softmax(logits) − onehot) / batch`.
public func sparseSoftmaxCrossEntropy(logits: Tensor, labels: Tensor) -> Tensor {
    sparseSoftmaxCrossEntropy(logits: logits, labels: labels, op: "sparseSoftmaxCrossEntropy")
}

func sparseSoftmaxCrossEntropy(logits: Tensor, labels: Tensor, op: String) -> Tensor {
    precondition(logits.rank == 2, "\(op): logits must be [batch, classes], got shape \(logits.shape)")
    let (batch, classes) = (logits.shape[0], logits.shape[1])
    precondition(
        labels.scalarCount == batch,
        "\(op): \(batch) predictions but labels of shape \(labels.shape)")
    let logProbabilities = logits.softmaxWithoutRecording(alongAxis: 1, logarithmic: true)
    var classIndices = [Int](repeating: 0, count: batch)
    var total: Double = 0
    for row in 0..<batch {
        let label = labels.storage.pointer[row]
        let index = Int(label)
        precondition(
            index >= 0 && index < classes && Float(index) == label,
            "\(op): label \(label) at row \(row) is not a class index in 0..<\(classes)")
        classIndices[row] = index
        total -= Double(logProbabilities.storage.pointer[row * classes + index])
    }
    let result = Tensor(Float(total / Double(Swift.max(batch, 1))))
    guard AutodiffContext.shouldRecord(logits) else { return result }
    return result.recorded(op, inputs: [logits]) { upstream in
        let scale = upstream.scalar / Float(batch)
        var gradient = logProbabilities.map { expf($0) * scale }
        for row in 0..<batch {
            gradient.storage.pointer[row * classes + classIndices[row]] -= scale
        }
        gradient.node = nil
        return [gradient]
    }
}

/// Returns the mean over the batch of `−Σ labels × log softmax(logits)` along the last axis.
public func softmaxCrossEntropy(logits: Tensor, labels: Tensor) -> Tensor {
    precondition(
        logits.shape == labels.shape,
        "softmaxCrossEntropy: logits shape \(logits.shape) differs from labels shape \(labels.shape)")
    let logProbabilities = logits.softmaxWithoutRecording(alongAxis: -1 + logits.rank, logarithmic: true)
    let rows = logits.scalarCount / Swift.max(logits.shape.last ?? 1, 1)
    var total: Double = 0
    for index in 0..<logits.scalarCount {
        total -= Double(labels.storage.pointer[index] * logProbabilities.storage.pointer[index])
    }
    let result = Tensor(Float(total / Double(Swift.max(rows, 1))))
    guard AutodiffContext.shouldRecord(logits, labels) else { return result }
    let targets = labels.detached()
    let needsLabels = labels.isTracked
    return result.recorded("softmaxCrossEntropy", inputs: [logits, labels]) { upstream in
        // d/dlogits = (softmax × Σlabels − labels) / rows; d/dlabels = −log softmax / rows.
        let scale = upstream.scalar / Float(rows)
        let classes = logits.shape[logits.rank - 1]
        let gradient = Tensor(uninitializedShape: logProbabilities.shape)
        for row in 0..<rows {
            var labelSum: Float = 0
            for column in 0..<classes { labelSum += targets.storage.pointer[row * classes + column] }
            for column in 0..<classes {
                let index = row * classes + column
                gradient.storage.pointer[index] =
                    scale * (expf(logProbabilities.storage.pointer[index]) * labelSum - targets.storage.pointer[index])
            }
        }
        return [gradient, needsLabels ? logProbabilities.map { -$0 * scale } : nil]
    }
}

/// Returns the mean binary cross-entropy of `sigmoid(logits)` against `labels`, computed as
/// `max(x, 0) − x·y + log(1 + e^−|x|)` so no exponential overflows.
public func sigmoidCrossEntropy(logits: Tensor, labels: Tensor) -> Tensor {
    precondition(
        logits.shape == labels.shape,
        "sigmoidCrossEntropy: logits shape \(logits.shape) differs from labels shape \(labels.shape)")
    let count = logits.scalarCount
    var total: Double = 0
    for index in 0..<count {
        let x = logits.storage.pointer[index]
        let y = labels.storage.pointer[index]
        total += Double(Swift.max(x, 0) - x * y + log1pf(expf(-Swift.abs(x))))
    }
    let result = Tensor(Float(total / Double(Swift.max(count, 1))))
    guard AutodiffContext.shouldRecord(logits, labels) else { return result }
    let (x, y) = (logits.detached(), labels.detached())
    let needsLabels = labels.isTracked
    return result.recorded("sigmoidCrossEntropy", inputs: [logits, labels]) { upstream in
        let scale = upstream.scalar / Float(count)
        let gradient = Tensor.broadcastingMap(x, y, op: "sigmoidCrossEntropy pullback") { x, y in
            (stableSigmoid(x) - y) * scale
        }
        return [gradient, needsLabels ? x.map { -$0 * scale } : nil]
    }
}
