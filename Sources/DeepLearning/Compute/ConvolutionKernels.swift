/// Padding mode of convolutions and pooling, as in Keras.
public enum Padding: String, Sendable {
    /// No padding: the window never leaves the input.
    case valid
    /// Zero padding so that the output size is `ceil(input / stride)`, split as evenly as possible
    /// with the extra row or column at the bottom or right (as TensorFlow does).
    case same
}

/// The geometry of one 2-D sliding window over NHWC inputs.
struct WindowGeometry: Equatable {
    let inputHeight: Int
    let inputWidth: Int
    let channels: Int
    let kernelHeight: Int
    let kernelWidth: Int
    let strideHeight: Int
    let strideWidth: Int
    let outputHeight: Int
    let outputWidth: Int
    let padTop: Int
    let padLeft: Int

    /// Returns the geometry, or `nil` when the window does not fit a `valid` input.
    init?(inputHeight: Int, inputWidth: Int, channels: Int, kernelSize: (Int, Int), strides: (Int, Int), padding: Padding) {
        self.inputHeight = inputHeight
        self.inputWidth = inputWidth
        self.channels = channels
        (kernelHeight, kernelWidth) = kernelSize
        (strideHeight, strideWidth) = strides
        switch padding {
        case .valid:
            guard inputHeight >= kernelHeight, inputWidth >= kernelWidth else { return nil }
            outputHeight = (inputHeight - kernelHeight) / strideHeight + 1
            outputWidth = (inputWidth - kernelWidth) / strideWidth + 1
            padTop = 0
            padLeft = 0
        case .same:
            outputHeight = (inputHeight + strideHeight - 1) / strideHeight
            outputWidth = (inputWidth + strideWidth - 1) / strideWidth
            padTop = Swift.max((outputHeight - 1) * strideHeight + kernelHeight - inputHeight, 0) / 2
            padLeft = Swift.max((outputWidth - 1) * strideWidth + kernelWidth - inputWidth, 0) / 2
        }
        guard outputHeight > 0, outputWidth > 0 else { return nil }
    }

    /// Scalars in one patch: kernelHeight × kernelWidth × channels.
    var patchSize: Int { kernelHeight * kernelWidth * channels }

    /// Output positions per image.
    var outputPositions: Int { outputHeight * outputWidth }

    /// Copies every patch of `images` batch items starting at `input` into rows of `columns`
    /// (`[images × outputPositions, patchSize]`, patch order (row, column, channel) to match a
    /// Keras kernel `[kh, kw, cin, cout]` flattened to `[kh·kw·cin, cout]`). Out-of-image positions
    /// are zero.
    func im2col(input: UnsafePointer<Float>, images: Int, columns: UnsafeMutablePointer<Float>) {
        let imageSize = inputHeight * inputWidth * channels
        let rowLength = kernelWidth * channels
        for image in 0..<images {
            let source = input + image * imageSize
            var target = columns + image * outputPositions * patchSize
            for outputRow in 0..<outputHeight {
                for outputColumn in 0..<outputWidth {
                    let top = outputRow * strideHeight - padTop
                    let left = outputColumn * strideWidth - padLeft
                    for kernelRow in 0..<kernelHeight {
                        let inputRow = top + kernelRow
                        let destination = target + kernelRow * rowLength
                        if inputRow < 0 || inputRow >= inputHeight {
                            destination.update(repeating: 0, count: rowLength)
                            continue
                        }
                        if left >= 0 && left + kernelWidth <= inputWidth {
                            // The whole kernel row lies inside the image: one contiguous copy.
                            destination.update(from: source + (inputRow * inputWidth + left) * channels, count: rowLength)
                            continue
                        }
                        for kernelColumn in 0..<kernelWidth {
                            let inputColumn = left + kernelColumn
                            let slot = destination + kernelColumn * channels
                            if inputColumn < 0 || inputColumn >= inputWidth {
                                slot.update(repeating: 0, count: channels)
                            } else {
                                slot.update(from: source + (inputRow * inputWidth + inputColumn) * channels, count: channels)
                            }
                        }
                    }
                    target += patchSize
                }
            }
        }
    }

    /// Adds every patch row of `columns` back into its place in `output` (the adjoint of `im2col`).
    /// `output` must be zeroed by the caller.
    func col2im(columns: UnsafePointer<Float>, images: Int, output: UnsafeMutablePointer<Float>) {
        let imageSize = inputHeight * inputWidth * channels
        for image in 0..<images {
            let target = output + image * imageSize
            var source = columns + image * outputPositions * patchSize
            for outputRow in 0..<outputHeight {
                for outputColumn in 0..<outputWidth {
                    let top = outputRow * strideHeight - padTop
                    let left = outputColumn * strideWidth - padLeft
                    for kernelRow in 0..<kernelHeight {
                        let inputRow = top + kernelRow
                        if inputRow < 0 || inputRow >= inputHeight { continue }
                        for kernelColumn in 0..<kernelWidth {
                            let inputColumn = left + kernelColumn
                            if inputColumn < 0 || inputColumn >= inputWidth { continue }
                            let destination = target + (inputRow * inputWidth + inputColumn) * channels
                            let patch = source + (kernelRow * kernelWidth + kernelColumn) * channels
                            for channel in 0..<channels { destination[channel] += patch[channel] }
                        }
                    }
                    source += patchSize
                }
            }
        }
    }
}

/// The in-image rows and columns of one sliding window, and its unclipped top-left corner (which
/// can lie in the padding) for indexing kernel taps.
struct KernelWindow {
    let rows: Range<Int>
    let columns: Range<Int>
    let top: Int
    let left: Int
    let imageBase: Int
    let rowStride: Int
    let channels: Int

