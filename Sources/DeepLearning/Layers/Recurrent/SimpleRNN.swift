/// A fully connected recurrent layer, as Keras's `SimpleRNN`: hₜ = activation(xₜW + hₜ₋₁U + b).
///
/// Weights: `units × (features + units) + units`. Supported activations: tanh (the default),
/// sigmoid, relu and linear.
public final class SimpleRNN: RecurrentLayer {
    public let activation: Activation

    public init(
        _ units: Int, activation: Activation = .tanh, returnSequences: Bool = false, goBackwards: Bool = false,
        dropout: Float = 0, recurrentDropout: Float = 0, kernelInitializer: Initializer = .glorotUniform,
        recurrentInitializer: Initializer = .orthogonal, biasInitializer: Initializer = .zeros,
        name: String? = nil
    ) {
        precondition(
            [.tanh, .sigmoid, .relu, .linear].contains(activation),
            "SimpleRNN: activation \(activation.name) is not supported; use tanh, sigmoid, relu or linear")
        self.activation = activation
        super.init(
            cell: .simple(activation), units: units, returnSequences: returnSequences, goBackwards: goBackwards,
            dropout: dropout, recurrentDropout: recurrentDropout, kernelInitializer: kernelInitializer,
            recurrentInitializer: recurrentInitializer, biasInitializer: biasInitializer,
            name: name ?? LayerNames.unique("simple_rnn"))
    }

    override func reversedCopy(name: String) -> RecurrentLayer {
        SimpleRNN(
            units, activation: activation, returnSequences: returnSequences, goBackwards: !goBackwards,
            dropout: dropout, recurrentDropout: recurrentDropout, kernelInitializer: kernelInitializer,
            recurrentInitializer: recurrentInitializer, biasInitializer: biasInitializer, name: name)
    }
}
