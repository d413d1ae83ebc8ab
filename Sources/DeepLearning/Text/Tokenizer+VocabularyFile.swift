import Foundation

/// A vocabulary file that cannot be read or does not follow the vocabulary file format.
public enum VocabularyFileError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// The file does not exist or cannot be read as UTF-8.
    case unreadable(path: String, reason: String)

    /// A line breaks the format; `line` counts from 1, as editors do.
    case invalidLine(path: String, line: Int, expected: String, found: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "Cannot read the vocabulary file \(path): \(reason). Save one with Tokenizer.saveVocabulary(to:)."
        case .invalidLine(let path, let line, let expected, let found):
            return "Invalid vocabulary file \(path), line \(line): expected \(expected), found \(found). Save the vocabulary again with Tokenizer.saveVocabulary(to:)."
        }
    }

    public var errorDescription: String? {
        description
    }
}

/// The vocabulary file format: UTF-8 text with one token per line, where a token's index is its
/// line number counted from 0 and every line ends with `\n`.
///
/// - Line 0 is empty (padding, index 0) and line 1 is `[UNK]` (index 1).
/// - Tokens may contain any character: a backslash is written `\\`, a line feed `\n`, a carriage
///   return `\r` and a tab `\t`, so a character-level vocabulary that contains `"\n"` still has
///   one token per line. No other escapes exist.
/// - No token appears twice.
///
/// The file stores only the vocabulary. The split, standardization and n-gram settings are
/// passed again when loading, and must match the ones used to fit.
extension Tokenizer {
    /// Writes the vocabulary in the vocabulary file format.
    public func saveVocabulary(to url: URL) throws {
        let lines = vocabulary.map(Self.escaped)
        let contents = lines.map { $0 + "\n" }.joined()
        try contents.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Creates a tokenizer whose vocabulary is read from a file in the vocabulary file format.
    ///
    /// - Throws: `VocabularyFileError` when the file is missing or breaks the format.
    public init(
        vocabularyFile url: URL,
        split: Split = .characters,
        standardization: Standardization = .default,
        ngrams: Int = 1
    ) throws {
        let path = url.path
        let contents: String
        do {
            contents = try String(contentsOf: url, encoding: .utf8)
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw VocabularyFileError.unreadable(path: path, reason: exists ? "it is not valid UTF-8 text" : "no such file")
        }

        // Splitting the UTF-8 bytes rather than characters keeps "\r\n", a single Swift
        // Character, from hiding a line break.
        let bytes = Array(contents.utf8)
        guard bytes.last == UInt8(ascii: "\n") else {
            throw VocabularyFileError.invalidLine(path: path, line: 1, expected: "lines that each end with a line feed", found: "a last line without one")
        }
        let lines = bytes.dropLast()
            .split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }

        var tokens: [String] = []
        var seen: [String: Int] = [:]
        for (index, line) in lines.enumerated() {
            guard !line.unicodeScalars.contains("\r") else {
                throw VocabularyFileError.invalidLine(path: path, line: index + 1, expected: "lines ending in a line feed alone", found: "a carriage return (Windows line endings?)")
            }
            guard let token = Self.unescaped(line) else {
                throw VocabularyFileError.invalidLine(path: path, line: index + 1, expected: "only the escapes \\\\, \\n, \\r and \\t", found: "\"\(line)\"")
            }
            if let earlier = seen[token] {
                throw VocabularyFileError.invalidLine(path: path, line: index + 1, expected: "a token not listed before", found: "\"\(line)\", already on line \(earlier + 1)")
            }
            seen[token] = index
            tokens.append(token)
        }

        guard tokens.count >= 2, tokens[0] == "", tokens[1] == Self.outOfVocabularyToken else {
            let found = tokens.prefix(2).map { "\"\($0)\"" }.joined(separator: " and ")
            throw VocabularyFileError.invalidLine(path: path, line: 1, expected: "an empty line 1 and \"\(Self.outOfVocabularyToken)\" on line 2", found: found.isEmpty ? "an empty file" : found)
        }

        self.init(maxTokens: nil, split: split, standardization: standardization, ngrams: ngrams)
        setVocabulary(tokens)
    }

    static func escaped(_ token: String) -> String {
        var line = ""
        for character in token {
            switch character {
            case "\\": line += "\\\\"
            case "\n": line += "\\n"
            case "\r": line += "\\r"
            case "\r\n": line += "\\r\\n"
            case "\t": line += "\\t"
            default: line.append(character)
            }
        }
        return line
    }

    static func unescaped(_ line: String) -> String? {
        var token = ""
        var escaping = false
        for character in line {
            if escaping {
                switch character {
                case "\\": token += "\\"
                case "n": token += "\n"
                case "r": token += "\r"
                case "t": token += "\t"
                default: return nil
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                token.append(character)
            }
        }
        return escaping ? nil : token
    }
}
