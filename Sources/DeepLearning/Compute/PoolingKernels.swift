/// Returns the maximum over each `poolSize` window of NHWC `input`, per channel.
///
/// The gradient goes to the first position (in row-major window order) holding the maximum, found
/// again during the backward pass by comparing inputs with the saved output, so the forward pass
/// stores nothing extra.
public func maxPool2D(_ input: Tensor, poolSize: (Int, Int), strides: (Int, Int), padding: Padding = .valid) -> Tensor {
    let geometry = poolingGeometry(input, poolSize: poolSize, strides: strides, padding: padding, op: "maxPool2D")
    let batch = input.shape[0]
    let channels = geometry.channels
    let output = Tensor(uninitializedShape: [batch, geometry.outputHeight, geometry.outputWidth, channels])
    let source = input.storage.pointer
    let target = output.storage.pointer
    let work = geometry.outputPositions * channels * geometry.kernelHeight * geometry.kernelWidth

    Parallel.forEachChunk(batch, workPerItem: work) { images in
        for image in images {
            for position in 0..<geometry.outputPositions {
                let window = geometry.window(image: image, position: position)
                let out = target + (image * geometry.outputPositions + position) * channels
                out.update(from: source + window.offset(window.rows.lowerBound, window.columns.lowerBound), count: channels)
                for row in window.rows {
                    for column in window.columns {
                        let slot = source + window.offset(row, column)
                        for channel in 0..<channels { out[channel] = Swift.max(out[channel], slot[channel]) }
                    }
                }
            }
        }
    }
    guard AutodiffContext.shouldRecord(input) else { return output }

    let (savedInput, savedOutput) = (input.detached(), output.detached())
    // When windows tile the image (stride equal to the pool size, no padding before), every input
    // position belongs to at most one window, so the pullback can store each gradient value instead
    // of adding it to a zeroed buffer, and only the uncovered border needs zeros.
    let tiles = geometry.strideHeight == geometry.kernelHeight && geometry.strideWidth == geometry.kernelWidth
        && geometry.padTop == 0 && geometry.padLeft == 0
    return output.recorded("maxPool2D", inputs: [input]) { upstream in
        let gradient = tiles ? Tensor(uninitializedShape: savedInput.shape) : Tensor(zeros: savedInput.shape)
        let x = savedInput.storage.pointer
        let y = savedOutput.storage.pointer
        let g = upstream.storage.pointer
        let out = gradient.storage.pointer
        Parallel.forEachChunk(batch, workPerItem: work) { images in
            for image in images {
                for position in 0..<geometry.outputPositions {
                    let window = geometry.window(image: image, position: position)
                    let outputOffset = (image * geometry.outputPositions + position) * channels
                    var channel = 0
                    // Sixteen channels at a time: each window position takes the gradient where it
                    // contains the maximum and no earlier position did.
                    while channel + 16 <= channels {
                        let maximum = loadVector(y + outputOffset + channel)
                        let upstreamGradient = loadVector(g + outputOffset + channel)
                        var routed = SIMDMask<SIMD16<Int32>>(repeating: false)
                        for row in window.rows {
                            for column in window.columns {
                                let index = window.offset(row, column) + channel
                                let hit = (loadVector(x + index) .== maximum) .& .!routed
                                let share = Float16Vector(repeating: 0).replacing(with: upstreamGradient, where: hit)
                                storeVector(tiles ? share : loadVector(out + index) + share, out + index)
                                routed = routed .| hit
                            }
                        }
                        channel += 16
                    }
                    while channel < channels {
                        let maximum = y[outputOffset + channel]
                        if tiles {
                            for row in window.rows {
                                for column in window.columns { out[window.offset(row, column) + channel] = 0 }
                            }
                        }
                        search: for row in window.rows {
                            for column in window.columns {
                                let index = window.offset(row, column) + channel
                                if x[index] == maximum {
                                    out[index] += g[outputOffset + channel]
                                    break search
                                }
                            }
                        }
                        channel += 1
                    }
                }
                if tiles {
                    geometry.zeroUncoveredBorder(image: image, in: out)
                }
            }
        }
        return [gradient]
    }
}

