import Foundation

extension Sequential {
    /// Sets the optimizer, loss and metrics used by ``fit(_:_:epochs:batchSize:shuffle:validationSplit:validationData:callbacks:verbose:)``
    /// and ``evaluate(_:_:batchSize:verbose:)``. `.accuracy` is resolved from the loss as Keras does.
    public func compile(optimizer: any Optimizer, loss: Loss, metrics: [Metric] = []) {
        self.optimizer = optimizer
        self.loss = loss
        self.metrics = metrics.map { $0.resolved(for: loss) }
    }

    /// The compiled optimizer's learning rate (0 before compiling).
    public var learningRate: Float {
        get { optimizer?.learningRate ?? 0 }
        set { optimizer?.learningRate = newValue }
    }

    /// Runs one optimizer step on a batch and returns the batch loss (including weight penalties)
    /// and the predictions made on the way, as probabilities when the last activation was fused.
    public func trainStep(_ x: Tensor, _ y: Tensor) throws -> (loss: Double, predictions: Tensor) {
        guard let optimizer, let loss else { throw TrainingError.notCompiled }
        try prepare(forBatch: x)
        let trainable = trainableParameters
        let (lossValue, predictions, gradients) = computeGradients(x, y, loss: loss, parameters: trainable)
        optimizer.apply(gradients: gradients, to: trainable)
        return (lossValue, predictions)
    }

    /// Runs the forward and backward pass. Kept separate from the update so that the tape and graph,
    /// which share the weights' buffers, are released before the optimizer writes in place.
    private func computeGradients(
        _ x: Tensor, _ y: Tensor, loss: Loss, parameters: [Parameter]
    ) -> (Double, Tensor, [Tensor]) {
        let tape = GradientTape()
        let (total, predictions) = tape.record { () -> (Tensor, Tensor) in
            let (dataLoss, predictions) = forwardLoss(x, y, loss: loss)
            var total = dataLoss
            for parameter in self.parameters {
                if let regularizer = parameter.regularizer {
                    total = total + regularizer.penalty(parameter.value)
                }
            }
            return (total, predictions)
        }
        let gradients = tape.gradient(of: total, withRespectTo: parameters)
        let filled = zip(gradients, parameters).map { gradient, parameter in
            gradient ?? Tensor(zeros: parameter.shape)
        }
        return (Double(total.scalar), predictions, filled)
    }

    /// Returns the loss of a training-mode forward pass and the detached predictions. When the last
    /// layer's activation is the one the loss can absorb, the loss is computed from the logits.
    private func forwardLoss(_ x: Tensor, _ y: Tensor, loss: Loss) -> (Tensor, Tensor) {
        guard let last = layers.last else {
            return (loss(labels: y, predictions: x), x.detached())
        }
        var hidden = x
        var mask: Tensor?
        for layer in layers.dropLast() {
            hidden = layer.forward(hidden, mask: &mask, training: true)
        }
        if let fusable = loss.fusableActivation, let activated = last as? any ActivatedLayer,
           activated.activation == fusable {
            let logits = activated.linearOutput(hidden)
            return (loss.withLogits(labels: y, predictions: logits), fusable(logits.detached()))
        }
        let output = last.forward(hidden, mask: &mask, training: true)
        return (loss(labels: y, predictions: output), output.detached())
    }

