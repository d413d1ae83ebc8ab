// Operations on sequences: embedding lookup and reversal along the time axis.

/// Returns the rows of `table` (`[inputDim, outputDim]`) selected by `indices`, a tensor of whole
/// numbers stored as `Float`, with shape `indices.shape + [outputDim]`.
///
/// The gradient flows to the table only (indices are not differentiable): each selected row
/// receives the sum of the upstream rows that read it. Traps when an index is not a whole number in
/// `0..<inputDim`; Float represents every integer below 2²⁴ exactly, so vocabularies up to
/// 16,777,216 entries are safe.
public func embeddingLookup(_ table: Tensor, indices: Tensor) -> Tensor {
    precondition(table.rank == 2, "embeddingLookup: table must be [inputDim, outputDim], got shape \(table.shape)")
    let (rowCount, width) = (table.shape[0], table.shape[1])
    let count = indices.scalarCount
    var rows = [Int](repeating: 0, count: count)
    for position in 0..<count {
        let value = indices.storage.pointer[position]
        let row = Int(exactly: value) ?? -1
        precondition(
            row >= 0 && row < rowCount,
            "embeddingLookup: index \(value) at position \(position) is not a whole number in 0..<\(rowCount)")
        rows[position] = row
    }

    let result = Tensor(uninitializedShape: indices.shape + [width])
    for (position, row) in rows.enumerated() {
        (result.storage.pointer + position * width).update(from: table.storage.pointer + row * width, count: width)
    }
    guard AutodiffContext.shouldRecord(table) else { return result }
    let tableShape = table.shape
    return result.recorded("embeddingLookup", inputs: [table]) { upstream in
        let gradient = Tensor(zeros: tableShape)
        for (position, row) in rows.enumerated() {
            let target = gradient.storage.pointer + row * width
            let source = upstream.storage.pointer + position * width
            for column in 0..<width { target[column] += source[column] }
        }
        return [gradient]
    }
}

extension Tensor {
    /// Returns the tensor with the order of indices along `axis` reversed (the time axis of a
    /// `[batch, time, features]` sequence is axis 1).
    public func reversed(alongAxis axis: Int) -> Tensor {
        let axis = normalizedAxis(axis, op: "reversed(alongAxis:)")
        let result = reversedWithoutRecording(alongAxis: axis)
        guard AutodiffContext.shouldRecord(self) else { return result }
        return result.recorded("reversed", inputs: [self]) { upstream in
            [upstream.reversedWithoutRecording(alongAxis: axis)]
        }
    }

    func reversedWithoutRecording(alongAxis axis: Int) -> Tensor {
        let (outer, length, inner) = axisSplit(axis)
        let result = Tensor(uninitializedShape: shape)
        for block in 0..<outer {
            let base = block * length * inner
            for index in 0..<length {
                (result.storage.pointer + base + (length - 1 - index) * inner).update(
                    from: storage.pointer + base + index * inner, count: inner)
            }
        }
        return result
    }
}