extension WindowGeometry {
    /// Zeroes the rows and columns of one image that no window covers (the remainder when the image
    /// size is not a multiple of the stride under `valid` padding).
    func zeroUncoveredBorder(image: Int, in buffer: UnsafeMutablePointer<Float>) {
        let coveredRows = Swift.min((outputHeight - 1) * strideHeight + kernelHeight, inputHeight)
        let coveredColumns = Swift.min((outputWidth - 1) * strideWidth + kernelWidth, inputWidth)
        let imageStart = buffer + image * imageSize
        let rowLength = inputWidth * channels
        for row in 0..<coveredRows where coveredColumns < inputWidth {
            (imageStart + row * rowLength + coveredColumns * channels).update(
                repeating: 0, count: (inputWidth - coveredColumns) * channels)
        }
        if coveredRows < inputHeight {
            (imageStart + coveredRows * rowLength).update(repeating: 0, count: (inputHeight - coveredRows) * rowLength)
        }
    }
}

/// Returns the mean over each `poolSize` window of NHWC `input`, per channel. With `same` padding,
/// padded positions are left out of the mean, as in Keras.
public func averagePool2D(_ input: Tensor, poolSize: (Int, Int), strides: (Int, Int), padding: Padding = .valid) -> Tensor {
    let geometry = poolingGeometry(input, poolSize: poolSize, strides: strides, padding: padding, op: "averagePool2D")
    let output = Tensor(zeros: [input.shape[0], geometry.outputHeight, geometry.outputWidth, geometry.channels])
    averagePoolPass(geometry, images: input.shape[0], input: input.storage.pointer, output: output.storage.pointer, backward: false)
    guard AutodiffContext.shouldRecord(input) else { return output }
    let inputShape = input.shape
    return output.recorded("averagePool2D", inputs: [input]) { upstream in
        let gradient = Tensor(zeros: inputShape)
        averagePoolPass(geometry, images: inputShape[0], input: gradient.storage.pointer, output: upstream.storage.pointer, backward: true)
        return [gradient]
    }
}

/// Forward: adds each window's mean into `output`. Backward: spreads each output gradient evenly
/// into `input` (here the input gradient buffer).
private func averagePoolPass(
    _ geometry: WindowGeometry, images: Int, input: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>, backward: Bool
) {
    let channels = geometry.channels
    var position = 0
    for image in 0..<images {
        let imageBase = image * geometry.inputHeight * geometry.inputWidth * channels
        for outputRow in 0..<geometry.outputHeight {
            for outputColumn in 0..<geometry.outputWidth {
                let top = outputRow * geometry.strideHeight - geometry.padTop
                let left = outputColumn * geometry.strideWidth - geometry.padLeft
                let rows = Swift.max(top, 0)..<Swift.min(top + geometry.kernelHeight, geometry.inputHeight)
                let columns = Swift.max(left, 0)..<Swift.min(left + geometry.kernelWidth, geometry.inputWidth)
                let scale = 1 / Float(rows.count * columns.count)
                let out = output + position
                for row in rows {
                    for column in columns {
                        let inputSlot = input + imageBase + (row * geometry.inputWidth + column) * channels
                        if backward {
                            for channel in 0..<channels { inputSlot[channel] += out[channel] * scale }
                        } else {
                            for channel in 0..<channels { out[channel] += inputSlot[channel] * scale }
                        }
                    }
                }
                position += channels
            }
        }
    }
}

private func poolingGeometry(
    _ input: Tensor, poolSize: (Int, Int), strides: (Int, Int), padding: Padding, op: String
) -> WindowGeometry {
    precondition(input.rank == 4, "\(op): input must be [batch, height, width, channels], got shape \(input.shape)")
    guard let geometry = WindowGeometry(
        inputHeight: input.shape[1], inputWidth: input.shape[2], channels: input.shape[3],
        kernelSize: poolSize, strides: strides, padding: padding)
    else {
        preconditionFailure("\(op): pool size \(poolSize) does not fit input \(input.shape) with \(padding) padding")
    }
    return geometry
}
