// Indexing, slicing, gathering, concatenation and stacking.

extension Tensor {
    /// Returns the sub-tensor at `index` along the first axis, one rank lower. Negative indices count
    /// from the end.
    public subscript(index: Int) -> Tensor {
        precondition(rank >= 1, "Tensor[\(index)]: cannot index a scalar tensor")
        let resolved = index < 0 ? index + shape[0] : index
        precondition(
            resolved >= 0 && resolved < shape[0],
            "Tensor[\(index)]: index is out of range for the first axis of shape \(shape)")
        return self[resolved..<(resolved + 1)].reshaped(to: Array(shape.dropFirst()))
    }

    /// Returns the sub-tensor at the given indices along the leading axes, reducing the rank by the
    /// number of indices: `x[0, 3]` of a `[2, 10]` tensor is a scalar tensor.
    public subscript(first: Int, second: Int, rest: Int...) -> Tensor {
        var result = self[first][second]
        for index in rest { result = result[index] }
        return result
    }

    /// Returns the rows in `range` along the first axis (`x[0..<100]`, `x[..<100]`, `x[100...]`).
    public subscript<R: RangeExpression>(range: R) -> Tensor where R.Bound == Int {
        precondition(rank >= 1, "Tensor[range]: cannot slice a scalar tensor")
        return slice(range.relative(to: 0..<shape[0]), alongAxis: 0)
    }

    /// Returns the part of the tensor whose index along `axis` lies in `range`.
    public func slice(_ range: Range<Int>, alongAxis axis: Int) -> Tensor {
        let axis = normalizedAxis(axis, op: "slice(_:alongAxis:)")
        precondition(
            range.lowerBound >= 0 && range.upperBound <= shape[axis],
            "slice(_:alongAxis:): range \(range) is out of bounds for axis \(axis) of shape \(shape)")
        let result = sliceWithoutRecording(range, alongAxis: axis)
        guard AutodiffContext.shouldRecord(self) else { return result }
        let originalShape = shape
        return result.recorded("slice", inputs: [self]) { upstream in
            [Tensor.padSlice(upstream, into: originalShape, range: range, axis: axis)]
        }
    }

    /// Returns the sub-tensor at `index` along `axis`, one rank lower.
    public func select(_ index: Int, alongAxis axis: Int) -> Tensor {
        let axis = normalizedAxis(axis, op: "select(_:alongAxis:)")
        var reducedShape = shape
        reducedShape.remove(at: axis)
        return slice(index..<(index + 1), alongAxis: axis).reshaped(to: reducedShape)
    }

    func sliceWithoutRecording(_ range: Range<Int>, alongAxis axis: Int) -> Tensor {
        let outer = shape[..<axis].reduce(1, *)
        let inner = shape[(axis + 1)...].reduce(1, *)
        var newShape = shape
        newShape[axis] = range.count
        if axis == 0 || outer == 1 {
            // Leading-axis slices are one contiguous block.
            let result = Tensor(uninitializedShape: newShape)
            result.storage.pointer.update(from: storage.pointer + range.lowerBound * inner, count: range.count * inner)
            return result
        }
        let result = Tensor(uninitializedShape: newShape)
        let block = range.count * inner
        for row in 0..<outer {
            (result.storage.pointer + row * block).update(
                from: storage.pointer + (row * shape[axis] + range.lowerBound) * inner, count: block)
        }
        return result
    }

    /// Places `slice` at `range` along `axis` in a zero tensor of `shape`.
    static func padSlice(_ slice: Tensor, into shape: [Int], range: Range<Int>, axis: Int) -> Tensor {
        let result = Tensor(zeros: shape)
        let outer = shape[..<axis].reduce(1, *)
        let inner = shape[(axis + 1)...].reduce(1, *)
        let block = range.count * inner
        for row in 0..<outer {
            (result.storage.pointer + (row * shape[axis] + range.lowerBound) * inner).update(
                from: slice.storage.pointer + row * block, count: block)
        }
        return result
    }

