// Backpropagation through time for the fused recurrent kernel.

extension RecurrentTrace {
    /// Returns the gradients of the inputs of ``recurrentSequence`` in order (input, kernel,
    /// recurrent kernel, bias, then each initial state), `nil` where `needed` is false.
    func gradients(upstream: Tensor, options: RecurrentOutputOptions, needed: [Bool]) -> [Tensor?] {
        let g = geometry
        let (batch, time, units, width) = (g.batch, g.time, g.units, g.width)
        let outputSteps = options.returnSequences ? time : 1
        let rowStride = outputSteps + (options.returnStates ? cell.stateCount : 0)
        let up = upstream.storage.pointer

        // Running gradients with respect to h and c after the current step.
        let hiddenGradient = Tensor(zeros: [batch, units])
        let cellGradient = Tensor(zeros: [batch, units])
        let dh = hiddenGradient.storage.pointer
        let dc = cellGradient.storage.pointer
        for sample in 0..<batch {
            let row = up + sample * rowStride * units
            if !options.returnSequences {
                for unit in 0..<units { dh[sample * units + unit] += row[unit] }
            }
            if options.returnStates {
                for unit in 0..<units { dh[sample * units + unit] += row[outputSteps * units + unit] }
                if cell == .lstm {
                    for unit in 0..<units { dc[sample * units + unit] += row[(outputSteps + 1) * units + unit] }
                }
            }
        }

        // Gradients of the gate pre-activations: the input side and, for the GRU, the recurrent side.
        let inputSide = Tensor(uninitializedShape: [time, batch, width])
        let recurrentSide = cell == .gru ? Tensor(uninitializedShape: [time, batch, width]) : inputSide
        let carry = Tensor(uninitializedShape: [batch, units])
        let product = Tensor(uninitializedShape: [batch, units])

        RecurrentTrace.forEachBlock(of: batch) { samples in
            let first = samples.lowerBound
            let blockSize = samples.count * units
            for step in stride(from: time - 1, through: 0, by: -1) {
                if options.returnSequences {
                    for sample in samples where !options.zeroOutputForMask || isData(step: step, sample: sample) {
                        let source = up + (sample * rowStride + step) * units
                        let target = dh + sample * units
                        for unit in 0..<units { target[unit] += source[unit] }
                    }
                }
                let rowOffset = step * batch * width
                switch cell {
                case .lstm:
                    lstmStepGradient(step, samples: samples, dh: dh, dc: dc,
                                     gateGradient: inputSide.storage.pointer + rowOffset, carry: carry.storage.pointer)
                case .gru:
                    gruStepGradient(step, samples: samples, dh: dh, inputSide: inputSide.storage.pointer + rowOffset,
                                    recurrentSide: recurrentSide.storage.pointer + rowOffset, carry: carry.storage.pointer)
                case .simple(let activation):
                    simpleStepGradient(step, samples: samples, activation: activation, dh: dh,
                                       gateGradient: inputSide.storage.pointer + rowOffset, carry: carry.storage.pointer)
                }

                // dh₋₁ = carry + (dz_recurrent · Uᵀ) ⊙ dropout mask.
                let gateRows = recurrentSide.storage.pointer + rowOffset + first * width
                let (hiddenRows, carried) = (dh + first * units, carry.storage.pointer + first * units)
                if let recurrentDropoutMask {
                    let sum = product.storage.pointer + first * units
                    RecurrentProducts.multiply(
                        m: samples.count, n: units, k: width, a: gateRows, lda: width,
                        b: transposedRecurrentKernel.storage.pointer, ldb: units, beta: 0, c: sum, ldc: units)
                    let factors = recurrentDropoutMask.storage.pointer + first * units
                    for index in 0..<blockSize { hiddenRows[index] = carried[index] + sum[index] * factors[index] }
                } else {
                    hiddenRows.update(from: carried, count: blockSize)
                    RecurrentProducts.multiply(
                        m: samples.count, n: units, k: width, a: gateRows, lda: width,
                        b: transposedRecurrentKernel.storage.pointer, ldb: units, beta: 1, c: hiddenRows, ldc: units)
                }
            }
        }

        let rows = time * batch
        var inputGradient: Tensor?
        if needed[0] {
            let timeMajorGradient = Tensor(uninitializedShape: [time, batch, g.inputSize])
            BLAS.gemm(
                transposeA: false, transposeB: true, m: rows, n: g.inputSize, k: width,
                a: inputSide.storage.pointer, lda: width, b: kernel.storage.pointer, ldb: width,
                c: timeMajorGradient.storage.pointer, ldc: g.inputSize)
            inputGradient = RecurrentTrace.batchMajor(timeMajorGradient, reversed: goBackwards)
        }
        var kernelGradient: Tensor?
        if needed[1] {
            let gradient = Tensor(uninitializedShape: [g.inputSize, width])
            BLAS.gemm(
                transposeA: true, transposeB: false, m: g.inputSize, n: width, k: rows,
                a: input.storage.pointer, lda: g.inputSize, b: inputSide.storage.pointer, ldb: width,
                c: gradient.storage.pointer, ldc: width)
            kernelGradient = gradient
        }
        var recurrentKernelGradient: Tensor?
        if needed[2] {
            let gradient = Tensor(uninitializedShape: [units, width])
            BLAS.gemm(
                transposeA: true, transposeB: false, m: units, n: width, k: rows,
                a: recurrentOperand(step: 0), lda: units, b: recurrentSide.storage.pointer, ldb: width,
                c: gradient.storage.pointer, ldc: width)
            recurrentKernelGradient = gradient
        }
        var biasGradient: Tensor?
        if needed[3] {
            let gradient = Tensor(zeros: bias.shape)
            RecurrentTrace.addColumnSums(of: inputSide.storage.pointer, rows: rows, columns: width, into: gradient.storage.pointer)
            if cell == .gru {
                RecurrentTrace.addColumnSums(
                    of: recurrentSide.storage.pointer, rows: rows, columns: width, into: gradient.storage.pointer + width)
            }
            biasGradient = gradient
        }

        var result: [Tensor?] = [inputGradient, kernelGradient, recurrentKernelGradient, biasGradient]
        if needed.count > 4 {
            result.append(needed[4] ? hiddenGradient : nil)
        }
        if needed.count > 5 {
            result.append(needed[5] ? cellGradient : nil)
        }
        return result
    }

