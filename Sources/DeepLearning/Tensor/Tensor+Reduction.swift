// Reductions along axes. Reductions over several axes reduce one axis at a time.

extension Tensor {
    /// The sizes before, along and after `axis`, so a reduction can run as
    /// `for outer { for reduced { for inner { ... } } }` with a contiguous inner loop.
    func axisSplit(_ axis: Int) -> (outer: Int, length: Int, inner: Int) {
        (shape[..<axis].reduce(1, *), shape[axis], shape[(axis + 1)...].reduce(1, *))
    }

    /// Reduces one axis keeping it as size 1, combining scalars with `combine` from `initial`.
    @inline(__always)
    func reduceKeepingAxis(_ axis: Int, initial: Float, _ combine: (Float, Float) -> Float) -> Tensor {
        let (outer, length, inner) = axisSplit(axis)
        var newShape = shape
        newShape[axis] = 1
        let result = Tensor(shape: newShape, repeating: initial)
        let out = result.storage.pointer
        let input = storage.pointer
        for o in 0..<outer {
            let target = out + o * inner
            for r in 0..<length {
                let source = input + (o * length + r) * inner
                for i in 0..<inner { target[i] = combine(target[i], source[i]) }
            }
        }
        return result
    }

    func normalizedAxes(_ axes: [Int], op: String) -> [Int] {
        let normalized = axes.isEmpty ? Array(0..<rank) : axes.map { normalizedAxis($0, op: op) }
        precondition(Set(normalized).count == normalized.count, "\(op): axes \(axes) repeat an axis")
        return normalized.sorted()
    }

    func reducedShape(_ axes: [Int], keepingDimensions: Bool) -> [Int] {
        if keepingDimensions {
            var result = shape
            for axis in axes { result[axis] = 1 }
            return result
        }
        return shape.indices.filter { !axes.contains($0) }.map { shape[$0] }
    }

    func sumWithoutRecording(alongAxes axes: [Int]) -> Tensor {
        var result = self
        for axis in axes.sorted(by: >) {
            result = result.reduceKeepingAxis(axis, initial: 0, +)
        }
        return result
    }

    /// Returns the tensor repeated along its size-1 axes (and new leading axes) to `shape`.
    public func broadcasted(to shape: [Int]) -> Tensor {
        let result = Tensor.broadcastingMap(self, Tensor(zeros: shape), op: "broadcasted(to:)") { a, _ in a }
        precondition(
            result.shape == shape, "broadcasted(to:): shape \(self.shape) cannot be broadcast to \(shape)")
        guard AutodiffContext.shouldRecord(self) else { return result }
        let originalShape = self.shape
        return result.recorded("broadcasted", inputs: [self]) { upstream in
            [upstream.unbroadcast(to: originalShape)]
        }
    }

    /// Returns the sum over `axes` (every axis when none is given).
    public func sum(alongAxes axes: Int..., keepingDimensions: Bool = false) -> Tensor {
        sum(alongAxes: axes, keepingDimensions: keepingDimensions)
    }

    /// Returns the sum over `axes` (every axis when the array is empty).
    public func sum(alongAxes axes: [Int], keepingDimensions: Bool = false) -> Tensor {
        let axes = normalizedAxes(axes, op: "sum(alongAxes:)")
        let reducedWithAxes = sumWithoutRecording(alongAxes: axes)
        let result = reducedWithAxes.reshapedWithoutRecording(to: reducedShape(axes, keepingDimensions: keepingDimensions))
        guard AutodiffContext.shouldRecord(self) else { return result }
        let originalShape = shape
        let reducedWithAxesShape = reducedWithAxes.shape
        return result.recorded("sum", inputs: [self]) { upstream in
            [upstream.reshapedWithoutRecording(to: reducedWithAxesShape).broadcastedWithoutRecording(to: originalShape)]
        }
    }

    /// Returns the mean over `axes` (every axis when none is given).
    public func mean(alongAxes axes: Int..., keepingDimensions: Bool = false) -> Tensor {
        mean(alongAxes: axes, keepingDimensions: keepingDimensions)
    }

