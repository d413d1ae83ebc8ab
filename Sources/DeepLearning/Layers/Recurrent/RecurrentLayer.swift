/// The shared machinery of ``SimpleRNN``, ``LSTM`` and ``GRU``: Keras's `RNN` layer with its cell.
///
/// Input is `[batch, time, features]`. The output is the last output `[batch, units]`, or every
/// output `[batch, time, units]` with `returnSequences`, which is what a following recurrent layer
/// reads when layers are stacked. A mask from ``Embedding`` (`maskZero: true`) makes padded steps
/// keep the previous state. Create one of the subclasses; this class has no public initializer.
public class RecurrentLayer: MaskingLayer {
    public var name: String
    public var builtInputShape: [Int]?

    /// The size of the state and of the output at each step.
    public let units: Int
    /// Whether the output contains every timestep rather than the last.
    public let returnSequences: Bool
    /// Whether the sequence is processed from its last step to its first. The output sequence is
    /// then in processing order (reversed), as in Keras.
    public let goBackwards: Bool
    /// The fraction of input features dropped during training (one mask per sequence, shared by all
    /// timesteps).
    public let dropout: Float
    /// The fraction of the previous state's units dropped from the recurrent product during
    /// training (one mask per sequence).
    public let recurrentDropout: Float
    public let kernelInitializer: Initializer
    public let recurrentInitializer: Initializer
    public let biasInitializer: Initializer

    /// `[features, gates × units]`, gate blocks side by side.
    public private(set) var kernel: Parameter?
    /// `[units, gates × units]`.
    public private(set) var recurrentKernel: Parameter?
    /// `[gates × units]`; the GRU's is `[2, 3 × units]` (input-side row, recurrent-side row).
    public private(set) var bias: Parameter?

    let cell: RecurrentCell

    /// Whether padded timesteps output zeros rather than the previous output; ``Bidirectional``
    /// sets it, as Keras does.
    var zeroOutputForMask = false

    init(
        cell: RecurrentCell, units: Int, returnSequences: Bool, goBackwards: Bool, dropout: Float,
        recurrentDropout: Float, kernelInitializer: Initializer, recurrentInitializer: Initializer,
        biasInitializer: Initializer, name: String
    ) {
        let typeName = String(describing: type(of: self))
        precondition(units > 0, "\(typeName): units must be positive, got \(units)")
        precondition(dropout >= 0 && dropout < 1, "\(typeName): dropout must be in [0, 1), got \(dropout)")
        precondition(
            recurrentDropout >= 0 && recurrentDropout < 1,
            "\(typeName): recurrentDropout must be in [0, 1), got \(recurrentDropout)")
        self.cell = cell
        self.units = units
        self.returnSequences = returnSequences
        self.goBackwards = goBackwards
        self.dropout = dropout
        self.recurrentDropout = recurrentDropout
        self.kernelInitializer = kernelInitializer
        self.recurrentInitializer = recurrentInitializer
        self.biasInitializer = biasInitializer
        self.name = name
    }