    /// Trains the model for a number of epochs and returns the per-epoch logs.
    ///
    /// - Parameters:
    ///   - x: Inputs with the samples along the first axis.
    ///   - y: Labels with the samples along the first axis.
    ///   - epochs: Passes over the training data.
    ///   - batchSize: Samples per gradient step; the last batch of an epoch may be smaller.
    ///   - shuffle: Whether to visit the training samples in a new random order each epoch.
    ///   - validationSplit: Fraction in [0, 1) of the samples, taken from the end before shuffling as
    ///     Keras does, held out to compute `val_` metrics after each epoch.
    ///   - validationData: Held-out inputs and labels; takes precedence over `validationSplit`.
    ///   - callbacks: Hooks called at the start and end of training, epochs and batches.
    ///   - verbose: 0 silent, 1 one progress line per epoch updated in place, 2 one line per epoch.
    @discardableResult
    public func fit(
        _ x: Tensor, _ y: Tensor, epochs: Int = 1, batchSize: Int = 32, shuffle: Bool = true,
        validationSplit: Double = 0, validationData: (Tensor, Tensor)? = nil,
        callbacks: [any Callback] = [], verbose: Int = 1
    ) throws -> History {
        guard optimizer != nil, loss != nil else { throw TrainingError.notCompiled }
        try checkSamples(x, y)
        guard epochs >= 0 else {
            throw TrainingError.invalidArgument(name: "epochs", value: "\(epochs)", expected: "0 or more")
        }
        guard batchSize >= 1 else {
            throw TrainingError.invalidArgument(name: "batchSize", value: "\(batchSize)", expected: "1 or more")
        }
        guard validationSplit >= 0 && validationSplit < 1 else {
            throw TrainingError.invalidArgument(
                name: "validationSplit", value: "\(validationSplit)", expected: "a fraction in [0, 1)")
        }

        var (trainX, trainY) = (x, y)
        var validation = validationData
        if validation == nil && validationSplit > 0 {
            let sampleCount = x.shape[0]
            let trainCount = sampleCount - Int((Double(sampleCount) * validationSplit).rounded(.down))
            validation = (x[trainCount...], y[trainCount...])
            (trainX, trainY) = (x[..<trainCount], y[..<trainCount])
        }
        if let (validationX, validationY) = validation {
            try checkSamples(validationX, validationY)
        }
        guard trainX.shape[0] > 0 else { throw TrainingError.emptyData("the training set") }

        let sampleCount = trainX.shape[0]
        let batchCount = (sampleCount + batchSize - 1) / batchSize
        var history = History()
        stopTraining = false
        for callback in callbacks { callback.onTrainBegin(model: self) }

        for epoch in 0..<epochs {
            for callback in callbacks { callback.onEpochBegin(epoch, model: self) }
            let progress = ProgressLine(verbose: verbose, epoch: epoch, epochs: epochs, batchCount: batchCount)
            let order = shuffle ? randomPermutation(sampleCount) : Array(0..<sampleCount)
            var totals = RunningTotals(metrics: metrics)

            for batch in 0..<batchCount {
                let indices = Array(order[(batch * batchSize)..<Swift.min((batch + 1) * batchSize, sampleCount)])
                let batchX = trainX.gathering(atIndices: indices)
                let batchY = trainY.gathering(atIndices: indices)
                let (batchLoss, predictions) = try trainStep(batchX, batchY)
                totals.add(loss: batchLoss, labels: batchY, predictions: predictions)
                let logs = totals.logs(prefix: "")
                for callback in callbacks { callback.onBatchEnd(batch, logs: Dictionary(uniqueKeysWithValues: logs), model: self) }
                progress.update(batch: batch + 1, logs: logs)
            }

            var logs = totals.logs(prefix: "")
            if let (validationX, validationY) = validation {
                logs += try evaluationTotals(validationX, validationY, batchSize: batchSize).logs(prefix: "val_")
            }
            progress.finish(logs: logs)
            history.append(logs)
            for callback in callbacks {
                try callback.onEpochEnd(epoch, logs: Dictionary(uniqueKeysWithValues: logs), model: self)
            }
            if stopTraining { break }
        }
        for callback in callbacks { callback.onTrainEnd(model: self) }
        return history
    }

    /// Returns the loss and metrics on a data set, computed in inference mode.
    public func evaluate(_ x: Tensor, _ y: Tensor, batchSize: Int = 32, verbose: Int = 0) throws -> Evaluation {
        guard loss != nil else { throw TrainingError.notCompiled }
        try checkSamples(x, y)
        guard batchSize >= 1 else {
            throw TrainingError.invalidArgument(name: "batchSize", value: "\(batchSize)", expected: "1 or more")
        }
        let logs = try evaluationTotals(x, y, batchSize: batchSize).logs(prefix: "")
        let evaluation = Evaluation(logs: logs)
        if verbose > 0 {
            print(evaluation)
        }
        return evaluation
    }

