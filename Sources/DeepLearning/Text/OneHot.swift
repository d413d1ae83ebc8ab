/// Encodes class indices as rows of a `[indices.count, dimension]` matrix with a single 1 in each row,
/// like Keras's `to_categorical`.
///
/// - Returns: The row-major scalars and the shape `[indices.count, dimension]`.
public func oneHot(_ indices: [Int], dimension: Int) -> (scalars: [Float], shape: [Int]) {
    precondition(dimension > 0, "oneHot: dimension must be positive; got \(dimension)")
    var scalars = [Float](repeating: 0, count: indices.count * dimension)
    for (row, index) in indices.enumerated() {
        precondition(index >= 0 && index < dimension, "oneHot: index \(index) at position \(row) is outside 0..<\(dimension)")
        scalars[row * dimension + index] = 1
    }
    return (scalars, [indices.count, dimension])
}

/// Encodes sequences of equal length token by token, for character-level models whose inputs are
/// `[sequences, length, dimension]`.
///
/// - Returns: The row-major scalars and the shape `[sequences.count, length, dimension]`.
public func oneHot(sequences: [[Int]], dimension: Int) -> (scalars: [Float], shape: [Int]) {
    let length = sequences.first?.count ?? 0
    for (position, sequence) in sequences.enumerated() where sequence.count != length {
        preconditionFailure("oneHot(sequences:): sequence \(position) has \(sequence.count) tokens but sequence 0 has \(length); pad them with padSequences first")
    }
    let encoded = oneHot(sequences.flatMap { $0 }, dimension: dimension)
    return (encoded.scalars, [sequences.count, length, dimension])
}

/// Encodes each sequence as one row with a 1 at every index that occurs in it, the bag-of-words
/// input of a dense classifier.
///
/// A repeated index still gives 1, and the padding index 0 is set like any other when present.
///
/// - Returns: The row-major scalars and the shape `[sequences.count, dimension]`.
public func multiHot(_ sequences: [[Int]], dimension: Int) -> (scalars: [Float], shape: [Int]) {
    precondition(dimension > 0, "multiHot: dimension must be positive; got \(dimension)")
    var scalars = [Float](repeating: 0, count: sequences.count * dimension)
    for (row, sequence) in sequences.enumerated() {
        for index in sequence {
            precondition(index >= 0 && index < dimension, "multiHot: index \(index) in sequence \(row) is outside 0..<\(dimension); pass the tokenizer's vocabularySize as dimension")
            scalars[row * dimension + index] = 1
        }
    }
    return (scalars, [sequences.count, dimension])
}
