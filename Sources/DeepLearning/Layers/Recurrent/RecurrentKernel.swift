import Foundation

/// The outputs a fused recurrent pass returns besides the states it always tracks.
struct RecurrentOutputOptions: Equatable {
    /// Process the timesteps from last to first; the output sequence is then in processing order,
    /// as in Keras.
    var goBackwards = false
    /// Return the output at every timestep (`[batch, time, units]`) rather than the last (`[batch, units]`).
    var returnSequences = false
    /// Append the final states after the output along a time-like axis (see ``recurrentSequence``).
    var returnStates = false
    /// Output zeros at padded timesteps instead of repeating the previous output, as Keras's
    /// `Bidirectional` asks of its layers. The states are carried over either way.
    var zeroOutputForMask = false
}

/// Runs a recurrent layer over a whole batch of sequences as one recorded operation.
///
/// - Parameters:
///   - input: `[batch, time, inputSize]`.
///   - kernel: `[inputSize, gates × units]`.
///   - recurrentKernel: `[units, gates × units]`.
///   - bias: `cell.biasShape(units:)`.
///   - initialStates: empty for zeros, or one `[batch, units]` tensor per state (h, then c).
///   - mask: `[batch, time]`, 1 where the timestep is data and 0 where it is padding. A masked
///     timestep leaves the states unchanged and outputs the previous output, or zeros with
///     `options.zeroOutputForMask`.
///   - recurrentDropoutMask: `[batch, units]`, multiplied into h₋₁ before the recurrent product.
/// - Returns: the output (`[batch, time, units]` or `[batch, units]`); with `returnStates`, a tensor
///   `[batch, outputSteps + stateCount, units]` holding the output steps followed by the final states.
///
/// The input projection of all timesteps is one matrix product `[time·batch, inputSize] ×
/// [inputSize, gates·units]`. Each timestep then adds one product `[block, units] × [units,
/// gates·units]` per block of samples (see ``RecurrentTrace/forEachBlock(of:_:)``). The pullback
/// runs backpropagation through time by hand with one product per step and block, then three for
/// the input, kernel and recurrent-kernel gradients, so the graph contains one node however long
/// the sequences are.
func recurrentSequence(
    cell: RecurrentCell, input: Tensor, kernel: Tensor, recurrentKernel: Tensor, bias: Tensor,
    initialStates: [Tensor] = [], mask: Tensor? = nil, recurrentDropoutMask: Tensor? = nil,
    options: RecurrentOutputOptions = RecurrentOutputOptions()
) -> Tensor {
    let trace = RecurrentTrace(
        cell: cell, input: input, kernel: kernel, recurrentKernel: recurrentKernel, bias: bias,
        initialStates: initialStates, mask: mask, recurrentDropoutMask: recurrentDropoutMask,
        goBackwards: options.goBackwards)
    trace.runForward()
    let output = trace.packedOutput(options: options)

    var inputs = [input, kernel, recurrentKernel, bias]
    inputs += initialStates
    guard AutodiffContext.shouldRecord(inputs) else { return output }
    let needed = inputs.map(\.isTracked)
    return Tensor.recordOperation(named: "recurrentSequence", output: output, inputs: inputs) { upstream in
        trace.gradients(upstream: upstream, options: options, needed: needed)
    }
}

/// The dimensions of one fused recurrent pass.
struct RecurrentGeometry {
    let batch: Int
    let time: Int
    let inputSize: Int
    let units: Int
    let gates: Int

    /// Columns of the gate matrices: gates × units.
    var width: Int { gates * units }
}

/// The buffers a forward pass keeps for its pullback, all time-major in processing order: step `s`
/// of sample `b` is row `s × batch + b`.
final class RecurrentTrace {
    let cell: RecurrentCell
    let geometry: RecurrentGeometry
    let goBackwards: Bool
    let kernel: Tensor
    let recurrentKernel: Tensor
    let bias: Tensor

