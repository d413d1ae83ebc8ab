internal import CBLAS

/// The small per-timestep products of the recurrent kernels.
///
/// Each is `[block, units] × [units, gates·units]` or its transpose, a few hundred thousand
/// operations, and it accumulates into its output (`beta` 1). It runs as one single-threaded
/// `sgemm` on the calling thread because the threads are already busy with their own blocks of
/// samples, and a thread pool would only add synchronization at every step.
enum RecurrentProducts {
    /// Computes `c = a · b + beta · c` for row-major `a` (m×k), `b` (k×n) and `c` (m×n).
    @inline(__always)
    static func multiply(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        guard m > 0, n > 0, k > 0 else { return }
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k), 1, a, Int32(lda),
            b, Int32(ldb), beta, c, Int32(ldc))
    }
}
