extension Tokenizer {
    /// How a tokenizer cuts standardized text into tokens.
    public enum Split: Sendable, Hashable {
        /// Every character is a token: Chinese text, or character-level text generation.
        case characters

        /// Runs of characters between whitespace are tokens: English and other languages that
        /// separate words with spaces.
        case words

        /// Each Chinese (ideographic) character is a token, and runs of other letters and digits
        /// between them, such as `AMD` or `2999`, are words. Suits Chinese reviews that mix in
        /// Latin product names and numbers.
        case chineseCharactersAndWords
    }

    /// The clean-up applied to text before it is split.
    public struct Standardization: OptionSet, Sendable, Hashable {
        public let rawValue: Int

        public init(rawValue: Int) {
            self.rawValue = rawValue
        }

        /// Lowercases the text, so `Good` and `good` are one token.
        public static let lowercase = Standardization(rawValue: 1 << 0)

        /// Removes punctuation and symbols (Unicode categories P and S, which include Chinese
        /// marks such as `，` and `。`). A removed character separates tokens.
        public static let stripPunctuation = Standardization(rawValue: 1 << 1)

        /// Drops whitespace characters in `.characters` splitting instead of making them tokens.
        /// The other splits always treat whitespace as a separator.
        public static let stripWhitespace = Standardization(rawValue: 1 << 2)

        /// Lowercase, strip punctuation and whitespace: the setting for classification.
        public static let `default`: Standardization = [.lowercase, .stripPunctuation, .stripWhitespace]
    }

    /// Splits `text` into tokens as this tokenizer does before looking tokens up.
    ///
    /// Unigrams come first in text order. With `ngrams` above 1, the bigrams follow, then the
    /// trigrams and so on. An n-gram never reaches across removed punctuation, nor across
    /// whitespace in the two character splits.
    public func tokens(in text: String) -> [String] {
        let segments = segments(of: standardization.contains(.lowercase) ? text.lowercased() : text)
        var tokens = segments.flatMap { $0 }
        guard ngrams > 1 else { return tokens }

        for length in 2...ngrams {
            for segment in segments where segment.count >= length {
                for start in 0...(segment.count - length) {
                    tokens.append(joined(segment[start..<(start + length)]))
                }
            }
        }
        return tokens
    }

    /// Joins tokens back into text: words with a space between them, characters without one.
    func joined<Tokens: Collection<String>>(_ tokens: Tokens) -> String {
        switch split {
        case .characters:
            return tokens.joined()
        case .words:
            return tokens.joined(separator: " ")
        case .chineseCharactersAndWords:
            var text = ""
            var previousIsWord = false
            for token in tokens {
                let isWord = !token.isChineseCharacter
                if isWord && previousIsWord {
                    text += " "
                }
                text += token
                previousIsWord = isWord
            }
            return text
        }
    }

    /// Cuts text into runs of tokens that n-grams may span.
    private func segments(of text: String) -> [[String]] {
        var segments: [[String]] = []
        var segment: [String] = []
        var word = ""

        func endWord() {
            if !word.isEmpty {
                segment.append(word)
                word = ""
            }
        }
        func endSegment() {
            endWord()
            if !segment.isEmpty {
                segments.append(segment)
                segment = []
            }
        }

        for character in text {
            let isPunctuation = character.isPunctuation || character.isSymbol
            if isPunctuation && standardization.contains(.stripPunctuation) {
                endSegment()
                continue
            }

            switch split {
            case .characters:
                if character.isWhitespace {
                    endSegment()
                    if !standardization.contains(.stripWhitespace) {
                        segments.append([String(character)])
                    }
                } else {
                    segment.append(String(character))
                }

            case .words:
                if character.isWhitespace {
                    endWord()
                } else {
                    word.append(character)
                }

            case .chineseCharactersAndWords:
                if character.isWhitespace {
                    endSegment()
                } else if character.isChineseCharacter || isPunctuation {
                    endWord()
                    segment.append(String(character))
                } else {
                    word.append(character)
                }
            }
        }
        endSegment()
        return segments
    }
}

extension Character {
    /// Whether this is a CJK ideograph (Unicode property Ideographic), such as `好` or `〇`.
    var isChineseCharacter: Bool {
        unicodeScalars.first?.properties.isIdeographic ?? false
    }
}

extension String {
    var isChineseCharacter: Bool {
        count == 1 && first!.isChineseCharacter
    }
}