    /// `[time, batch, inputSize]`.
    let input: Tensor
    /// `[time, batch, width]`: x·W + b, then the activated gates (LSTM: i, f, c̃, o; GRU: z, r, h̃;
    /// simple: the output).
    let gates: Tensor
    /// `[time + 1, batch, units]`: the initial state, then h after each step.
    let hidden: Tensor
    /// `[time + 1, batch, units]` for the LSTM: the initial cell state, then c after each step.
    let cellStates: Tensor?
    /// `[time, batch, units]` for the LSTM: tanh(c) after each step, reused by the pullback.
    let cellActivations: Tensor?
    /// `[time, batch, units]` for the GRU: the candidate's recurrent term U_h·h₋₁ + b_h before reset.
    let recurrentCandidate: Tensor?
    /// `[time, batch, units]` when recurrent dropout is on: h₋₁ times the dropout mask.
    let droppedHidden: Tensor?
    /// `[width, units]`: the recurrent kernel transposed once, so each backward step's product
    /// reads it without transposing again.
    let transposedRecurrentKernel: Tensor
    /// `[time, batch]`: 1 for data, 0 for padding.
    let mask: Tensor?
    let recurrentDropoutMask: Tensor?

    init(
        cell: RecurrentCell, input batchMajor: Tensor, kernel: Tensor, recurrentKernel: Tensor, bias: Tensor,
        initialStates: [Tensor], mask: Tensor?, recurrentDropoutMask: Tensor?, goBackwards: Bool
    ) {
        precondition(batchMajor.rank == 3, "recurrentSequence: input must be [batch, time, features], got shape \(batchMajor.shape)")
        let (batch, time, inputSize) = (batchMajor.shape[0], batchMajor.shape[1], batchMajor.shape[2])
        let units = recurrentKernel.shape[0]
        let geometry = RecurrentGeometry(batch: batch, time: time, inputSize: inputSize, units: units, gates: cell.gateCount)
        precondition(
            kernel.shape == [inputSize, geometry.width],
            "recurrentSequence: kernel has shape \(kernel.shape), expected \([inputSize, geometry.width]) for input \(batchMajor.shape)")
        precondition(
            recurrentKernel.shape == [units, geometry.width],
            "recurrentSequence: recurrent kernel has shape \(recurrentKernel.shape), expected \([units, geometry.width])")
        precondition(
            bias.shape == cell.biasShape(units: units),
            "recurrentSequence: bias has shape \(bias.shape), expected \(cell.biasShape(units: units))")
        precondition(
            initialStates.isEmpty || initialStates.count == cell.stateCount,
            "recurrentSequence: \(initialStates.count) initial states given, the cell has \(cell.stateCount)")
        for state in initialStates {
            precondition(state.shape == [batch, units], "recurrentSequence: initial state has shape \(state.shape), expected \([batch, units])")
        }
        if let mask {
            precondition(mask.shape == [batch, time], "recurrentSequence: mask has shape \(mask.shape), expected \([batch, time])")
        }
        if let recurrentDropoutMask {
            precondition(
                recurrentDropoutMask.shape == [batch, units],
                "recurrentSequence: recurrent dropout mask has shape \(recurrentDropoutMask.shape), expected \([batch, units])")
        }

        self.cell = cell
        self.geometry = geometry
        self.goBackwards = goBackwards
        self.kernel = kernel.detached()
        self.recurrentKernel = recurrentKernel.detached()
        self.bias = bias.detached()
        self.recurrentDropoutMask = recurrentDropoutMask?.detached()
        input = RecurrentTrace.timeMajor(batchMajor, reversed: goBackwards)
        self.mask = mask.map { RecurrentTrace.timeMajor($0.reshapedWithoutRecording(to: [batch, time, 1]), reversed: goBackwards) }
        gates = Tensor(uninitializedShape: [time, batch, geometry.width])
        hidden = Tensor(uninitializedShape: [time + 1, batch, units])
        cellStates = cell == .lstm ? Tensor(uninitializedShape: [time + 1, batch, units]) : nil
        cellActivations = cell == .lstm ? Tensor(uninitializedShape: [time, batch, units]) : nil
        transposedRecurrentKernel = recurrentKernel.detached().transposed()
        recurrentCandidate = cell == .gru ? Tensor(uninitializedShape: [time, batch, units]) : nil
        droppedHidden = recurrentDropoutMask == nil ? nil : Tensor(uninitializedShape: [time, batch, units])

        let stateSize = batch * units
        let states = [hidden, cellStates].compactMap { $0 }
        for (index, state) in states.enumerated() {
            if initialStates.isEmpty {
                state.storage.pointer.update(repeating: 0, count: stateSize)
            } else {
                state.storage.pointer.update(from: initialStates[index].storage.pointer, count: stateSize)
            }
        }
    }

