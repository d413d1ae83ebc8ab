/// Counts how often each true class was predicted as each class: row `i`, column `j` counts the
/// samples of class `i` predicted as `j`, so the diagonal contains the correct predictions.
///
/// - Parameters:
///   - labels: true class indices, any shape (stored as `Float`, as the data sets give them).
///   - predictions: predicted class indices of the same count, for example
///     `model.predict(x).argmax(alongAxis: 1)`.
///   - classCount: the number of classes; the matrix is `classCount × classCount`.
/// - Throws: ``TrainingError`` when the counts differ or an index is not a class.
public func confusionMatrix(labels: Tensor, predictions: Tensor, classCount: Int) throws -> [[Int]] {
    guard labels.scalarCount == predictions.scalarCount else {
        throw TrainingError.sampleCountMismatch(inputs: predictions.scalarCount, labels: labels.scalarCount)
    }
    var counts = [[Int]](repeating: [Int](repeating: 0, count: classCount), count: classCount)
    for (label, prediction) in zip(labels.scalars, predictions.scalars) {
        guard let row = classIndex(label, classCount), let column = classIndex(prediction, classCount) else {
            throw TrainingError.invalidArgument(
                name: "confusionMatrix label/prediction", value: "\(label)/\(prediction)",
                expected: "whole class indices in 0..<\(classCount) (argmax indices, not probabilities)")
        }
        counts[row][column] += 1
    }
    return counts
}

/// Returns `value` as a class index when it is a whole number in `0..<classCount`.
private func classIndex(_ value: Float, _ classCount: Int) -> Int? {
    guard value.isFinite, value >= 0, value < Float(classCount), value.rounded() == value else { return nil }
    return Int(value)
}
