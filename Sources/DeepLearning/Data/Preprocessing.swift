import Foundation

/// Returns one-hot rows for integer class labels: `[n]` labels → `[n, classCount]`, as Keras's
/// `to_categorical`. Throws when a label is not an integer in `0..<classCount`.
public func oneHot(_ labels: Tensor, classCount: Int) throws -> Tensor {
    guard classCount > 0 else {
        throw TrainingError.invalidArgument(name: "classCount", value: "\(classCount)", expected: "at least 1")
    }
    let values = labels.scalars
    var scalars = [Float](repeating: 0, count: values.count * classCount)
    for (row, label) in values.enumerated() {
        let index = Int(label)
        guard Float(index) == label, index >= 0, index < classCount else {
            throw TrainingError.invalidArgument(
                name: "label at index \(row)", value: "\(label)", expected: "an integer in 0..<\(classCount)")
        }
        scalars[row * classCount + index] = 1
    }
    return Tensor(shape: [values.count, classCount], scalars: scalars)
}

/// Feature-wise standardization with statistics from the training data only: `(x − mean) / std`
/// per column (the last axis), as the book does for the Boston housing data.
public struct FeatureNormalizer {
    /// Per-feature means of the fitting data.
    public let mean: Tensor
    /// Per-feature standard deviations of the fitting data (population form); zeros are replaced by 1
    /// so constant features map to 0 instead of dividing by zero.
    public let standardDeviation: Tensor

    /// Computes the statistics of `trainingData` (`[samples, ..., features]`).
    public init(fitting trainingData: Tensor) throws {
        guard trainingData.rank >= 1, trainingData.shape[0] > 0 else {
            throw TrainingError.emptyData("the data to fit the normalizer on")
        }
        let axes = Array(0..<(trainingData.rank - 1))
        let mean = trainingData.mean(alongAxes: axes)
        let variance = (trainingData - mean).squared().mean(alongAxes: axes)
        self.mean = mean
        standardDeviation = sqrt(variance).map { $0 > 0 ? $0 : 1 }
    }

    /// Returns `data` standardized with the fitted statistics. Throws when the feature count differs.
    public func callAsFunction(_ data: Tensor) throws -> Tensor {
        guard data.shape.last == mean.shape.last else {
            throw TrainingError.invalidArgument(
                name: "feature count", value: "\(data.shape.last ?? 0) (shape \(data.shape))",
                expected: "\(mean.shape.last ?? 0), as in the data the normalizer was fitted on")
        }
        return (data - mean) / standardDeviation
    }
}

/// Returns a shuffled split of samples (first axis) into training and validation parts, drawing the
/// order from the library's seeded generator.
public func trainValidationSplit(
    _ x: Tensor, _ y: Tensor, validationFraction: Double, shuffle: Bool = true
) throws -> (train: (x: Tensor, y: Tensor), validation: (x: Tensor, y: Tensor)) {
    guard x.rank >= 1, y.rank >= 1, x.shape[0] == y.shape[0] else {
        throw TrainingError.sampleCountMismatch(inputs: x.shape.first ?? 0, labels: y.shape.first ?? 0)
    }
    guard validationFraction > 0, validationFraction < 1 else {
        throw TrainingError.invalidArgument(
            name: "validationFraction", value: "\(validationFraction)", expected: "a fraction in (0, 1)")
    }
    let count = x.shape[0]
    let validationCount = Int((Double(count) * validationFraction).rounded())
    guard validationCount > 0, validationCount < count else {
        throw TrainingError.invalidArgument(
            name: "validationFraction", value: "\(validationFraction)",
            expected: "a fraction leaving at least one sample on each side of \(count)")
    }
    let order = shuffle ? randomPermutation(count) : Array(0..<count)
    let validationIndices = Array(order[..<validationCount])
    let trainIndices = Array(order[validationCount...])
    return ((x.gathering(atIndices: trainIndices), y.gathering(atIndices: trainIndices)),
            (x.gathering(atIndices: validationIndices), y.gathering(atIndices: validationIndices)))
}