    public var parameters: [Parameter] { [kernel, recurrentKernel, bias].compactMap { $0 } }

    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        guard inputShape.count == 2, inputShape[0] >= 1 else {
            throw ShapeError.invalidInput(
                layer: name, expected: "sequences of shape (None, time, features) with at least one timestep", actual: inputShape)
        }
        if let kernel, kernel.shape[0] != inputShape[1] {
            throw ShapeError.invalidInput(layer: name, expected: "\(kernel.shape[0]) features per timestep", actual: inputShape)
        }
        return returnSequences ? [inputShape[0], units] : [units]
    }

    public func build(inputShape: [Int]) throws {
        let width = cell.gateCount * units
        kernel = Parameter(name: "kernel", value: kernelInitializer.makeTensor(shape: [inputShape[1], width]))
        recurrentKernel = Parameter(name: "recurrent_kernel", value: recurrentInitializer.makeTensor(shape: [units, width]))
        bias = Parameter(name: "bias", value: initialBias())
    }

    /// The bias at build time; the LSTM overrides it to set the forget gate's bias to 1.
    func initialBias() -> Tensor {
        biasInitializer.makeTensor(shape: cell.biasShape(units: units))
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        forward(input, mask: nil, training: training)
    }

    public func forward(_ input: Tensor, mask: Tensor?, training: Bool) -> Tensor {
        run(input, mask: mask, initialStates: [], training: training, returnStates: false)
    }

    /// Passes the mask on when the output has a time axis, as Keras does.
    public func outputMask(for input: Tensor, mask: Tensor?) -> Tensor? {
        returnSequences ? mask : nil
    }

    /// Runs the layer and also returns its final states (Keras's `return_state=True`): `[h]`, or
    /// `[h, c]` for the LSTM, each `[batch, units]`.
    ///
    /// - Parameters:
    ///   - mask: `[batch, time]`, 1 for data and 0 for padding, or `nil`.
    ///   - initialStates: empty for zeros, or one `[batch, units]` tensor per state, for example the
    ///     states returned by an earlier call to continue a sequence.
    public func outputAndStates(
        _ input: Tensor, mask: Tensor? = nil, initialStates: [Tensor] = [], training: Bool = false
    ) throws -> (output: Tensor, states: [Tensor]) {
        try prepare(forInputShape: Array(input.shape.dropFirst()))
        let expectedStates = "none, or \(cell.stateCount) tensors of shape [\(input.shape[0]), \(units)] (batch, units)"
        guard initialStates.isEmpty || initialStates.count == cell.stateCount else {
            throw TrainingError.invalidArgument(
                name: "initialStates", value: "\(initialStates.count) tensors", expected: expectedStates)
        }
        for state in initialStates where state.shape != [input.shape[0], units] {
            throw TrainingError.invalidArgument(
                name: "initialStates", value: "a tensor of shape \(state.shape)", expected: expectedStates)
        }
        let packed = run(input, mask: mask, initialStates: initialStates, training: training, returnStates: true)
        let outputSteps = returnSequences ? input.shape[1] : 1
        let output = returnSequences
            ? packed.slice(0..<outputSteps, alongAxis: 1)
            : packed.select(0, alongAxis: 1)
        let states = (0..<cell.stateCount).map { packed.select(outputSteps + $0, alongAxis: 1) }
        return (output, states)
    }

    private func run(_ input: Tensor, mask: Tensor?, initialStates: [Tensor], training: Bool, returnStates: Bool) -> Tensor {
        checkMask(mask, for: input, layer: name)
        let batch = input.shape[0]
        var sequences = input
        if training && dropout > 0 {
            let keep = RecurrentLayer.dropoutMask(shape: [batch, 1, input.shape[2]], rate: dropout)
            sequences = sequences * keep
        }
        let recurrentMask = training && recurrentDropout > 0
            ? RecurrentLayer.dropoutMask(shape: [batch, units], rate: recurrentDropout) : nil
        return recurrentSequence(
            cell: cell, input: sequences, kernel: kernel!.value, recurrentKernel: recurrentKernel!.value,
            bias: bias!.value, initialStates: initialStates, mask: mask, recurrentDropoutMask: recurrentMask,
            options: RecurrentOutputOptions(
                goBackwards: goBackwards, returnSequences: returnSequences, returnStates: returnStates,
                zeroOutputForMask: zeroOutputForMask))
    }

    /// Inverted dropout factors: 0 with probability `rate`, otherwise 1 / (1 − rate).
    static func dropoutMask(shape: [Int], rate: Float) -> Tensor {
        let scale = 1 / (1 - rate)
        var generator = RandomState.generator
        defer { RandomState.generator = generator }
        let result = Tensor(uninitializedShape: shape)
        for index in 0..<result.scalarCount {
            result.storage.pointer[index] = generator.nextUniform() < rate ? 0 : scale
        }
        return result
    }

    /// Returns an unbuilt layer with the same configuration processing in the other direction, for
    /// ``Bidirectional``.
    func reversedCopy(name: String) -> RecurrentLayer {
        preconditionFailure("\(typeName) does not implement reversedCopy(name:)")
    }
}
