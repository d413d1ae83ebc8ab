/// Returns the depthwise 2-D convolution of NHWC `input` `[batch, h, w, c]` with `kernel`
/// `[kh, kw, c, depthMultiplier]`: each input channel is convolved with its own filters, and output
/// channel `c · depthMultiplier + m` comes from input channel `c` and filter `m`.
public func depthwiseConv2D(
    _ input: Tensor, kernel: Tensor, strides: (Int, Int) = (1, 1), padding: Padding = .valid
) -> Tensor {
    precondition(input.rank == 4, "depthwiseConv2D: input must be [batch, height, width, channels], got shape \(input.shape)")
    precondition(
        kernel.rank == 4 && kernel.shape[2] == input.shape[3],
        "depthwiseConv2D: kernel \(kernel.shape) does not match input \(input.shape); expected [kh, kw, \(input.shape[3]), multiplier]")
    guard let geometry = WindowGeometry(
        inputHeight: input.shape[1], inputWidth: input.shape[2], channels: input.shape[3],
        kernelSize: (kernel.shape[0], kernel.shape[1]), strides: strides, padding: padding)
    else {
        preconditionFailure("depthwiseConv2D: kernel \(kernel.shape) does not fit input \(input.shape) with \(padding) padding")
    }
    let batch = input.shape[0]
    let channels = geometry.channels
    let multiplier = kernel.shape[3]
    let outputChannels = channels * multiplier
    let output = Tensor(zeros: [batch, geometry.outputHeight, geometry.outputWidth, outputChannels])
    let x = input.storage.pointer
    let k = kernel.storage.pointer
    let y = output.storage.pointer
    let work = geometry.outputPositions * outputChannels * geometry.kernelHeight * geometry.kernelWidth

    Parallel.forEachChunk(batch, workPerItem: work) { images in
        for image in images {
            for position in 0..<geometry.outputPositions {
                let window = geometry.window(image: image, position: position)
                let out = y + (image * geometry.outputPositions + position) * outputChannels
                for row in window.rows {
                    for column in window.columns {
                        let source = x + window.offset(row, column)
                        let weights = k + ((row - window.top) * geometry.kernelWidth + (column - window.left)) * outputChannels
                        DepthwiseKernels.addProducts(
                            of: source, weights, into: out, channels: channels, multiplier: multiplier)
                    }
                }
            }
        }
    }
    guard AutodiffContext.shouldRecord(input, kernel) else { return output }
    let (savedInput, savedKernel) = (input.detached(), kernel.detached())
    let (needsInput, needsKernel) = (input.isTracked, kernel.isTracked)
    return output.recorded("depthwiseConv2D", inputs: [input, kernel]) { upstream in
        let g = upstream.storage.pointer
        let inputGradient = needsInput ? Tensor(zeros: savedInput.shape) : nil
        let dx = inputGradient?.storage.pointer
        let x = savedInput.storage.pointer
        let k = savedKernel.storage.pointer

        // Images are split across threads. Each thread writes the input gradient of its own images
        // and sums the kernel gradient into its own row of partial sums, added up at the end.
        let kernelCount = savedKernel.scalarCount
        let partialSums = Tensor(zeros: [BLAS.threadCount, kernelCount])
        let partials = partialSums.storage.pointer
        Parallel.forEachIndexedChunk(batch, workPerItem: 2 * work) { chunk, images in
            let dk = partials + chunk * kernelCount
            for image in images {
                for position in 0..<geometry.outputPositions {
                    let window = geometry.window(image: image, position: position)
                    let upstreamRow = g + (image * geometry.outputPositions + position) * outputChannels
                    for row in window.rows {
                        for column in window.columns {
                            let offset = window.offset(row, column)
                            let kernelOffset = ((row - window.top) * geometry.kernelWidth + (column - window.left)) * outputChannels
                            if needsKernel {
                                DepthwiseKernels.addProducts(
                                    of: x + offset, upstreamRow, into: dk + kernelOffset,
                                    channels: channels, multiplier: multiplier)
                            }
                            if let dx {
                                DepthwiseKernels.addChannelSums(
                                    of: k + kernelOffset, upstreamRow, into: dx + offset,
                                    channels: channels, multiplier: multiplier)
                            }
                        }
                    }
                }
            }
        }
        guard needsKernel else { return [inputGradient, nil] }

        let kernelGradient = Tensor(zeros: savedKernel.shape)
        VectorKernels.addColumnSums(partials, rows: BLAS.threadCount, units: kernelCount, into: kernelGradient.storage.pointer)
        return [inputGradient, kernelGradient]
    }
}

/// The inner loops of the depthwise convolution over the channels of one pixel. Output channel
/// `c · multiplier + m` belongs to input channel `c`. A multiplier of 1, the common case, takes a
/// plain element-wise loop with no division of the channel index by the multiplier.
enum DepthwiseKernels {
    /// `out[c·M + m] += perChannel[c] · perOutput[c·M + m]` for M = `multiplier`.
    @inline(__always)
    static func addProducts(
        of perChannel: UnsafePointer<Float>, _ perOutput: UnsafePointer<Float>,
        into out: UnsafeMutablePointer<Float>, channels: Int, multiplier: Int
    ) {
        if multiplier == 1 {
            for index in 0..<channels { out[index] += perChannel[index] * perOutput[index] }
            return
        }
        for channel in 0..<channels {
            let value = perChannel[channel]
            for index in (channel * multiplier)..<((channel + 1) * multiplier) {
                out[index] += value * perOutput[index]
            }
        }
    }

    /// `out[c] += Σₘ a[c·M + m] · b[c·M + m]` for M = `multiplier`.
    @inline(__always)
    static func addChannelSums(
        of a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
        into out: UnsafeMutablePointer<Float>, channels: Int, multiplier: Int
    ) {
        if multiplier == 1 {
            for index in 0..<channels { out[index] += a[index] * b[index] }
            return
        }
        for channel in 0..<channels {
            var sum: Float = 0
            for index in (channel * multiplier)..<((channel + 1) * multiplier) { sum += a[index] * b[index] }
            out[channel] += sum
        }
    }
}
