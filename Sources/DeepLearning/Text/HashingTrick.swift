/// Returns the 64-bit FNV-1a hash of the text's UTF-8 bytes.
///
/// Swift's `Hasher` is seeded anew in every process, so its values cannot index features that a
/// saved model or a second run must find again. FNV-1a (Fowler, Noll and Vo) gives the same value
/// everywhere: `fnv1a64("")` is `0xcbf29ce484222325` and `fnv1a64("a")` is `0xaf63dc4c8601ec8c`.
public func fnv1a64(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01b3
    }
    return hash
}

/// Maps each token to an index in `1..<dimension` by its FNV-1a hash, without a vocabulary: the
/// hashing trick, like Keras's `hashing_trick`.
///
/// Index 0 is left free for padding. Different tokens can share an index (a collision), which is
/// the price of not storing a vocabulary; a larger `dimension` makes collisions rarer.
public func hashingTrick(_ tokens: [String], dimension: Int) -> [Int] {
    precondition(dimension >= 2, "hashingTrick: dimension must be at least 2, because index 0 is kept for padding; got \(dimension)")
    let buckets = UInt64(dimension - 1)
    return tokens.map { 1 + Int(fnv1a64($0) % buckets) }
}
