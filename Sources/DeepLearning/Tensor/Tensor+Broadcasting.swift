extension Tensor {
    /// Returns the NumPy broadcast of two shapes, trapping with `op` and both shapes when they are
    /// incompatible.
    static func broadcastShape(_ a: [Int], _ b: [Int], op: String) -> [Int] {
        if a == b { return a }
        let rank = Swift.max(a.count, b.count)
        var result = [Int](repeating: 1, count: rank)
        for axis in 0..<rank {
            let dimensionA = axis < rank - a.count ? 1 : a[axis - (rank - a.count)]
            let dimensionB = axis < rank - b.count ? 1 : b[axis - (rank - b.count)]
            precondition(
                dimensionA == dimensionB || dimensionA == 1 || dimensionB == 1,
                "\(op): shapes \(a) and \(b) cannot be broadcast together")
            result[axis] = dimensionA == 1 ? dimensionB : dimensionA
        }
        return result
    }

    /// Strides for reading a tensor of `shape` as if it had `outputShape`: 0 on broadcast axes.
    static func broadcastStrides(of shape: [Int], to outputShape: [Int]) -> [Int] {
        let own = strides(of: shape)
        let offset = outputShape.count - shape.count
        return (0..<outputShape.count).map { axis in
            axis < offset || shape[axis - offset] == 1 ? 0 : own[axis - offset]
        }
    }

    /// Applies `operation` element-wise to `a` and `b` broadcast together.
    @inline(__always)
    static func broadcastingMap(
        _ a: Tensor, _ b: Tensor, op: String, _ operation: (Float, Float) -> Float
    ) -> Tensor {
        let shape = broadcastShape(a.shape, b.shape, op: op)
        let result = Tensor(uninitializedShape: shape)
        let out = result.storage.pointer
        let left = a.storage.pointer
        let right = b.storage.pointer
        let count = result.scalarCount

        if a.shape == b.shape {
            for index in 0..<count { out[index] = operation(left[index], right[index]) }
        } else if b.scalarCount == 1 {
            let value = right[0]
            for index in 0..<a.scalarCount { out[index] = operation(left[index], value) }
        } else if a.scalarCount == 1 {
            let value = left[0]
            for index in 0..<b.scalarCount { out[index] = operation(value, right[index]) }
        } else if count > 0 {
            let stridesA = broadcastStrides(of: a.shape, to: shape)
            let stridesB = broadcastStrides(of: b.shape, to: shape)
            let rank = shape.count
            let inner = shape[rank - 1]
            let innerStrideA = stridesA[rank - 1]
            let innerStrideB = stridesB[rank - 1]
            var counter = [Int](repeating: 0, count: rank)
            var offsetA = 0
            var offsetB = 0
            var position = 0
            while position < count {
                if innerStrideA == 1 && innerStrideB == 1 {
                    for column in 0..<inner {
                        out[position + column] = operation(left[offsetA + column], right[offsetB + column])
                    }
                } else {
                    for column in 0..<inner {
                        out[position + column] = operation(
                            left[offsetA + column * innerStrideA], right[offsetB + column * innerStrideB])
                    }
                }
                position += inner

                // Advance the multi-index over the outer axes, like an odometer.
                var axis = rank - 2
                while axis >= 0 {
                    counter[axis] += 1
                    offsetA += stridesA[axis]
                    offsetB += stridesB[axis]
                    if counter[axis] < shape[axis] { break }
                    offsetA -= stridesA[axis] * shape[axis]
                    offsetB -= stridesB[axis] * shape[axis]
                    counter[axis] = 0
                    axis -= 1
                }
            }
        }
        return result
    }

    /// Applies `operation` to each scalar.
    @inline(__always)
    func map(_ operation: (Float) -> Float) -> Tensor {
        let result = Tensor(uninitializedShape: shape)
        let out = result.storage.pointer
        let input = storage.pointer
        for index in 0..<scalarCount { out[index] = operation(input[index]) }
        return result
    }

    /// Sums a gradient of a broadcast result back to `shape`, the shape of the operand that was
    /// broadcast.
    func unbroadcast(to shape: [Int]) -> Tensor {
        if self.shape == shape { return self }
        let offset = rank - shape.count
        var axes: [Int] = Array(0..<offset)
        for axis in 0..<shape.count where shape[axis] == 1 && self.shape[axis + offset] != 1 {
            axes.append(axis + offset)
        }
        return sumWithoutRecording(alongAxes: axes).reshapedWithoutRecording(to: shape)
    }

    /// Adds `other` (same shape) to this tensor in place.
    mutating func addInPlace(_ other: Tensor) {
        precondition(shape == other.shape, "addInPlace: shapes \(shape) and \(other.shape) differ")
        prepareForMutation()
        let out = storage.pointer
        let input = other.storage.pointer
        for index in 0..<scalarCount { out[index] += input[index] }
    }
}