    /// Returns the rows at `indices` along the first axis, in that order (used for shuffled batches).
    public func gathering(atIndices indices: [Int]) -> Tensor {
        precondition(rank >= 1, "gathering(atIndices:): cannot gather from a scalar tensor")
        let rowLength = scalarCount / Swift.max(shape[0], 1)
        var newShape = shape
        newShape[0] = indices.count
        let result = Tensor(uninitializedShape: newShape)
        for (row, index) in indices.enumerated() {
            precondition(
                index >= 0 && index < shape[0],
                "gathering(atIndices:): index \(index) is out of range for the first axis of shape \(shape)")
            (result.storage.pointer + row * rowLength).update(from: storage.pointer + index * rowLength, count: rowLength)
        }
        guard AutodiffContext.shouldRecord(self) else { return result }
        let originalShape = shape
        return result.recorded("gathering", inputs: [self]) { upstream in
            let gradient = Tensor(zeros: originalShape)
            for (row, index) in indices.enumerated() {
                let target = gradient.storage.pointer + index * rowLength
                let source = upstream.storage.pointer + row * rowLength
                for offset in 0..<rowLength { target[offset] += source[offset] }
            }
            return [gradient]
        }
    }

    /// Joins tensors along an existing axis. All other dimensions must match.
    public init(concatenating tensors: [Tensor], alongAxis axis: Int = 0) {
        precondition(!tensors.isEmpty, "Tensor(concatenating:): no tensors given")
        let first = tensors[0]
        let axis = first.normalizedAxis(axis, op: "Tensor(concatenating:)")
        for tensor in tensors {
            var expected = first.shape
            var actual = tensor.shape
            precondition(
                actual.count == expected.count,
                "Tensor(concatenating:): shapes \(first.shape) and \(tensor.shape) have different ranks")
            expected[axis] = 0
            actual[axis] = 0
            precondition(
                expected == actual,
                "Tensor(concatenating:alongAxis: \(axis)): shapes \(first.shape) and \(tensor.shape) differ off the axis")
        }
        var newShape = first.shape
        newShape[axis] = tensors.reduce(0) { $0 + $1.shape[axis] }
        let outer = first.shape[..<axis].reduce(1, *)
        let inner = first.shape[(axis + 1)...].reduce(1, *)
        var result = Tensor(uninitializedShape: newShape)
        let outputRow = newShape[axis] * inner
        var start = 0
        for tensor in tensors {
            let block = tensor.shape[axis] * inner
            for row in 0..<outer {
                (result.storage.pointer + row * outputRow + start).update(
                    from: tensor.storage.pointer + row * block, count: block)
            }
            start += block
        }

        if AutodiffContext.shouldRecord(tensors) {
            var ranges: [Range<Int>] = []
            var lower = 0
            for tensor in tensors {
                ranges.append(lower..<(lower + tensor.shape[axis]))
                lower += tensor.shape[axis]
            }
            let tracked = tensors.map(\.isTracked)
            result = result.recorded("concatenating", inputs: tensors) { upstream in
                ranges.indices.map { index in
                    tracked[index] ? upstream.sliceWithoutRecording(ranges[index], alongAxis: axis) : nil
                }
            }
        }
        self = result
    }

    /// Joins tensors of one shape along a new axis.
    public init(stacking tensors: [Tensor], alongAxis axis: Int = 0) {
        precondition(!tensors.isEmpty, "Tensor(stacking:): no tensors given")
        let shape = tensors[0].shape
        for tensor in tensors {
            precondition(tensor.shape == shape, "Tensor(stacking:): shapes \(shape) and \(tensor.shape) differ")
        }
        let position = axis < 0 ? axis + shape.count + 1 : axis
        self.init(concatenating: tensors.map { $0.expandingShape(at: position) }, alongAxis: position)
    }
}
