/// Turns texts into sequences of integer token indices and back, like Keras's `Tokenizer` and
/// `TextVectorization`.
///
/// The vocabulary is built by `fit(onTexts:)` and is laid out as follows:
///
/// | index | token | meaning |
/// | --- | --- | --- |
/// | 0 | `""` | padding: `padSequences` fills with it and `texts(for:)` skips it |
/// | 1 | `"[UNK]"` | out of vocabulary: any token that was not kept |
/// | 2, 3, … | tokens | by descending count; equal counts in order of first appearance |
///
/// ```swift
/// var tokenizer = Tokenizer(maxTokens: 20_000, split: .chineseCharactersAndWords, ngrams: 2)
/// tokenizer.fit(onTexts: reviews.train.texts)
/// let sequences = tokenizer.sequences(for: reviews.train.texts)
/// ```
public struct Tokenizer: Sendable {
    /// The index that stands for padding; no token maps to it.
    public static let paddingIndex = 0

    /// The index of every token outside the vocabulary.
    public static let outOfVocabularyIndex = 1

    /// The token that `texts(for:)` writes for `outOfVocabularyIndex`.
    public static let outOfVocabularyToken = "[UNK]"

    /// The largest vocabulary size, counting the padding and out-of-vocabulary entries;
    /// `nil` keeps every token seen.
    public let maxTokens: Int?

    /// How text is cut into tokens.
    public let split: Split

    /// The clean-up applied before splitting.
    public let standardization: Standardization

    /// The longest n-gram made from neighbouring tokens; 1 means single tokens only, 2 adds bigrams.
    public let ngrams: Int

    /// The tokens by index: `vocabulary[0]` is `""`, `vocabulary[1]` is `"[UNK]"`.
    public private(set) var vocabulary: [String]

    /// How often each token occurred in the texts passed to `fit(onTexts:)`, including tokens
    /// that did not make it into the vocabulary.
    public private(set) var tokenCounts: [String: Int] = [:]

    private var indexByToken: [String: Int]
    private var firstAppearance: [String: Int] = [:]

    /// Creates a tokenizer with an empty vocabulary; call `fit(onTexts:)` next.
    public init(
        maxTokens: Int? = nil,
        split: Split = .characters,
        standardization: Standardization = .default,
        ngrams: Int = 1
    ) {
        if let maxTokens {
            precondition(maxTokens >= 2, "Tokenizer: maxTokens counts padding and [UNK], so it must be at least 2; got \(maxTokens)")
        }
        precondition(ngrams >= 1, "Tokenizer: ngrams must be at least 1; got \(ngrams)")
        self.maxTokens = maxTokens
        self.split = split
        self.standardization = standardization
        self.ngrams = ngrams
        vocabulary = ["", Self.outOfVocabularyToken]
        indexByToken = [:]
    }

    /// The number of indices in use, padding and `[UNK]` included: the `inputDimension` of an
    /// embedding layer or the `dimension` of `multiHot`.
    public var vocabularySize: Int {
        vocabulary.count
    }

    /// Counts the tokens of `texts` and rebuilds the vocabulary from all counts so far.
    ///
    /// Calling it again adds to the earlier counts, as Keras's `fit_on_texts` does.
    public mutating func fit(onTexts texts: [String]) {
        for text in texts {
            for token in tokens(in: text) {
                tokenCounts[token, default: 0] += 1
                if firstAppearance[token] == nil {
                    firstAppearance[token] = firstAppearance.count
                }
            }
        }

        // The reserved entries are skipped so that a literal "[UNK]" in a text cannot take a
        // second index.
        let ranked = tokenCounts
            .filter { $0.key != "" && $0.key != Self.outOfVocabularyToken }
            .map { (token: $0.key, count: $0.value, first: firstAppearance[$0.key]!) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.first < $1.first }
            .map(\.token)
        let mostFrequent = maxTokens.map { Array(ranked.prefix($0 - 2)) } ?? ranked
        setVocabulary(["", Self.outOfVocabularyToken] + mostFrequent)
    }

    /// Returns the index of `token`, or `outOfVocabularyIndex` when the vocabulary lacks it.
    public func index(of token: String) -> Int {
        indexByToken[token] ?? Self.outOfVocabularyIndex
    }

    /// Returns the token indices of one text.
    public func sequence(for text: String) -> [Int] {
        tokens(in: text).map(index(of:))
    }

    /// Returns the token indices of each text, in the order of `texts`.
    public func sequences(for texts: [String]) -> [[Int]] {
        texts.map(sequence(for:))
    }

    /// Returns the text that a sequence of indices stands for, skipping padding and writing
    /// `[UNK]` for out-of-vocabulary indices.
    ///
    /// Standardization cannot be undone, so the text comes back lowercased and without the
    /// stripped characters. Sequences made with `ngrams` above 1 contain the n-grams too.
    public func text(for sequence: [Int]) -> String {
        let tokens = sequence.compactMap { index -> String? in
            precondition(index >= 0 && index < vocabulary.count, "Tokenizer.text(for:): index \(index) is outside the vocabulary of \(vocabulary.count) tokens")
            return index == Self.paddingIndex ? nil : vocabulary[index]
        }
        return joined(tokens)
    }

    /// Returns the text of each sequence; see `text(for:)`.
    public func texts(for sequences: [[Int]]) -> [String] {
        sequences.map(text(for:))
    }

    /// Replaces the vocabulary with `tokens`, whose position is their index.
    mutating func setVocabulary(_ tokens: [String]) {
        vocabulary = tokens
        indexByToken = Dictionary(uniqueKeysWithValues: tokens.enumerated().dropFirst(2).map { ($1, $0) })
    }
}
