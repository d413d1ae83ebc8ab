// Matrix products through OpenBLAS `cblas_sgemm`.

extension Tensor {
    /// Computes `a × b` without recording, where `a` is `[..., k]` (leading axes folded into rows)
    /// and `b` is `[k, n]`, with optional transposition of either operand as stored.
    static func matmulWithoutRecording(
        _ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false, op: String = "matmul"
    ) -> Tensor {
        precondition(a.rank >= 2 && b.rank == 2, "\(op): needs a rank ≥ 2 and b rank 2, got shapes \(a.shape) and \(b.shape)")
        precondition(!transposeA || a.rank == 2, "\(op): transposeA needs a rank-2 a, got shape \(a.shape)")
        let aColumns = a.shape[a.rank - 1]
        let aRows = a.scalarCount / Swift.max(aColumns, 1)
        let (m, k) = transposeA ? (aColumns, aRows) : (aRows, aColumns)
        let (bk, n) = transposeB ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
        precondition(
            k == bk,
            "\(op): inner dimensions differ: shapes \(a.shape)\(transposeA ? "ᵀ" : "") and \(b.shape)\(transposeB ? "ᵀ" : "")")
        var outputShape = transposeA ? [m] : Array(a.shape.dropLast())
        outputShape.append(n)
        let result = Tensor(uninitializedShape: outputShape)
        BLAS.gemm(
            transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
            a: a.storage.pointer, lda: aColumns, b: b.storage.pointer, ldb: b.shape[1],
            c: result.storage.pointer, ldc: n)
        return result
    }
}

/// Returns the matrix product of `a` (`[m, k]`, or `[..., k]` with leading axes treated as rows)
/// and `b` (`[k, n]`). Traps when the inner dimensions differ.
public func matmul(_ a: Tensor, _ b: Tensor) -> Tensor {
    let result = Tensor.matmulWithoutRecording(a, b)
    guard AutodiffContext.shouldRecord(a, b) else { return result }
    let (left, right) = (a.detached(), b.detached())
    let (needsA, needsB) = (a.isTracked, b.isTracked)
    return result.recorded("matmul", inputs: [a, b]) { upstream in
        var gradientA: Tensor?
        var gradientB: Tensor?
        if needsA {
            gradientA = Tensor.matmulWithoutRecording(upstream, right, transposeB: true)
        }
        if needsB {
            let rows = left.scalarCount / Swift.max(left.shape[left.rank - 1], 1)
            let flatLeft = left.reshapedWithoutRecording(to: [rows, left.shape[left.rank - 1]])
            let flatUpstream = upstream.reshapedWithoutRecording(to: [rows, right.shape[1]])
            gradientB = Tensor.matmulWithoutRecording(flatLeft, flatUpstream, transposeA: true)
        }
        return [gradientA, gradientB]
    }
}

infix operator • : MultiplicationPrecedence

extension Tensor {
    /// The matrix product, as ``matmul(_:_:)``.
    public static func • (lhs: Tensor, rhs: Tensor) -> Tensor {
        matmul(lhs, rhs)
    }
}

extension BLAS {
    /// Returns `op(a) × op(b)` for rank-2 tensors without recording, for benchmarks and callers that
    /// want the stored transpose flags of `sgemm`.
    public static func multiply(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false) -> Tensor {
        precondition(a.rank == 2 && b.rank == 2, "BLAS.multiply: needs rank-2 tensors, got shapes \(a.shape) and \(b.shape)")
        return Tensor.matmulWithoutRecording(a, b, transposeA: transposeA, transposeB: transposeB, op: "BLAS.multiply")
    }
}
