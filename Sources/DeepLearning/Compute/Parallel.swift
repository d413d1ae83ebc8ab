import Dispatch

/// Splits loops over independent items (images in a batch, rows of a matrix) across threads.
enum Parallel {
    /// Work below this many scalar operations runs on the calling thread, where dispatch overhead
    /// (a few microseconds) would outweigh the gain.
    static let minimumWork = 1 << 16

    /// Calls `body` on disjoint subranges covering `0..<count`, in parallel over `BLAS.threadCount`
    /// threads when `count × workPerItem` is large enough. `body` must only write data owned by
    /// its subrange.
    static func forEachChunk(_ count: Int, workPerItem: Int, threads: Int? = nil, _ body: (Range<Int>) -> Void) {
        forEachIndexedChunk(count, workPerItem: workPerItem, threads: threads) { _, range in body(range) }
    }

    /// Like `forEachChunk`, also passing the chunk's index (0 for the first subrange).
    static func forEachIndexedChunk(_ count: Int, workPerItem: Int, threads: Int? = nil, _ body: (Int, Range<Int>) -> Void) {
        let threads = Swift.min(threads ?? BLAS.threadCount, count)
        guard threads > 1, count * workPerItem >= minimumWork else {
            body(0, 0..<count)
            return
        }
        DispatchQueue.concurrentPerform(iterations: threads) { chunk in
            let start = count * chunk / threads
            let end = count * (chunk + 1) / threads
            body(chunk, start..<end)
        }
    }
}