    static func addColumnSums(of matrix: UnsafePointer<Float>, rows: Int, columns: Int, into sums: UnsafeMutablePointer<Float>) {
        for row in 0..<rows {
            let source = matrix + row * columns
            for column in 0..<columns { sums[column] += source[column] }
        }
    }

    /// One LSTM step backwards. On entry `dh`, `dc` hold the gradients for h and c after the step;
    /// on return `dc` holds the gradient for c₋₁ and `carry` the part of dh₋₁ not through U.
    private func lstmStepGradient(
        _ step: Int, samples: Range<Int>, dh: UnsafeMutablePointer<Float>, dc: UnsafeMutablePointer<Float>,
        gateGradient: UnsafeMutablePointer<Float>, carry: UnsafeMutablePointer<Float>
    ) {
        let (units, batch, width) = (geometry.units, geometry.batch, geometry.width)
        let cells = cellStates!.storage.pointer
        for sample in samples {
            let gradient = gateGradient + sample * width
            let hiddenIn = dh + sample * units
            let carried = carry + sample * units
            guard isData(step: step, sample: sample) else {
                gradient.update(repeating: 0, count: width)
                carried.update(from: hiddenIn, count: units)
                continue
            }
            let z = gates.storage.pointer + (step * batch + sample) * width
            let previousCell = cells + (step * batch + sample) * units
            let cellIn = dc + sample * units
            let tanhCell = cellActivations!.storage.pointer + (step * batch + sample) * units
            // Eight units at a time: the pointers may alias as far as the compiler knows, so it
            // would not vectorize this loop by itself.
            var unit = 0
            while unit + 8 <= units {
                let i = VectorMath.load(z + unit)
                let f = VectorMath.load(z + units + unit)
                let candidate = VectorMath.load(z + 2 * units + unit)
                let o = VectorMath.load(z + 3 * units + unit)
                let t = VectorMath.load(tanhCell + unit)
                let hiddenGradient = VectorMath.load(hiddenIn + unit)
                let total = VectorMath.load(cellIn + unit) + hiddenGradient * o * (1 - t * t)
                VectorMath.store(total * candidate * i * (1 - i), gradient + unit)
                VectorMath.store(total * VectorMath.load(previousCell + unit) * f * (1 - f), gradient + units + unit)
                VectorMath.store(total * i * (1 - candidate * candidate), gradient + 2 * units + unit)
                VectorMath.store(hiddenGradient * t * o * (1 - o), gradient + 3 * units + unit)
                VectorMath.store(total * f, cellIn + unit)
                VectorMath.store(VectorMath.Vector(), carried + unit)
                unit += 8
            }
            while unit < units {
                let (i, f, candidate, o) = (z[unit], z[units + unit], z[2 * units + unit], z[3 * units + unit])
                let t = tanhCell[unit]
                let total = cellIn[unit] + hiddenIn[unit] * o * (1 - t * t)
                gradient[unit] = total * candidate * i * (1 - i)
                gradient[units + unit] = total * previousCell[unit] * f * (1 - f)
                gradient[2 * units + unit] = total * i * (1 - candidate * candidate)
                gradient[3 * units + unit] = hiddenIn[unit] * t * o * (1 - o)
                cellIn[unit] = total * f
                carried[unit] = 0
                unit += 1
            }
        }
    }