    /// Returns the mean over `axes` (every axis when the array is empty).
    public func mean(alongAxes axes: [Int], keepingDimensions: Bool = false) -> Tensor {
        let normalized = normalizedAxes(axes, op: "mean(alongAxes:)")
        let count = normalized.reduce(1) { $0 * shape[$1] }
        return sum(alongAxes: normalized, keepingDimensions: keepingDimensions) * (1 / Float(Swift.max(count, 1)))
    }

    /// Returns the maximum over `axes` (every axis when none is given). The gradient is shared
    /// equally among tied maxima.
    public func max(alongAxes axes: Int..., keepingDimensions: Bool = false) -> Tensor {
        extremum(axes, keepingDimensions: keepingDimensions, op: "max", initial: -.infinity) { Swift.max($0, $1) }
    }

    /// Returns the minimum over `axes` (every axis when none is given).
    public func min(alongAxes axes: Int..., keepingDimensions: Bool = false) -> Tensor {
        extremum(axes, keepingDimensions: keepingDimensions, op: "min", initial: .infinity) { Swift.min($0, $1) }
    }

    private func extremum(
        _ axes: [Int], keepingDimensions: Bool, op: String, initial: Float,
        _ combine: @escaping (Float, Float) -> Float
    ) -> Tensor {
        precondition(scalarCount > 0, "\(op)(alongAxes:): tensor of shape \(shape) is empty")
        let axes = normalizedAxes(axes, op: "\(op)(alongAxes:)")
        var reducedWithAxes = self
        for axis in axes.sorted(by: >) {
            reducedWithAxes = reducedWithAxes.reduceKeepingAxis(axis, initial: initial, combine)
        }
        let result = reducedWithAxes.reshapedWithoutRecording(to: reducedShape(axes, keepingDimensions: keepingDimensions))
        guard AutodiffContext.shouldRecord(self) else { return result }
        let input = detached()
        let reducedWithAxesShape = reducedWithAxes.shape
        return result.recorded(op, inputs: [self]) { upstream in
            let mask = Tensor.broadcastingMap(input, reducedWithAxes, op: op) { $0 == $1 ? 1 : 0 }
            let ties = mask.sumWithoutRecording(alongAxes: axes)
            let share = Tensor.broadcastingMap(upstream.reshapedWithoutRecording(to: reducedWithAxesShape), ties, op: op) { $0 / $1 }
            return [Tensor.broadcastingMap(mask, share, op: op) { $0 * $1 }]
        }
    }

    /// Returns the index of the largest scalar along `axis` (first one on ties), as `Float` values in
    /// a tensor without that axis.
    public func argmax(alongAxis axis: Int) -> Tensor {
        let axis = normalizedAxis(axis, op: "argmax(alongAxis:)")
        let (outer, length, inner) = axisSplit(axis)
        precondition(length > 0, "argmax(alongAxis:): axis \(axis) of shape \(shape) is empty")
        var newShape = shape
        newShape.remove(at: axis)
        let result = Tensor(zeros: newShape)
        let out = result.storage.pointer
        let input = storage.pointer
        for o in 0..<outer {
            for i in 0..<inner {
                var best = input[o * length * inner + i]
                var bestIndex = 0
                for r in 1..<length {
                    let value = input[(o * length + r) * inner + i]
                    if value > best {
                        best = value
                        bestIndex = r
                    }
                }
                out[o * inner + i] = Float(bestIndex)
            }
        }
        return result
    }

    /// Returns the flat index of the largest scalar (first one on ties).
    public func argmax() -> Int {
        precondition(scalarCount > 0, "argmax(): tensor of shape \(shape) is empty")
        var bestIndex = 0
        for index in 1..<scalarCount where storage.pointer[index] > storage.pointer[bestIndex] {
            bestIndex = index
        }
        return bestIndex
    }

    func broadcastedWithoutRecording(to shape: [Int]) -> Tensor {
        if self.shape == shape { return self }
        return Tensor.broadcastingMap(self, Tensor(zeros: shape), op: "broadcasted(to:)") { a, _ in a }
    }
}
