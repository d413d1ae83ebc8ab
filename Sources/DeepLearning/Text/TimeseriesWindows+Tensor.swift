extension TimeseriesBatch {
    /// The windows as a `[windows, sequenceLength, featureCount]` tensor.
    public var inputTensor: Tensor {
        Tensor(shape: inputShape, scalars: inputs)
    }

    /// The targets as a `[windows, 1]` tensor, the shape of a `Dense(1)` output.
    public var targetTensor: Tensor {
        Tensor(shape: [targets.count, 1], scalars: targets)
    }
}

extension TimeseriesWindows {
    /// Returns every window in delivery order as one input tensor
    /// `[windowCount, sequenceLength, featureCount]` and one target tensor `[windowCount, 1]`, ready
    /// for `fit` (which shuffles and batches on its own) or `evaluate`.
    public func tensors() -> (inputs: Tensor, targets: Tensor) {
        var inputs: [Float] = []
        var targets: [Float] = []
        inputs.reserveCapacity(windowCount * sequenceLength * featureCount)
        targets.reserveCapacity(windowCount)
        for batch in self {
            inputs += batch.inputs
            targets += batch.targets
        }
        return (
            Tensor(shape: [windowCount, sequenceLength, featureCount], scalars: inputs),
            Tensor(shape: [windowCount, 1], scalars: targets))
    }
}
