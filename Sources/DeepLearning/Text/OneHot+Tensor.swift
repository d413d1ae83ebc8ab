extension Tensor {
    /// Creates a `[sequences.count, dimension]` tensor with a 1 at each token index present in a
    /// sequence, the input of a bag-of-words `Dense` network (see ``multiHot(_:dimension:)``).
    public init(multiHot sequences: [[Int]], dimension: Int) {
        let (scalars, shape) = DeepLearning.multiHot(sequences, dimension: dimension)
        self.init(shape: shape, scalars: scalars)
    }

    /// Creates a `[labels.count, dimension]` one-hot encoding of class labels, the targets of
    /// categorical cross-entropy (see ``oneHot(_:dimension:)``).
    public init(oneHot labels: [Int], dimension: Int) {
        let (scalars, shape) = DeepLearning.oneHot(labels, dimension: dimension)
        self.init(shape: shape, scalars: scalars)
    }

    /// Creates a rank-1 tensor of integer labels or token ids stored as `Float`, the targets of
    /// binary and sparse categorical cross-entropy. Every integer up to 2²⁴ is exact.
    public init(labels: [Int]) {
        precondition(
            labels.allSatisfy { Swift.abs($0) <= 1 << 24 },
            "Tensor(labels:): a label exceeds 16,777,216 in magnitude and would not be exact as Float")
        self.init(shape: [labels.count], scalars: labels.map(Float.init))
    }
}