    /// Copies `[batch, time, features]` into `[time, batch, features]`, optionally reversing time.
    static func timeMajor(_ tensor: Tensor, reversed: Bool) -> Tensor {
        let (batch, time, features) = (tensor.shape[0], tensor.shape[1], tensor.shape[2])
        let result = Tensor(uninitializedShape: [time, batch, features])
        for sample in 0..<batch {
            for step in 0..<time {
                let target = reversed ? time - 1 - step : step
                (result.storage.pointer + (target * batch + sample) * features).update(
                    from: tensor.storage.pointer + (sample * time + step) * features, count: features)
            }
        }
        return result
    }

    /// Copies `[time, batch, features]` back into `[batch, time, features]`, optionally reversing time.
    static func batchMajor(_ tensor: Tensor, reversed: Bool) -> Tensor {
        let (time, batch, features) = (tensor.shape[0], tensor.shape[1], tensor.shape[2])
        let result = Tensor(uninitializedShape: [batch, time, features])
        for step in 0..<time {
            let target = reversed ? time - 1 - step : step
            for sample in 0..<batch {
                (result.storage.pointer + (sample * time + target) * features).update(
                    from: tensor.storage.pointer + (step * batch + sample) * features, count: features)
            }
        }
        return result
    }

    /// Whether sample `b` at processing step `s` is data rather than padding.
    @inline(__always)
    func isData(step: Int, sample: Int) -> Bool {
        guard let mask else { return true }
        return mask.storage.pointer[step * geometry.batch + sample] != 0
    }

    /// The matrix multiplied by the recurrent kernel at step `s`: h₋₁, or h₋₁ times the dropout mask.
    func recurrentOperand(step: Int) -> UnsafeMutablePointer<Float> {
        let stateSize = geometry.batch * geometry.units
        return (droppedHidden ?? hidden).storage.pointer + step * stateSize
    }

    func runForward() {
        let g = geometry
        let width = g.width
        let gatePointer = gates.storage.pointer

        // x·W + b for every timestep at once.
        BLAS.gemm(
            transposeA: false, transposeB: false, m: g.time * g.batch, n: width, k: g.inputSize,
            a: input.storage.pointer, lda: g.inputSize, b: kernel.storage.pointer, ldb: width,
            c: gatePointer, ldc: width)
        let biasPointer = bias.storage.pointer
        for row in 0..<(g.time * g.batch) {
            let target = gatePointer + row * width
            for column in 0..<width { target[column] += biasPointer[column] }
        }

        RecurrentTrace.forEachBlock(of: g.batch) { samples in
            let scratch = Tensor(uninitializedShape: [samples.count, width])
            for step in 0..<g.time {
                prepareRecurrentOperand(step: step, samples: samples)
                switch cell {
                case .lstm: lstmStep(step, samples: samples)
                case .gru: gruStep(step, samples: samples, scratch: scratch.storage.pointer)
                case .simple(let activation): simpleStep(step, samples: samples, activation: activation)
                }
            }
        }
    }

