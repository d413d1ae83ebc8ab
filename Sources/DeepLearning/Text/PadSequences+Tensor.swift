extension Tensor {
    /// Creates the `[sequences.count, length]` input of an ``Embedding`` layer: token id sequences
    /// padded or cut as ``padSequences(_:maxLength:padding:truncating:value:)`` does, with the ids
    /// stored as `Float`.
    ///
    /// Padding uses `Tokenizer.paddingIndex` (0), which `Embedding(maskZero: true)` masks. Every id up
    /// to 2²⁴ is exact as `Float`.
    public init(
        paddedSequences sequences: [[Int]], maxLength: Int? = nil, padding: SequenceSide = .pre,
        truncating: SequenceSide = .pre
    ) {
        let padded = padSequences(sequences, maxLength: maxLength, padding: padding, truncating: truncating)
        let length = padded.first?.count ?? (maxLength ?? 0)
        var scalars: [Float] = []
        scalars.reserveCapacity(padded.count * length)
        for sequence in padded {
            for id in sequence {
                precondition(
                    id >= 0 && id <= 1 << 24,
                    "Tensor(paddedSequences:): token id \(id) is not in 0...16,777,216, the ids Float holds exactly")
                scalars.append(Float(id))
            }
        }
        self.init(shape: [padded.count, length], scalars: scalars)
    }
}
