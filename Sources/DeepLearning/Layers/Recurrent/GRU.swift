/// Gated recurrent unit, as Keras's `GRU` with its default `reset_after=True` (Cho et al., 2014).
///
/// With gate blocks z, r, h in the columns of the kernels and the bias rows b (input side) and
/// b′ (recurrent side):
/// zₜ = σ(xₜW_z + b_z + hₜ₋₁U_z + b′_z), rₜ = σ(xₜW_r + b_r + hₜ₋₁U_r + b′_r),
/// h̃ₜ = tanh(xₜW_h + b_h + rₜ ⊙ (hₜ₋₁U_h + b′_h)), hₜ = zₜ ⊙ hₜ₋₁ + (1 − zₜ) ⊙ h̃ₜ.
/// Weights: `3 × (units × (features + units) + 2 × units)`.
public final class GRU: RecurrentLayer {
    public init(
        _ units: Int, returnSequences: Bool = false, goBackwards: Bool = false, dropout: Float = 0,
        recurrentDropout: Float = 0, kernelInitializer: Initializer = .glorotUniform,
        recurrentInitializer: Initializer = .orthogonal, biasInitializer: Initializer = .zeros,
        name: String? = nil
    ) {
        super.init(
            cell: .gru, units: units, returnSequences: returnSequences, goBackwards: goBackwards,
            dropout: dropout, recurrentDropout: recurrentDropout, kernelInitializer: kernelInitializer,
            recurrentInitializer: recurrentInitializer, biasInitializer: biasInitializer,
            name: name ?? LayerNames.unique("gru"))
    }

    override func reversedCopy(name: String) -> RecurrentLayer {
        GRU(
            units, returnSequences: returnSequences, goBackwards: !goBackwards, dropout: dropout,
            recurrentDropout: recurrentDropout, kernelInitializer: kernelInitializer,
            recurrentInitializer: recurrentInitializer, biasInitializer: biasInitializer, name: name)
    }
}