    /// The flat input offset of the first channel at (row, column).
    @inline(__always)
    func offset(_ row: Int, _ column: Int) -> Int {
        imageBase + row * rowStride + column * channels
    }
}

extension WindowGeometry {
    /// Returns the window for output `position` (row-major) of `image`, clipped to the image.
    @inline(__always)
    func window(image: Int, position: Int) -> KernelWindow {
        let top = (position / outputWidth) * strideHeight - padTop
        let left = (position % outputWidth) * strideWidth - padLeft
        return KernelWindow(
            rows: Swift.max(top, 0)..<Swift.min(top + kernelHeight, inputHeight),
            columns: Swift.max(left, 0)..<Swift.min(left + kernelWidth, inputWidth),
            top: top, left: left,
            imageBase: image * inputHeight * inputWidth * channels,
            rowStride: inputWidth * channels,
            channels: channels)
    }
}

extension WindowGeometry {
    var imageSize: Int { inputHeight * inputWidth * channels }

    /// `im2col` with the batch split across threads.
    func parallelIm2col(input: UnsafePointer<Float>, images: Int, columns: UnsafeMutablePointer<Float>) {
        let columnsPerImage = outputPositions * patchSize
        Parallel.forEachChunk(images, workPerItem: columnsPerImage) { range in
            im2col(
                input: input + range.lowerBound * imageSize, images: range.count,
                columns: columns + range.lowerBound * columnsPerImage)
        }
    }

    /// `col2im` with the batch split across threads; each image's gradient is written by one thread.
    func parallelCol2im(columns: UnsafePointer<Float>, images: Int, output: UnsafeMutablePointer<Float>) {
        let columnsPerImage = outputPositions * patchSize
        Parallel.forEachChunk(images, workPerItem: columnsPerImage) { range in
            col2im(
                columns: columns + range.lowerBound * columnsPerImage, images: range.count,
                output: output + range.lowerBound * imageSize)
        }
    }
}

/// Returns the 2-D convolution (cross-correlation, as in every deep-learning library) of NHWC
/// `input` `[batch, height, width, inChannels]` with `kernel` `[kh, kw, inChannels, outChannels]`.
///
/// It is computed as im2col followed by one `sgemm`; the gradient uses two more `sgemm` calls and
/// col2im. Traps when the channel counts differ or a `valid` window does not fit.
public func conv2D(_ input: Tensor, kernel: Tensor, strides: (Int, Int) = (1, 1), padding: Padding = .valid) -> Tensor {
    precondition(input.rank == 4, "conv2D: input must be [batch, height, width, channels], got shape \(input.shape)")
    precondition(kernel.rank == 4, "conv2D: kernel must be [kh, kw, in, out], got shape \(kernel.shape)")
    precondition(
        input.shape[3] == kernel.shape[2],
        "conv2D: input has \(input.shape[3]) channels (shape \(input.shape)) but kernel expects \(kernel.shape[2]) (shape \(kernel.shape))")
    guard let geometry = WindowGeometry(
        inputHeight: input.shape[1], inputWidth: input.shape[2], channels: input.shape[3],
        kernelSize: (kernel.shape[0], kernel.shape[1]), strides: strides, padding: padding)
    else {
        preconditionFailure("conv2D: kernel \(kernel.shape) does not fit input \(input.shape) with \(padding) padding")
    }
    let batch = input.shape[0]
    let outChannels = kernel.shape[3]
    let rows = batch * geometry.outputPositions
    let columns = Tensor(uninitializedShape: [rows, geometry.patchSize])
    geometry.parallelIm2col(input: input.storage.pointer, images: batch, columns: columns.storage.pointer)

    let output = Tensor(uninitializedShape: [batch, geometry.outputHeight, geometry.outputWidth, outChannels])
    BLAS.gemm(
        transposeA: false, transposeB: false, m: rows, n: outChannels, k: geometry.patchSize,
        a: columns.storage.pointer, lda: geometry.patchSize, b: kernel.storage.pointer, ldb: outChannels,
        c: output.storage.pointer, ldc: outChannels)

    guard AutodiffContext.shouldRecord(input, kernel) else { return output }
    let weights = kernel.detached()
    let (needsInput, needsKernel) = (input.isTracked, kernel.isTracked)
    let inputShape = input.shape
    return output.recorded("conv2D", inputs: [input, kernel]) { upstream in
        var kernelGradient: Tensor?
        if needsKernel {
            let gradient = Tensor(uninitializedShape: weights.shape)
            BLAS.gemm(
                transposeA: true, transposeB: false, m: geometry.patchSize, n: outChannels, k: rows,
                a: columns.storage.pointer, lda: geometry.patchSize, b: upstream.storage.pointer, ldb: outChannels,
                c: gradient.storage.pointer, ldc: outChannels)
            kernelGradient = gradient
        }
        var inputGradient: Tensor?
        if needsInput {
            let columnGradient = Tensor(uninitializedShape: [rows, geometry.patchSize])
            BLAS.gemm(
                transposeA: false, transposeB: true, m: rows, n: geometry.patchSize, k: outChannels,
                a: upstream.storage.pointer, lda: outChannels, b: weights.storage.pointer, ldb: outChannels,
                c: columnGradient.storage.pointer, ldc: geometry.patchSize)
            let gradient = Tensor(zeros: inputShape)
            geometry.parallelCol2im(columns: columnGradient.storage.pointer, images: batch, output: gradient.storage.pointer)
            inputGradient = gradient
        }
        return [inputGradient, kernelGradient]
    }
}
