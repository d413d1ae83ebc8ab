extension Tensor {
    /// Draws an index from the probabilities in a rank-1 tensor (such as one row of a softmax
    /// output) reweighted by `temperature`, using the library's global generator, so `setSeed`
    /// makes the draws repeatable. See ``sample(from:temperature:using:)``.
    public func sampleIndex(temperature: Float = 1) -> Int {
        precondition(rank == 1, "sampleIndex(temperature:): needs a rank-1 tensor of probabilities, got shape \(shape)")
        return sample(from: scalars, temperature: temperature, using: &RandomState.generator)
    }

    /// Draws an index from `softmax(logits / temperature)` for a rank-1 tensor of logits, using the
    /// library's global generator. See ``sample(fromLogits:temperature:using:)``.
    public func sampleIndex(fromLogitsWithTemperature temperature: Float) -> Int {
        precondition(rank == 1, "sampleIndex(fromLogitsWithTemperature:): needs a rank-1 tensor of logits, got shape \(shape)")
        return sample(fromLogits: scalars, temperature: temperature, using: &RandomState.generator)
    }
}