    /// Runs `body` on contiguous blocks of samples, one block per BLAS thread, at the same time.
    ///
    /// Samples do not interact through the recurrence, so each block runs its whole time loop on
    /// its own core: one small product per step per block and no synchronization between steps.
    /// The products of a block run on the block's own thread (see ``RecurrentProducts``).
    static func forEachBlock(of batch: Int, _ body: (Range<Int>) -> Void) {
        let blockCount = Swift.max(1, Swift.min(BLAS.threadCount, batch / 16))
        guard blockCount > 1 else {
            body(0..<batch)
            return
        }
        DispatchQueue.concurrentPerform(iterations: blockCount) { block in
            body((block * batch / blockCount)..<((block + 1) * batch / blockCount))
        }
    }

    /// Writes h₋₁ times the recurrent dropout mask for step `s`, when dropout is on.
    private func prepareRecurrentOperand(step: Int, samples: Range<Int>) {
        guard let droppedHidden, let recurrentDropoutMask else { return }
        let units = geometry.units
        let offset = (step * geometry.batch + samples.lowerBound) * units
        let source = hidden.storage.pointer + offset
        let target = droppedHidden.storage.pointer + offset
        let factors = recurrentDropoutMask.storage.pointer + samples.lowerBound * units
        for index in 0..<(samples.count * units) { target[index] = source[index] * factors[index] }
    }

    /// Adds h₋₁·U for the samples into `target`, whose rows are `width` apart.
    private func addRecurrentProduct(step: Int, samples: Range<Int>, into target: UnsafeMutablePointer<Float>) {
        let g = geometry
        RecurrentProducts.multiply(
            m: samples.count, n: g.width, k: g.units,
            a: recurrentOperand(step: step) + samples.lowerBound * g.units, lda: g.units,
            b: recurrentKernel.storage.pointer, ldb: g.width, beta: 1, c: target, ldc: g.width)
    }

    /// Copies the previous states for a padding timestep.
    @inline(__always)
    private func carryStates(step: Int, sample: Int) {
        let (units, batch) = (geometry.units, geometry.batch)
        let previous = (step * batch + sample) * units
        let next = ((step + 1) * batch + sample) * units
        (hidden.storage.pointer + next).update(from: hidden.storage.pointer + previous, count: units)
        if let cellStates {
            (cellStates.storage.pointer + next).update(from: cellStates.storage.pointer + previous, count: units)
        }
    }

    // i = σ(zᵢ), f = σ(z_f), c̃ = tanh(z_c), o = σ(z_o); c = f·c₋₁ + i·c̃; h = o·tanh(c).
    private func lstmStep(_ step: Int, samples: Range<Int>) {
        let (units, batch, width) = (geometry.units, geometry.batch, geometry.width)
        let stepGates = gates.storage.pointer + step * batch * width
        addRecurrentProduct(step: step, samples: samples, into: stepGates + samples.lowerBound * width)
        let cells = cellStates!.storage.pointer
        for sample in samples {
            guard isData(step: step, sample: sample) else {
                carryStates(step: step, sample: sample)
                continue
            }
            let z = stepGates + sample * width
            VectorMath.sigmoid(z, into: z, count: 2 * units)
            VectorMath.tanh(z + 2 * units, into: z + 2 * units, count: units)
            VectorMath.sigmoid(z + 3 * units, into: z + 3 * units, count: units)
            let previousCell = cells + (step * batch + sample) * units
            let nextCell = cells + ((step + 1) * batch + sample) * units
            for unit in 0..<units {
                nextCell[unit] = z[units + unit] * previousCell[unit] + z[unit] * z[2 * units + unit]
            }
            let nextHidden = hidden.storage.pointer + ((step + 1) * batch + sample) * units
            let tanhCell = cellActivations!.storage.pointer + (step * batch + sample) * units
            VectorMath.tanh(nextCell, into: tanhCell, count: units)
            for unit in 0..<units { nextHidden[unit] = z[3 * units + unit] * tanhCell[unit] }
        }
    }

