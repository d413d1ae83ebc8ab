/// Long short-term memory, as Keras's `LSTM` (Hochreiter and Schmidhuber, 1997).
///
/// With gate blocks i, f, c, o in the columns of the kernels:
/// iₜ = σ(xₜWᵢ + hₜ₋₁Uᵢ + bᵢ), fₜ = σ(xₜW_f + hₜ₋₁U_f + b_f), c̃ₜ = tanh(xₜW_c + hₜ₋₁U_c + b_c),
/// oₜ = σ(xₜW_o + hₜ₋₁U_o + b_o), cₜ = fₜ ⊙ cₜ₋₁ + iₜ ⊙ c̃ₜ, hₜ = oₜ ⊙ tanh(cₜ).
/// Weights: `4 × (units × (features + units) + units)`.
public final class LSTM: RecurrentLayer {
    /// Whether the forget gate's bias starts at 1 (Keras's `unit_forget_bias`), so the cell keeps
    /// its memory at the start of training.
    public let unitForgetBias: Bool

    public init(
        _ units: Int, returnSequences: Bool = false, goBackwards: Bool = false, dropout: Float = 0,
        recurrentDropout: Float = 0, kernelInitializer: Initializer = .glorotUniform,
        recurrentInitializer: Initializer = .orthogonal, biasInitializer: Initializer = .zeros,
        unitForgetBias: Bool = true, name: String? = nil
    ) {
        self.unitForgetBias = unitForgetBias
        super.init(
            cell: .lstm, units: units, returnSequences: returnSequences, goBackwards: goBackwards,
            dropout: dropout, recurrentDropout: recurrentDropout, kernelInitializer: kernelInitializer,
            recurrentInitializer: recurrentInitializer, biasInitializer: biasInitializer,
            name: name ?? LayerNames.unique("lstm"))
    }

    override func initialBias() -> Tensor {
        guard unitForgetBias else { return super.initialBias() }
        var scalars = biasInitializer.makeTensor(shape: [4 * units]).scalars
        for unit in units..<(2 * units) { scalars[unit] = 1 }
        return Tensor(shape: [4 * units], scalars: scalars)
    }

    override func reversedCopy(name: String) -> RecurrentLayer {
        LSTM(
            units, returnSequences: returnSequences, goBackwards: !goBackwards, dropout: dropout,
            recurrentDropout: recurrentDropout, kernelInitializer: kernelInitializer,
            recurrentInitializer: recurrentInitializer, biasInitializer: biasInitializer,
            unitForgetBias: unitForgetBias, name: name)
    }
}