    private func evaluationTotals(_ x: Tensor, _ y: Tensor, batchSize: Int) throws -> RunningTotals {
        guard let loss else { throw TrainingError.notCompiled }
        guard x.shape[0] > 0 else { throw TrainingError.emptyData("the evaluation set") }
        var totals = RunningTotals(metrics: metrics)
        for start in stride(from: 0, to: x.shape[0], by: batchSize) {
            let end = Swift.min(start + batchSize, x.shape[0])
            let batchY = y[start..<end]
            let predictions = try self(x[start..<end])
            totals.add(loss: Double(loss(labels: batchY, predictions: predictions).scalar) + regularizationPenalty(),
                       labels: batchY, predictions: predictions)
        }
        return totals
    }

    /// The current total of weight penalties, which Keras includes in reported losses.
    private func regularizationPenalty() -> Double {
        parameters.reduce(0) { total, parameter in
            total + Double(parameter.regularizer?.penalty(parameter.value).scalar ?? 0)
        }
    }

    /// Returns the model's outputs for every sample, computed in batches in inference mode.
    public func predict(_ x: Tensor, batchSize: Int = 32) throws -> Tensor {
        guard batchSize >= 1 else {
            throw TrainingError.invalidArgument(name: "batchSize", value: "\(batchSize)", expected: "1 or more")
        }
        guard x.rank >= 1, x.shape[0] > 0 else { throw TrainingError.emptyData("the input") }
        var outputs: [Tensor] = []
        for start in stride(from: 0, to: x.shape[0], by: batchSize) {
            outputs.append(try self(x[start..<Swift.min(start + batchSize, x.shape[0])]))
        }
        return outputs.count == 1 ? outputs[0] : Tensor(concatenating: outputs, alongAxis: 0)
    }

    private func checkSamples(_ x: Tensor, _ y: Tensor) throws {
        guard x.rank >= 1, y.rank >= 1 else {
            throw ShapeError.invalidInput(layer: name, expected: "inputs and labels with a sample axis", actual: x.shape)
        }
        guard x.shape[0] == y.shape[0] else {
            throw TrainingError.sampleCountMismatch(inputs: x.shape[0], labels: y.shape[0])
        }
    }
}

/// The loss and metrics returned by ``Sequential/evaluate(_:_:batchSize:verbose:)``.
public struct Evaluation: CustomStringConvertible, Sendable {
    /// The values in logging order, `loss` first.
    public let logs: [(String, Double)]

    /// The mean loss.
    public var loss: Double { self["loss"] }

    /// Returns the value logged under `key`; traps with the available keys when there is none.
    public subscript(key: String) -> Double {
        guard let value = logs.first(where: { $0.0 == key })?.1 else {
            preconditionFailure("Evaluation has no value '\(key)'; available: \(logs.map(\.0).joined(separator: ", "))")
        }
        return value
    }

    public var description: String {
        logs.map { "\($0.0): \(String(format: "%.4f", $0.1))" }.joined(separator: " - ")
    }
}

/// Sample-weighted sums of the loss and metrics over an epoch.
struct RunningTotals {
    let metrics: [Metric]
    var sampleCount = 0
    var lossTotal: Double = 0
    var metricTotals: [Double]

    init(metrics: [Metric]) {
        self.metrics = metrics
        metricTotals = Array(repeating: 0, count: metrics.count)
    }

    mutating func add(loss: Double, labels: Tensor, predictions: Tensor) {
        let count = predictions.shape.first ?? 1
        sampleCount += count
        lossTotal += loss * Double(count)
        for (index, metric) in metrics.enumerated() {
            metricTotals[index] += metric.batchTotal(labels: labels, predictions: predictions)
        }
    }

    func logs(prefix: String) -> [(String, Double)] {
        let denominator = Double(Swift.max(sampleCount, 1))
        return [(prefix + "loss", lossTotal / denominator)]
            + zip(metrics, metricTotals).map { (prefix + $0.name, $1 / denominator) }
    }
}
