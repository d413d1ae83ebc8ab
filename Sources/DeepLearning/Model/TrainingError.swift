/// A problem with data or configuration passed to training, evaluation or prediction.
public enum TrainingError: Error, CustomStringConvertible, Equatable {
    /// `fit` or `evaluate` was called before `compile`.
    case notCompiled
    /// Inputs and labels have different numbers of samples.
    case sampleCountMismatch(inputs: Int, labels: Int)
    /// A setting is outside its valid range.
    case invalidArgument(name: String, value: String, expected: String)
    /// There is nothing to train or evaluate on.
    case emptyData(String)

    public var description: String {
        switch self {
        case .notCompiled:
            return "the model is not compiled; call compile(optimizer:loss:metrics:) before fit or evaluate"
        case .sampleCountMismatch(let inputs, let labels):
            return "inputs have \(inputs) samples but labels have \(labels); pass one label per sample"
        case .invalidArgument(let name, let value, let expected):
            return "\(name) is \(value), expected \(expected)"
        case .emptyData(let what):
            return "\(what) has no samples; pass at least one"
        }
    }
}
