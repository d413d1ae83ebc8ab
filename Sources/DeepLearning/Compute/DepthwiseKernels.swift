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
                        for index in 0..<outputChannels { out[index] += source[index / multiplier] * weights[index] }
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
        let kernelGradient = Tensor(zeros: savedKernel.shape)
        let dx = inputGradient?.storage.pointer
        let dk = kernelGradient.storage.pointer
        let x = savedInput.storage.pointer
        let k = savedKernel.storage.pointer
        // The kernel gradient sums over images, so it is computed on one thread.
        for image in 0..<batch {
            for position in 0..<geometry.outputPositions {
                let window = geometry.window(image: image, position: position)
                let upstreamRow = g + (image * geometry.outputPositions + position) * outputChannels
                for row in window.rows {
                    for column in window.columns {
                        let offset = window.offset(row, column)
                        let kernelOffset = ((row - window.top) * geometry.kernelWidth + (column - window.left)) * outputChannels
                        for index in 0..<outputChannels {
                            let channel = index / multiplier
                            if needsKernel { dk[kernelOffset + index] += x[offset + channel] * upstreamRow[index] }
                            if let dx { dx[offset + channel] += k[kernelOffset + index] * upstreamRow[index] }
                        }
                    }
                }
            }
        }
        return [inputGradient, needsKernel ? kernelGradient : nil]
    }
}

