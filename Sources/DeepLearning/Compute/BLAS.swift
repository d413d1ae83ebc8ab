internal import CBLAS

/// Settings of the OpenBLAS library that performs the matrix products.
public enum BLAS {
    nonisolated(unsafe) private static var configuredThreadCount: Int?

    /// The number of threads OpenBLAS uses for one matrix product. The library sets it to 2 on first
    /// use unless it was set before.
    public static var threadCount: Int {
        get {
            ensureConfigured()
            return configuredThreadCount!
        }
        set {
            precondition(newValue >= 1, "BLAS.threadCount: \(newValue) is not a positive thread count")
            configuredThreadCount = newValue
            openblas_set_num_threads(Int32(newValue))
        }
    }

    static func ensureConfigured() {
        if configuredThreadCount == nil {
            threadCount = 2
        }
    }

    /// Computes `c = alpha * op(a) * op(b) + beta * c` for row-major matrices, where `op` transposes
    /// when asked. `a` is m×k after `op`, `b` is k×n after `op`, `c` is m×n.
    @inline(__always)
    static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        ensureConfigured()
        if m == 0 || n == 0 { return }
        if k == 0 {
            if beta == 0 {
                for row in 0..<m { (c + row * ldc).update(repeating: 0, count: n) }
            }
            return
        }
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