    /// One GRU step backwards; `carry` receives dh·z, the part of dh₋₁ that bypasses U.
    private func gruStepGradient(
        _ step: Int, samples: Range<Int>, dh: UnsafeMutablePointer<Float>, inputSide: UnsafeMutablePointer<Float>,
        recurrentSide: UnsafeMutablePointer<Float>, carry: UnsafeMutablePointer<Float>
    ) {
        let (units, batch, width) = (geometry.units, geometry.batch, geometry.width)
        for sample in samples {
            let forInput = inputSide + sample * width
            let forRecurrent = recurrentSide + sample * width
            let hiddenIn = dh + sample * units
            let carried = carry + sample * units
            guard isData(step: step, sample: sample) else {
                forInput.update(repeating: 0, count: width)
                forRecurrent.update(repeating: 0, count: width)
                carried.update(from: hiddenIn, count: units)
                continue
            }
            let z = gates.storage.pointer + (step * batch + sample) * width
            let previous = hidden.storage.pointer + (step * batch + sample) * units
            let candidateTerm = recurrentCandidate!.storage.pointer + (step * batch + sample) * units
            for unit in 0..<units {
                let (update, reset, candidate) = (z[unit], z[units + unit], z[2 * units + unit])
                let gradient = hiddenIn[unit]
                let updateGradient = gradient * (previous[unit] - candidate) * update * (1 - update)
                let candidateGradient = gradient * (1 - update) * (1 - candidate * candidate)
                let resetGradient = candidateGradient * candidateTerm[unit] * reset * (1 - reset)
                forInput[unit] = updateGradient
                forInput[units + unit] = resetGradient
                forInput[2 * units + unit] = candidateGradient
                forRecurrent[unit] = updateGradient
                forRecurrent[units + unit] = resetGradient
                forRecurrent[2 * units + unit] = candidateGradient * reset
                carried[unit] = gradient * update
            }
        }
    }

    /// One simple-cell step backwards.
    private func simpleStepGradient(
        _ step: Int, samples: Range<Int>, activation: Activation, dh: UnsafeMutablePointer<Float>,
        gateGradient: UnsafeMutablePointer<Float>, carry: UnsafeMutablePointer<Float>
    ) {
        let (units, batch) = (geometry.units, geometry.batch)
        for sample in samples {
            let gradient = gateGradient + sample * units
            let hiddenIn = dh + sample * units
            let carried = carry + sample * units
            guard isData(step: step, sample: sample) else {
                gradient.update(repeating: 0, count: units)
                carried.update(from: hiddenIn, count: units)
                continue
            }
            let output = gates.storage.pointer + (step * batch + sample) * units
            for unit in 0..<units {
                gradient[unit] = hiddenIn[unit] * activationDerivative(activation, output: output[unit])
                carried[unit] = 0
            }
        }
    }
}
