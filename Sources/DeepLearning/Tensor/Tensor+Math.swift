import Foundation

// Element-wise functions. Each records a pullback written from the saved input or output.

extension Tensor {
    /// Returns a tensor computed by `forward` and differentiated by `derivative(input, output)`,
    /// which gives d(output)/d(input) per scalar.
    @inline(__always)
    func unaryOp(
        _ op: String, _ forward: (Float) -> Float, derivative: @escaping (Float, Float) -> Float
    ) -> Tensor {
        let result = map(forward)
        guard AutodiffContext.shouldRecord(self) else { return result }
        let input = detached()
        let output = result.detached()
        return result.recorded(op, inputs: [self]) { upstream in
            let gradient = Tensor(uninitializedShape: input.shape)
            let out = gradient.storage.pointer
            let x = input.storage.pointer
            let y = output.storage.pointer
            let g = upstream.storage.pointer
            for index in 0..<input.scalarCount { out[index] = g[index] * derivative(x[index], y[index]) }
            return [gradient]
        }
    }

    /// Returns the element-wise square.
    public func squared() -> Tensor {
        unaryOp("squared", { $0 * $0 }, derivative: { x, _ in 2 * x })
    }

    /// Returns the scalars limited to `min...max`; the gradient is zero where a scalar was clipped.
    public func clipped(min lower: Float, max upper: Float) -> Tensor {
        precondition(lower <= upper, "clipped(min:max:): min \(lower) is greater than max \(upper)")
        return unaryOp(
            "clipped", { Swift.min(Swift.max($0, lower), upper) },
            derivative: { x, _ in x >= lower && x <= upper ? 1 : 0 })
    }
}

/// Returns e raised to each scalar.
public func exp(_ x: Tensor) -> Tensor {
    x.unaryOp("exp", { expf($0) }, derivative: { _, y in y })
}

/// Returns the natural logarithm of each scalar.
public func log(_ x: Tensor) -> Tensor {
    x.unaryOp("log", { logf($0) }, derivative: { x, _ in 1 / x })
}

/// Returns the square root of each scalar.
public func sqrt(_ x: Tensor) -> Tensor {
    x.unaryOp("sqrt", { sqrtf($0) }, derivative: { _, y in 0.5 / y })
}

/// Returns the absolute value of each scalar; the gradient at 0 is taken as 0.
public func abs(_ x: Tensor) -> Tensor {
    x.unaryOp("abs", { Swift.abs($0) }, derivative: { x, _ in x > 0 ? 1 : (x < 0 ? -1 : 0) })
}

/// Returns each scalar raised to `exponent`.
public func pow(_ x: Tensor, _ exponent: Float) -> Tensor {
    x.unaryOp("pow", { powf($0, exponent) }, derivative: { x, _ in exponent * powf(x, exponent - 1) })
}

/// Returns the scalars limited to `min...max`.
public func clip(_ x: Tensor, min lower: Float, max upper: Float) -> Tensor {
    x.clipped(min: lower, max: upper)
}
