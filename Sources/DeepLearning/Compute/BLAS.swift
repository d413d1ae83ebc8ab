internal import CBLAS

/// Matrix products through OpenBLAS, and the number of threads the library computes with.
///
/// OpenBLAS itself runs single-threaded here, and the library splits each large product into one
/// `sgemm` call per thread (by rows, by columns, or by the inner dimension, whichever is largest).
/// OpenBLAS's own threading spins and yields while waiting for work, which cost more than it saved
/// on the skinny products of small convnets (for example 43264×9 · 9×32) when the cores were busy,
/// and splitting ourselves keeps each thread's share the same from call to call, so results are
/// reproducible for a given thread count.
public enum BLAS {
    nonisolated(unsafe) private static var configuredThreadCount: Int?

    /// The number of threads used for matrix products and the batch-parallel loops of convolution,
    /// pooling and bias passes. It is 2 unless set.
    public static var threadCount: Int {
        get {
            ensureConfigured()
            return configuredThreadCount!
        }
        set {
            precondition(newValue >= 1, "BLAS.threadCount: \(newValue) is not a positive thread count")
            configuredThreadCount = newValue
            openblas_set_num_threads(1)
        }
    }

    static func ensureConfigured() {
        if configuredThreadCount == nil {
            threadCount = 2
        }
    }

    /// Products below this many floating-point operations run as one call, where splitting costs
    /// more than it saves.
    static let minimumSplitFlops = 2_000_000

    /// Computes `c = op(a) · op(b) + beta · c` for row-major matrices, where `op` transposes when
    /// asked. `op(a)` is m×k, `op(b)` is k×n and `c` is m×n; `beta` 0 overwrites `c`, 1 accumulates.
    static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
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
        let threads = configuredThreadCount!
        guard threads > 1, 2 * m * n * k >= minimumSplitFlops else {
            singleGemm(transposeA, transposeB, m, n, k, a, lda, b, ldb, c, ldc, beta: beta)
            return
        }

        // Element (i, j) of op(a) is at a[i·lda + j], or at a[j·lda + i] when transposed.
        if m >= n && m >= k {
            Parallel.forEachChunk(m, workPerItem: Parallel.minimumWork, threads: threads) { rows in
                let aStart = transposeA ? a + rows.lowerBound : a + rows.lowerBound * lda
                singleGemm(transposeA, transposeB, rows.count, n, k, aStart, lda, b, ldb, c + rows.lowerBound * ldc, ldc, beta: beta)
            }
        } else if n >= k {
            Parallel.forEachChunk(n, workPerItem: Parallel.minimumWork, threads: threads) { columns in
                let bStart = transposeB ? b + columns.lowerBound * ldb : b + columns.lowerBound
                singleGemm(transposeA, transposeB, m, columns.count, k, a, lda, bStart, ldb, c + columns.lowerBound, ldc, beta: beta)
            }
        } else {
            // Split the inner dimension: each thread computes a partial product, then they are summed.
            let partials = (1..<threads).map { _ in TensorStorage(uninitializedCount: m * n) }
            Parallel.forEachIndexedChunk(k, workPerItem: Parallel.minimumWork, threads: threads) { chunk, inner in
                let aStart = transposeA ? a + inner.lowerBound * lda : a + inner.lowerBound
                let bStart = transposeB ? b + inner.lowerBound : b + inner.lowerBound * ldb
                if chunk == 0 {
                    singleGemm(transposeA, transposeB, m, n, inner.count, aStart, lda, bStart, ldb, c, ldc, beta: beta)
                } else {
                    singleGemm(transposeA, transposeB, m, n, inner.count, aStart, lda, bStart, ldb, partials[chunk - 1].pointer, n, beta: 0)
                }
            }
            for partial in partials {
                for row in 0..<m {
                    let target = c + row * ldc
                    let source = partial.pointer + row * n
                    for column in 0..<n { target[column] += source[column] }
                }
            }
        }
    }

    @inline(__always)
    private static func singleGemm(
        _ transposeA: Bool, _ transposeB: Bool, _ m: Int, _ n: Int, _ k: Int,
        _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
        _ c: UnsafeMutablePointer<Float>, _ ldc: Int, beta: Float
    ) {
        guard m > 0, n > 0, k > 0 else { return }
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
