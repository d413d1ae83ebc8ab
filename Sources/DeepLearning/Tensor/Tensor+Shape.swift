// Shape manipulation: reshape, transpose, squeeze and expand. Reshapes share the buffer.

extension Tensor {
    /// Returns the same scalars viewed with another shape. One dimension may be `-1`, meaning
    /// "whatever makes the count match".
    public func reshaped(to newShape: [Int]) -> Tensor {
        let result = reshapedWithoutRecording(to: newShape)
        guard AutodiffContext.shouldRecord(self) else { return result }
        let originalShape = shape
        return result.recorded("reshaped", inputs: [self]) { upstream in
            [upstream.reshapedWithoutRecording(to: originalShape)]
        }
    }

    func reshapedWithoutRecording(to newShape: [Int]) -> Tensor {
        let resolved = resolveShape(newShape)
        return Tensor(shape: resolved, storage: storage)
    }

    private func resolveShape(_ newShape: [Int]) -> [Int] {
        let unknownAxes = newShape.indices.filter { newShape[$0] == -1 }
        precondition(unknownAxes.count <= 1, "reshaped(to:): \(newShape) has more than one -1")
        precondition(
            newShape.allSatisfy { $0 >= -1 }, "reshaped(to:): \(newShape) has a negative dimension")
        var resolved = newShape
        if let unknown = unknownAxes.first {
            let known = newShape.filter { $0 != -1 }.reduce(1, *)
            precondition(
                known > 0 && scalarCount % known == 0,
                "reshaped(to:): cannot reshape \(shape) (\(scalarCount) scalars) to \(newShape)")
            resolved[unknown] = scalarCount / known
        }
        precondition(
            Tensor.scalarCount(of: resolved) == scalarCount,
            "reshaped(to:): cannot reshape \(shape) (\(scalarCount) scalars) to \(newShape)")
        return resolved
    }

    /// Returns the tensor flattened to rank 1.
    public func flattened() -> Tensor {
        reshaped(to: [-1])
    }

    /// Returns the tensor with an axis of size 1 inserted at `axis`.
    public func expandingShape(at axis: Int) -> Tensor {
        let position = axis < 0 ? axis + rank + 1 : axis
        precondition(
            position >= 0 && position <= rank,
            "expandingShape(at:): axis \(axis) is out of range for shape \(shape)")
        var newShape = shape
        newShape.insert(1, at: position)
        return reshaped(to: newShape)
    }

    /// Returns the tensor with the given axes of size 1 removed, or every such axis when none given.
    public func squeezingShape(at axes: Int...) -> Tensor {
        let normalized = Set(axes.map { normalizedAxis($0, op: "squeezingShape(at:)") })
        for axis in normalized {
            precondition(shape[axis] == 1, "squeezingShape(at:): axis \(axis) of shape \(shape) is not 1")
        }
        let newShape = shape.indices.filter { axis in
            normalized.isEmpty ? shape[axis] != 1 : !normalized.contains(axis)
        }.map { shape[$0] }
        return reshaped(to: newShape)
    }

    /// Returns the tensor with its axes reordered: axis `i` of the result is axis `permutation[i]`
    /// of `self`.
    public func transposed(permutation: [Int]) -> Tensor {
        precondition(
            permutation.sorted() == Array(0..<rank),
            "transposed(permutation:): \(permutation) is not a permutation of the axes of shape \(shape)")
        let result = transposedWithoutRecording(permutation: permutation)
        guard AutodiffContext.shouldRecord(self) else { return result }
        var inverse = [Int](repeating: 0, count: rank)
        for (index, axis) in permutation.enumerated() { inverse[axis] = index }
        return result.recorded("transposed", inputs: [self]) { upstream in
            [upstream.transposedWithoutRecording(permutation: inverse)]
        }
    }

    /// Returns the tensor with its axes reversed; for a matrix, the usual transpose.
    public func transposed() -> Tensor {
        transposed(permutation: Array((0..<rank).reversed()))
    }

    func transposedWithoutRecording(permutation: [Int]) -> Tensor {
        if permutation == Array(0..<rank) { return self }
        let newShape = permutation.map { shape[$0] }
        let result = Tensor(uninitializedShape: newShape)
        let count = scalarCount
        guard count > 0 else { return result }

        let sourceStrides = Tensor.strides(of: shape)
        let permutedStrides = permutation.map { sourceStrides[$0] }
        let out = result.storage.pointer
        let input = storage.pointer
        let last = newShape.count - 1
        let inner = newShape[last]
        let innerStride = permutedStrides[last]
        var counter = [Int](repeating: 0, count: newShape.count)
        var sourceOffset = 0
        var position = 0
        while position < count {
            for column in 0..<inner {
                out[position + column] = input[sourceOffset + column * innerStride]
            }
            position += inner
            var axis = last - 1
            while axis >= 0 {
                counter[axis] += 1
                sourceOffset += permutedStrides[axis]
                if counter[axis] < newShape[axis] { break }
                sourceOffset -= permutedStrides[axis] * newShape[axis]
                counter[axis] = 0
                axis -= 1
            }
        }
        return result
    }
}
