/// Per-epoch values recorded by ``Sequential/fit(_:_:epochs:batchSize:shuffle:validationSplit:validationData:callbacks:verbose:)``,
/// keyed as Keras keys them: `loss`, `accuracy`, `val_loss`, `val_accuracy`, ...
public struct History: Sendable {
    /// Every recorded series; index `i` belongs to epoch `i + 1`.
    public private(set) var history: [String: [Double]] = [:]

    /// The keys in the order they were first logged.
    public private(set) var keys: [String] = []

    public init() {}

    /// Returns the series for `key`; traps with the available keys when there is no such series.
    public subscript(key: String) -> [Double] {
        guard let series = history[key] else {
            preconditionFailure("History has no series '\(key)'; available: \(keys.joined(separator: ", "))")
        }
        return series
    }

    /// The number of epochs recorded.
    public var epochCount: Int { history[keys.first ?? ""]?.count ?? 0 }

    mutating func append(_ logs: [(String, Double)]) {
        for (key, value) in logs {
            if history[key] == nil {
                keys.append(key)
            }
            history[key, default: []].append(value)
        }
    }
}
