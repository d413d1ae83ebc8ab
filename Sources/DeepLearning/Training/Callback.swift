/// The part of a model that callbacks act on, so callbacks can be tested against a stand-in model.
public protocol CallbackModel: AnyObject {
    /// Set to `true` to end training after the current epoch.
    var stopTraining: Bool { get set }

    /// The optimizer's learning rate.
    var learningRate: Float { get set }

    /// Returns copies of every weight, in a fixed order.
    func weightValues() -> [Tensor]

    /// Replaces every weight; `values` must come from ``weightValues()`` of a model of this shape.
    func setWeightValues(_ values: [Tensor])

    /// Writes the weights to a file.
    func saveWeights(to path: String) throws
}

/// Hooks called during ``Sequential/fit(_:_:epochs:batchSize:shuffle:validationSplit:validationData:callbacks:verbose:)``.
///
/// Epoch and batch numbers passed to hooks start at 0, as in Keras; progress lines print them from
/// 1. `logs` maps `loss`, metric names and their `val_` forms to the epoch (or running) means.
public protocol Callback: AnyObject {
    func onTrainBegin(model: any CallbackModel)
    func onTrainEnd(model: any CallbackModel)
    func onEpochBegin(_ epoch: Int, model: any CallbackModel)
    func onEpochEnd(_ epoch: Int, logs: [String: Double], model: any CallbackModel) throws
    func onBatchEnd(_ batch: Int, logs: [String: Double], model: any CallbackModel)
}

extension Callback {
    public func onTrainBegin(model: any CallbackModel) {}
    public func onTrainEnd(model: any CallbackModel) {}
    public func onEpochBegin(_ epoch: Int, model: any CallbackModel) {}
    public func onEpochEnd(_ epoch: Int, logs: [String: Double], model: any CallbackModel) throws {}
    public func onBatchEnd(_ batch: Int, logs: [String: Double], model: any CallbackModel) {}
}

extension Sequential: CallbackModel {
    public func weightValues() -> [Tensor] {
        parameters.map(\.storedValue)
    }

    public func setWeightValues(_ values: [Tensor]) {
        let parameters = self.parameters
        precondition(
            values.count == parameters.count,
            "setWeightValues: \(values.count) tensors for \(parameters.count) weights")
        for (parameter, value) in zip(parameters, values) {
            parameter.value = value
        }
    }
}
