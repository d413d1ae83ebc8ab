/// A quantity reported during training and evaluation, averaged over the samples seen.
public struct Metric: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// Accuracy of the kind matching the loss, resolved at compile time as Keras does.
        case accuracy
        case binaryAccuracy
        case categoricalAccuracy
        case sparseCategoricalAccuracy
        case meanAbsoluteError
        case meanSquaredError
    }

    let kind: Kind

    /// The key in logs and ``History``; Keras uses the name the user wrote.
    public let name: String

    /// Accuracy of the kind that fits the loss: binary for binary cross-entropy, sparse for sparse
    /// categorical cross-entropy, categorical otherwise. Logged as `accuracy`.
    public static let accuracy = Metric(kind: .accuracy, name: "accuracy")
    /// Predictions above 0.5 count as 1. Logged as `binary_accuracy`.
    public static let binaryAccuracy = Metric(kind: .binaryAccuracy, name: "binary_accuracy")
    /// Arg-max of predictions against arg-max of one-hot labels.
    public static let categoricalAccuracy = Metric(kind: .categoricalAccuracy, name: "categorical_accuracy")
    /// Arg-max of predictions against integer labels.
    public static let sparseCategoricalAccuracy = Metric(
        kind: .sparseCategoricalAccuracy, name: "sparse_categorical_accuracy")
    /// Mean absolute error. Logged as `mae`.
    public static let mae = Metric(kind: .meanAbsoluteError, name: "mae")
    /// Mean squared error. Logged as `mse`.
    public static let mse = Metric(kind: .meanSquaredError, name: "mse")

    /// Returns the concrete metric for training with `loss`, keeping the name the user chose.
    func resolved(for loss: Loss) -> Metric {
        guard kind == .accuracy else { return self }
        switch loss.kind {
        case .binaryCrossentropy: return Metric(kind: .binaryAccuracy, name: name)
        case .sparseCategoricalCrossentropy: return Metric(kind: .sparseCategoricalAccuracy, name: name)
        default: return Metric(kind: .categoricalAccuracy, name: name)
        }
    }

    /// Returns the metric summed over the batch (not averaged), so batches of any size can be
    /// combined into an epoch mean. Predictions are probabilities or values, not logits.
    func batchTotal(labels: Tensor, predictions: Tensor) -> Double {
        let p = predictions.storage.pointer
        let y = labels.storage.pointer
        switch kind {
        case .accuracy:
            preconditionFailure("Metric.accuracy must be resolved against the loss before use")
        case .binaryAccuracy:
            precondition(labels.scalarCount == predictions.scalarCount, mismatch(labels, predictions))
            var correct = 0
            for index in 0..<predictions.scalarCount where (p[index] > 0.5) == (y[index] > 0.5) {
                correct += 1
            }
            // Keras averages over the last axis first; with one output per sample that is a count.
            let perSample = predictions.scalarCount / Swift.max(predictions.shape.first ?? 1, 1)
            return Double(correct) / Double(Swift.max(perSample, 1))
        case .categoricalAccuracy, .sparseCategoricalAccuracy:
            let classes = predictions.shape.last ?? 1
            let rows = predictions.scalarCount / Swift.max(classes, 1)
            let sparse = kind == .sparseCategoricalAccuracy
            precondition(
                sparse ? labels.scalarCount == rows : labels.scalarCount == predictions.scalarCount,
                mismatch(labels, predictions))
            var correct = 0
            for row in 0..<rows {
                let predicted = argmaxOfRow(p + row * classes, classes)
                let expected = sparse ? Int(y[row]) : argmaxOfRow(y + row * classes, classes)
                if predicted == expected { correct += 1 }
            }
            return Double(correct)
        case .meanAbsoluteError, .meanSquaredError:
            precondition(labels.scalarCount == predictions.scalarCount, mismatch(labels, predictions))
            var total: Double = 0
            for index in 0..<predictions.scalarCount {
                let difference = Double(p[index] - y[index])
                total += kind == .meanAbsoluteError ? Swift.abs(difference) : difference * difference
            }
            let perSample = predictions.scalarCount / Swift.max(predictions.shape.first ?? 1, 1)
            return total / Double(Swift.max(perSample, 1))
        }
    }

    private func mismatch(_ labels: Tensor, _ predictions: Tensor) -> String {
        "metric \(name): labels of shape \(labels.shape) do not match predictions of shape \(predictions.shape)"
    }

    private func argmaxOfRow(_ row: UnsafeMutablePointer<Float>, _ count: Int) -> Int {
        var best = 0
        for index in 1..<Swift.max(count, 1) where row[index] > row[best] { best = index }
        return best
    }
}
