import Foundation

/// The settings between `---` lines at the very top of a notebook.
public struct FrontMatter: Equatable, Sendable {
    public var title: String?
    /// Language of the page, for `<html lang>` and the page chrome; `zh-CN` unless given.
    public var lang: String = "zh-CN"
    /// Time limit in seconds for running the whole notebook.
    public var timeout: Double?
    public var description: String?
    /// Number of lines the front matter takes, including both `---` lines; 0 without front matter.
    public var lineCount: Int = 0

    public init() {}

    static let knownKeys: Set<String> = ["title", "lang", "timeout", "description"]

    /// Parses the front matter at the top of `source`.
    ///
    /// Each line between the `---` lines is `key: value`, blank, or a `#` comment. A value may be
    /// bare, or quoted with "…" (backslash escapes) or '…' (doubled quote escapes).
    ///
    /// - Returns: the front matter and warnings; throws the errors found.
    static func parse(_ source: SourceText) throws(NotebookParseError) -> (FrontMatter, [NotebookDiagnostic]) {
        var frontMatter = FrontMatter()
        guard let first = source.line(1), first.trimmingTrailingWhitespace() == "---" else {
            return (frontMatter, [])
        }
        guard let closing = source.lines.indices.dropFirst().first(where: { isClosingLine(source.lines[$0]) }) else {
            throw NotebookParseError(diagnostics: [source.diagnostic(.error, line: 1, column: 1, .frontMatterUnclosed)])
        }

        var diagnostics: [NotebookDiagnostic] = []
        var seenKeys: Set<String> = []
        for index in 1..<closing {
            let lineNumber = index + 1
            let line = source.lines[index]
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") {
                continue
            }

            guard let entry = KeyValueLine(line) else {
                diagnostics.append(source.diagnostic(.error, line: lineNumber, column: 1, .frontMatterMalformed(line: trimmed)))
                continue
            }
            if !seenKeys.insert(entry.key).inserted {
                diagnostics.append(source.diagnostic(.error, line: lineNumber, column: entry.keyColumn, .frontMatterDuplicateKey(entry.key)))
                continue
            }
            guard knownKeys.contains(entry.key) else {
                diagnostics.append(source.diagnostic(.warning, line: lineNumber, column: entry.keyColumn, .frontMatterUnknownKey(entry.key)))
                continue
            }
            guard let value = entry.value, !value.isEmpty else {
                let failure = entry.value == nil ? Message.frontMatterMalformed(line: trimmed) : .frontMatterEmptyValue(entry.key)
                diagnostics.append(source.diagnostic(.error, line: lineNumber, column: entry.valueColumn, failure))
                continue
            }

            switch entry.key {
            case "title":
                frontMatter.title = value
            case "lang":
                frontMatter.lang = value
            case "description":
                frontMatter.description = value
            case "timeout":
                guard let seconds = Double(value), seconds > 0, seconds.isFinite else {
                    diagnostics.append(source.diagnostic(.error, line: lineNumber, column: entry.valueColumn, .frontMatterBadTimeout(value)))
                    continue
                }
                frontMatter.timeout = seconds
            default:
                break
            }
        }

        if diagnostics.contains(where: { $0.severity == .error }) {
            throw NotebookParseError(diagnostics: diagnostics)
        }
        frontMatter.lineCount = closing + 1
        return (frontMatter, diagnostics)
    }

    private static func isClosingLine(_ line: String) -> Bool {
        let trimmed = line.trimmingTrailingWhitespace()
        return trimmed == "---" || trimmed == "..."
    }
}

/// One `key: value` line of front matter or of a cell option, with the columns of its parts.
struct KeyValueLine {
    var key: String
    /// The unquoted value; nil when a quoted value is not closed.
    var value: String?
    var keyColumn: Int
    var valueColumn: Int

    /// Parses `line`; returns nil unless it has the form `key: value` with a valid key.
    ///
    /// - Parameter columnOffset: columns before `line` in the notebook line, added to the columns.
    init?(_ line: String, columnOffset: Int = 0) {
        let characters = Array(line)
        var index = 0
        while index < characters.count, characters[index] == " " || characters[index] == "\t" {
            index += 1
        }
        let keyStart = index
        while index < characters.count, characters[index].isLetter || characters[index].isNumber
            || characters[index] == "-" || characters[index] == "_" {
            index += 1
        }
        guard index > keyStart, characters[keyStart].isLetter, index < characters.count, characters[index] == ":" else {
            return nil
        }
        key = String(characters[keyStart..<index])
        keyColumn = columnOffset + keyStart + 1

        index += 1
        while index < characters.count, characters[index] == " " || characters[index] == "\t" {
            index += 1
        }
        valueColumn = columnOffset + index + 1
        value = KeyValueLine.unquote(String(characters[index...]).trimmingTrailingWhitespace())
    }

    /// Removes the quotes around a value; returns nil for an unclosed quote.
    static func unquote(_ raw: String) -> String? {
        guard let quote = raw.first, quote == "\"" || quote == "'" else {
            return raw
        }
        guard raw.count >= 2, raw.last == quote else {
            return nil
        }
        let inner = String(raw.dropFirst().dropLast())
        if quote == "'" {
            return inner.replacingOccurrences(of: "''", with: "'")
        }

        var result = ""
        var escaping = false
        for character in inner {
            if escaping {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}

extension String {
    func trimmingWhitespace() -> String {
        trimmingCharacters(in: .whitespaces)
    }

    func trimmingTrailingWhitespace() -> String {
        var result = self
        while let last = result.last, last == " " || last == "\t" {
            result.removeLast()
        }
        return result
    }
}
