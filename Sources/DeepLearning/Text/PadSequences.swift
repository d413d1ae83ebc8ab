/// Which end of a sequence padding is added to or tokens are cut from.
public enum SequenceSide: Sendable, Hashable {
    /// The beginning, so the last tokens stay next to the end of the sequence (Keras's default).
    case pre

    /// The end.
    case post
}

/// Makes every sequence `maxLength` long by padding short ones with `value` and cutting long ones,
/// like Keras's `pad_sequences`.
///
/// - Parameters:
///   - maxLength: The length of every result; `nil` uses the longest sequence's length.
///   - padding: Where `value` is added to short sequences.
///   - truncating: Which end loses tokens when a sequence is too long.
///   - value: The padding index, `Tokenizer.paddingIndex` by default.
public func padSequences(
    _ sequences: [[Int]],
    maxLength: Int? = nil,
    padding: SequenceSide = .pre,
    truncating: SequenceSide = .pre,
    value: Int = Tokenizer.paddingIndex
) -> [[Int]] {
    let length = maxLength ?? sequences.map(\.count).max() ?? 0
    precondition(length >= 0, "padSequences: maxLength must not be negative; got \(length)")

    return sequences.map { sequence in
        let remaining: ArraySlice<Int>
        if sequence.count > length {
            remaining = truncating == .pre ? sequence.suffix(length) : sequence.prefix(length)
        } else {
            remaining = sequence[...]
        }

        let fill = Array(repeating: value, count: length - remaining.count)
        return padding == .pre ? fill + remaining : Array(remaining) + fill
    }
}
