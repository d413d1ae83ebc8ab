/// Returns the maximum over each `poolSize` window of NHWC `input`, per channel.
public func maxPool2D(_ input: Tensor, poolSize: (Int, Int), strides: (Int, Int), padding: Padding = .valid) -> Tensor {
    let geometry = poolingGeometry(input, poolSize: poolSize, strides: strides, padding: padding, op: "maxPool2D")
    let batch = input.shape[0]
    let channels = geometry.channels
    let output = Tensor(uninitializedShape: [batch, geometry.outputHeight, geometry.outputWidth, channels])
    // The flat input index of each maximum, for routing the gradient.
    var winners = [Int32](repeating: 0, count: output.scalarCount)
    let source = input.storage.pointer
    let target = output.storage.pointer
    winners.withUnsafeMutableBufferPointer { winner in
        var position = 0
        for image in 0..<batch {
            let imageBase = image * geometry.inputHeight * geometry.inputWidth * channels
            for outputRow in 0..<geometry.outputHeight {
                for outputColumn in 0..<geometry.outputWidth {
                    let out = target + position
                    let best = winner.baseAddress! + position
                    for channel in 0..<channels {
                        out[channel] = -.infinity
                        best[channel] = -1
                    }
                    let top = outputRow * geometry.strideHeight - geometry.padTop
                    let left = outputColumn * geometry.strideWidth - geometry.padLeft
                    for row in Swift.max(top, 0)..<Swift.min(top + geometry.kernelHeight, geometry.inputHeight) {
                        for column in Swift.max(left, 0)..<Swift.min(left + geometry.kernelWidth, geometry.inputWidth) {
                            let base = imageBase + (row * geometry.inputWidth + column) * channels
                            for channel in 0..<channels where source[base + channel] > out[channel] || best[channel] < 0 {
                                out[channel] = source[base + channel]
                                best[channel] = Int32(base + channel)
                            }
                        }
                    }
                    position += channels
                }
            }
        }
    }
    guard AutodiffContext.shouldRecord(input) else { return output }
    let inputShape = input.shape
    return output.recorded("maxPool2D", inputs: [input]) { upstream in
        let gradient = Tensor(zeros: inputShape)
        let g = upstream.storage.pointer
        let out = gradient.storage.pointer
        for index in 0..<winners.count { out[Int(winners[index])] += g[index] }
        return [gradient]
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