    // z = σ(x_z + r_z), r = σ(x_r + r_r), h̃ = tanh(x_h + r·(U_h·h₋₁ + b_h)), h = z·h₋₁ + (1 − z)·h̃,
    // where r_• are the blocks of U·h₋₁ + b_recurrent. `recurrent` holds one row per sample of the block.
    private func gruStep(_ step: Int, samples: Range<Int>, scratch recurrent: UnsafeMutablePointer<Float>) {
        let (units, batch, width) = (geometry.units, geometry.batch, geometry.width)
        let stepGates = gates.storage.pointer + step * batch * width
        let recurrentBias = bias.storage.pointer + width
        for row in 0..<samples.count {
            (recurrent + row * width).update(from: recurrentBias, count: width)
        }
        addRecurrentProduct(step: step, samples: samples, into: recurrent)
        let candidates = recurrentCandidate!.storage.pointer + step * batch * units
        for (row, sample) in samples.enumerated() {
            guard isData(step: step, sample: sample) else {
                carryStates(step: step, sample: sample)
                continue
            }
            let z = stepGates + sample * width
            let r = recurrent + row * width
            for column in 0..<(2 * units) { z[column] += r[column] }
            VectorMath.sigmoid(z, into: z, count: 2 * units)
            let candidate = candidates + sample * units
            candidate.update(from: r + 2 * units, count: units)
            for unit in 0..<units { z[2 * units + unit] += z[units + unit] * candidate[unit] }
            VectorMath.tanh(z + 2 * units, into: z + 2 * units, count: units)
            let previous = hidden.storage.pointer + (step * batch + sample) * units
            let next = hidden.storage.pointer + ((step + 1) * batch + sample) * units
            for unit in 0..<units {
                let update = z[unit]
                next[unit] = update * previous[unit] + (1 - update) * z[2 * units + unit]
            }
        }
    }

    // h = activation(x·W + h₋₁·U + b).
    private func simpleStep(_ step: Int, samples: Range<Int>, activation: Activation) {
        let (units, batch) = (geometry.units, geometry.batch)
        let stepGates = gates.storage.pointer + step * batch * units
        addRecurrentProduct(step: step, samples: samples, into: stepGates + samples.lowerBound * units)
        for sample in samples {
            guard isData(step: step, sample: sample) else {
                carryStates(step: step, sample: sample)
                continue
            }
            let z = stepGates + sample * units
            applyActivation(activation, to: z, count: units)
            (hidden.storage.pointer + ((step + 1) * batch + sample) * units).update(from: z, count: units)
        }
    }

    /// The forward result in the layout ``recurrentSequence`` documents.
    func packedOutput(options: RecurrentOutputOptions) -> Tensor {
        let (batch, time, units) = (geometry.batch, geometry.time, geometry.units)
        let outputSteps = options.returnSequences ? time : 1
        let stateSteps = options.returnStates ? cell.stateCount : 0
        let rowStride = outputSteps + stateSteps
        let shape = options.returnSequences || options.returnStates ? [batch, rowStride, units] : [batch, units]
        let result = Tensor(uninitializedShape: shape)
        let finalStates = [hidden, cellStates].compactMap { $0 }
        for sample in 0..<batch {
            let row = result.storage.pointer + sample * rowStride * units
            if options.returnSequences {
                for step in 0..<time {
                    if options.zeroOutputForMask && !isData(step: step, sample: sample) {
                        (row + step * units).update(repeating: 0, count: units)
                    } else {
                        (row + step * units).update(from: hidden.storage.pointer + ((step + 1) * batch + sample) * units, count: units)
                    }
                }
            } else {
                row.update(from: hidden.storage.pointer + (time * batch + sample) * units, count: units)
            }
            for index in 0..<stateSteps {
                (row + (outputSteps + index) * units).update(
                    from: finalStates[index].storage.pointer + (time * batch + sample) * units, count: units)
            }
        }
        return result
    }
}
