import DeepLearning
import Testing

// Finite-difference checks of every recurrent configuration: input, kernel, recurrent kernel and
// bias gradients. Small sizes keep each check to a few thousand forward passes.

private let input = GradientCheck.random([3, 5, 3], seed: 21)

private func built<L: Layer>(_ layer: L) -> L {
    setSeed(3)
    try! layer.prepare(forInputShape: [5, 3])
    // Non-zero biases exercise every term of the gate equations.
    for parameter in layer.parameters where parameter.name == "bias" {
        parameter.value = GradientCheck.random(parameter.shape, in: -0.5...0.5, seed: 5)
    }
    return layer
}

@Test func lstmGradientLastOutput() {
    let layer = built(LSTM(4))
    LayerGradientCheck.check("LSTM", layer: layer, input: input) { layer.forward($0, training: false) }
}

@Test func lstmGradientSequences() {
    let layer = built(LSTM(4, returnSequences: true))
    LayerGradientCheck.check("LSTM sequences", layer: layer, input: input) { layer.forward($0, training: false) }
}

@Test func gruGradientLastOutput() {
    let layer = built(GRU(4))
    LayerGradientCheck.check("GRU", layer: layer, input: input) { layer.forward($0, training: false) }
}

@Test func gruGradientSequences() {
    let layer = built(GRU(4, returnSequences: true))
    LayerGradientCheck.check("GRU sequences", layer: layer, input: input) { layer.forward($0, training: false) }
}

@Test func simpleRNNGradientSequences() {
    let layer = built(SimpleRNN(4, returnSequences: true))
    LayerGradientCheck.check("SimpleRNN", layer: layer, input: input) { layer.forward($0, training: false) }
}

@Test func simpleRNNGradientRelu() {
    let layer = built(SimpleRNN(4, activation: .relu, returnSequences: true))
    LayerGradientCheck.check("SimpleRNN relu", layer: layer, input: input) { layer.forward($0, training: false) }
}

@Test func lstmGradientMasked() {
    let layer = built(LSTM(4, returnSequences: true))
    let mask = LayerGradientCheck.mixedMask(batch: 3, time: 5)
    LayerGradientCheck.check("LSTM masked", layer: layer, input: input) { layer.forward($0, mask: mask, training: false) }
}

@Test func gruGradientMasked() {
    let layer = built(GRU(4))
    let mask = LayerGradientCheck.mixedMask(batch: 3, time: 5)
    LayerGradientCheck.check("GRU masked", layer: layer, input: input) { layer.forward($0, mask: mask, training: false) }
}

@Test func simpleRNNGradientMasked() {
    let layer = built(SimpleRNN(4))
    let mask = LayerGradientCheck.mixedMask(batch: 3, time: 5)
    LayerGradientCheck.check("SimpleRNN masked", layer: layer, input: input) { layer.forward($0, mask: mask, training: false) }
}

@Test func lstmGradientGoBackwards() {
    let layer = built(LSTM(4, returnSequences: true, goBackwards: true))
    let mask = LayerGradientCheck.mixedMask(batch: 3, time: 5)
    LayerGradientCheck.check("LSTM backwards", layer: layer, input: input) { layer.forward($0, mask: mask, training: false) }
}

@Test func gruGradientGoBackwards() {
    let layer = built(GRU(4, goBackwards: true))
    LayerGradientCheck.check("GRU backwards", layer: layer, input: input) { layer.forward($0, training: false) }
}

@Test func lstmGradientDropoutInference() {
    let layer = built(LSTM(4, returnSequences: true, dropout: 0.5, recurrentDropout: 0.5))
    LayerGradientCheck.check("LSTM dropout inference", layer: layer, input: input) { layer.forward($0, training: false) }
}

// Reseeding before each pass fixes the dropout masks, so training mode is checked too.
@Test func lstmGradientDropoutTraining() {
    let layer = built(LSTM(4, returnSequences: true, dropout: 0.3, recurrentDropout: 0.4))
    LayerGradientCheck.check("LSTM dropout training", layer: layer, input: input) { x in
        setSeed(99)
        return layer.forward(x, training: true)
    }
}

@Test func gruGradientDropoutTraining() {
    let layer = built(GRU(4, dropout: 0.3, recurrentDropout: 0.4))
    let mask = LayerGradientCheck.mixedMask(batch: 3, time: 5)
    LayerGradientCheck.check("GRU dropout training", layer: layer, input: input) { x in
        setSeed(98)
        return layer.forward(x, mask: mask, training: true)
    }
}

@Test func lstmGradientStatesAndInitialStates() throws {
    let layer = built(LSTM(4, returnSequences: true))
    let initialHidden = GradientCheck.random([3, 4], seed: 31)
    let initialCell = GradientCheck.random([3, 4], seed: 32)
    // The input of the check is the initial cell state; the output joins sequence and both states.
    LayerGradientCheck.check("LSTM states", layer: layer, input: initialCell) { cell in
        let (output, states) = try! layer.outputAndStates(input, initialStates: [initialHidden, cell])
        return Tensor(concatenating: [output.reshaped(to: [3, -1])] + states, alongAxis: 1)
    }
}

@Test func gruGradientInitialState() throws {
    let layer = built(GRU(4))
    let mask = LayerGradientCheck.mixedMask(batch: 3, time: 5)
    LayerGradientCheck.check("GRU initial state", layer: layer, input: GradientCheck.random([3, 4], seed: 33)) { hidden in
        let (output, states) = try! layer.outputAndStates(input, mask: mask, initialStates: [hidden])
        return output * 2 + states[0]
    }
}

@Test(arguments: [Bidirectional.MergeMode.concat, .sum, .mul, .ave])
func bidirectionalGradient(mode: Bidirectional.MergeMode) {
    let layer = built(Bidirectional(LSTM(3, returnSequences: true), mergeMode: mode))
    let mask = LayerGradientCheck.mixedMask(batch: 3, time: 5)
    LayerGradientCheck.check("Bidirectional \(mode)", layer: layer, input: input) { layer.forward($0, mask: mask, training: false) }
}

@Test func bidirectionalGradientLastOutput() {
    let layer = built(Bidirectional(GRU(3)))
    LayerGradientCheck.check("Bidirectional GRU", layer: layer, input: input) { layer.forward($0, training: false) }
}

// From 32 samples on, the time loops run in blocks of samples on separate threads.
@Test func lstmGradientSampleBlocks() {
    let layer = LSTM(2, returnSequences: true, recurrentDropout: 0.3)
    setSeed(3)
    try! layer.prepare(forInputShape: [3, 2])
    let blockInput = GradientCheck.random([40, 3, 2], seed: 22)
    let mask = LayerGradientCheck.mixedMask(batch: 40, time: 3)
    LayerGradientCheck.check("LSTM blocks", layer: layer, input: blockInput) { x in
        setSeed(97)
        return layer.forward(x, mask: mask, training: true)
    }
}

@Test func gruGradientSampleBlocks() {
    let layer = GRU(2)
    setSeed(3)
    try! layer.prepare(forInputShape: [3, 2])
    let blockInput = GradientCheck.random([40, 3, 2], seed: 23)
    LayerGradientCheck.check("GRU blocks", layer: layer, input: blockInput) { layer.forward($0, training: false) }
}
