import Foundation

/// Returns a probability distribution reshaped by `temperature`: each probability is raised to the
/// power `1 / temperature` and the results are normalised to sum to 1.
///
/// A temperature below 1 sharpens the distribution towards its most likely entries, 1 leaves it
/// unchanged and above 1 flattens it towards uniform. Temperature 0 puts all the mass on the
/// first most likely entry. The work is done on logarithms, so tiny probabilities and extreme
/// temperatures neither overflow nor turn into NaN.
///
/// - Parameter probabilities: Non-negative weights, not all zero; they need not sum to 1.
public func reweighted(_ probabilities: [Float], temperature: Float) -> [Float] {
    validate(probabilities, temperature: temperature, operation: "reweighted")
    let logits = probabilities.map { Double($0).logarithm }
    return temperatureSoftmax(logits, temperature: Double(temperature)).map { Float($0) }
}

/// Draws an index from `probabilities` reweighted by `temperature`, for generating text one token
/// at a time.
///
/// Temperature 0 returns the index of the largest probability (the first one on ties) without
/// drawing, which is greedy decoding.
///
/// - Parameters:
///   - probabilities: Non-negative weights, not all zero, such as a softmax output.
///   - temperature: 0 or more; see `reweighted(_:temperature:)`.
///   - generator: The source of randomness, a `SeededGenerator` for repeatable text.
public func sample(
    from probabilities: [Float],
    temperature: Float = 1,
    using generator: inout some RandomNumberGenerator
) -> Int {
    validate(probabilities, temperature: temperature, operation: "sample(from:)")
    let logits = probabilities.map { Double($0).logarithm }
    return draw(from: temperatureSoftmax(logits, temperature: Double(temperature)), using: &generator)
}

/// Draws an index from `softmax(logits / temperature)`, for models whose last layer has no softmax.
public func sample(
    fromLogits logits: [Float],
    temperature: Float = 1,
    using generator: inout some RandomNumberGenerator
) -> Int {
    precondition(!logits.isEmpty, "sample(fromLogits:): the logits are empty")
    precondition(temperature >= 0 && temperature.isFinite, "sample(fromLogits:): temperature must be finite and at least 0; got \(temperature)")
    for (index, logit) in logits.enumerated() where logit.isNaN || logit == .infinity {
        preconditionFailure("sample(fromLogits:): logit \(index) is \(logit); logits must be finite or -infinity")
    }
    precondition(logits.contains { $0 > -.infinity }, "sample(fromLogits:): every logit is -infinity")
    return draw(from: temperatureSoftmax(logits.map(Double.init), temperature: Double(temperature)), using: &generator)
}

private func validate(_ probabilities: [Float], temperature: Float, operation: String) {
    precondition(!probabilities.isEmpty, "\(operation): the probabilities are empty")
    precondition(temperature >= 0 && temperature.isFinite, "\(operation): temperature must be finite and at least 0; got \(temperature)")
    for (index, probability) in probabilities.enumerated() where !(probability >= 0 && probability.isFinite) {
        preconditionFailure("\(operation): probability \(index) is \(probability); probabilities must be finite and non-negative")
    }
    precondition(probabilities.contains { $0 > 0 }, "\(operation): every probability is 0")
}

/// Returns `softmax(logits / temperature)`, or a one-hot vector at the first maximum for
/// temperature 0. Entries of -infinity get probability 0.
private func temperatureSoftmax(_ logits: [Double], temperature: Double) -> [Double] {
    let maximum = logits.max()!
    if temperature == 0 {
        let winner = logits.firstIndex(of: maximum)!
        return logits.indices.map { $0 == winner ? 1 : 0 }
    }

    // Subtracting the maximum before exp keeps the largest term at exp(0) = 1, so nothing
    // overflows and at least one weight is non-zero however small the temperature.
    let weights = logits.map { exp(($0 - maximum) / temperature) }
    let total = weights.reduce(0, +)
    return weights.map { $0 / total }
}

/// Draws an index whose chance is its probability, by inverting the cumulative distribution.
private func draw(from probabilities: [Double], using generator: inout some RandomNumberGenerator) -> Int {
    let threshold = generator.nextUnitDouble()
    var cumulative = 0.0
    for (index, probability) in probabilities.enumerated() where probability > 0 {
        cumulative += probability
        if threshold < cumulative {
            return index
        }
    }

    // Rounding can leave the total just under 1; the last possible index then takes the rest.
    return probabilities.lastIndex { $0 > 0 }!
}

extension Double {
    /// The natural logarithm, with log(0) = -infinity.
    fileprivate var logarithm: Double {
        self == 0 ? -.infinity : log(self)
    }
}
