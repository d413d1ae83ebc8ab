/// Returns `activation(x + bias)` for `x` of shape `[..., units]` and `bias` of shape `[units]`.
///
/// For linear and ReLU activations this is one fused pass forward and one backward (the ReLU mask
/// and the bias gradient's column sums together), which saves two full-size temporaries per layer
/// compared with composing `+` and `relu`. Other activations are composed from the generic ops.
func addingBias(_ x: Tensor, _ bias: Tensor, activation: Activation) -> Tensor {
    guard activation == .relu || activation == .linear else {
        return activation(x + bias)
    }
    let units = bias.scalarCount
    precondition(
        x.shape.last == units,
        "addingBias: input of shape \(x.shape) does not end in the bias size \(units)")
    let rows = x.scalarCount / Swift.max(units, 1)
    let isRelu = activation == .relu
    let output = Tensor(uninitializedShape: x.shape)
    let input = x.storage.pointer
    let offsets = bias.storage.pointer
    let out = output.storage.pointer
    Parallel.forEachChunk(rows, workPerItem: units) { range in
        VectorKernels.addBias(input, bias: offsets, into: out, rows: range, units: units, relu: isRelu)
    }
    guard AutodiffContext.shouldRecord(x, bias) else { return output }
    let saved = output.detached()
    let (needsInput, needsBias) = (x.isTracked, bias.isTracked)
    return output.recorded(isRelu ? "addingBias relu" : "addingBias", inputs: [x, bias]) { upstream in
        let g = upstream.storage.pointer
        let y = saved.storage.pointer
        guard isRelu else {
            var biasGradient: Tensor?
            if needsBias {
                let sums = Tensor(zeros: [units])
                VectorKernels.addColumnSums(g, rows: rows, units: units, into: sums.storage.pointer)
                biasGradient = sums
            }
            return [needsInput ? upstream : nil, biasGradient]
        }

        // One pass per thread masks the gradient and sums its columns into a per-thread row of
        // partial bias gradients, which are added at the end.
        let masked = Tensor(uninitializedShape: saved.shape)
        let m = masked.storage.pointer
        let threads = BLAS.threadCount
        let partialSums = Tensor(zeros: [threads, units])
        let partials = partialSums.storage.pointer
        Parallel.forEachIndexedChunk(rows, workPerItem: units) { chunk, range in
            VectorKernels.reluMaskAddingColumnSums(
                gradient: g, output: y, into: m, rows: range, units: units, sums: partials + chunk * units)
        }
        let biasGradient = Tensor(zeros: [units])
        VectorKernels.addColumnSums(partials, rows: threads, units: units, into: biasGradient.storage.pointer)
        return [needsInput ? masked : nil, needsBias ? biasGradient : nil]
    }
}
