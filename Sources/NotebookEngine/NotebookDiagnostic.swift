/// A problem found in a notebook, pointing at a file, line and column.
///
/// Its description reads like a compiler's: `file:line:column: error: message`, then the
/// source line and a caret under the column.
public struct NotebookDiagnostic: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Severity: String, Codable, Sendable {
        case error
        case warning
    }

    public var severity: Severity
    public var file: String
    /// One-based line number in the notebook file.
    public var line: Int
    /// One-based column, counted in characters.
    public var column: Int
    public var message: String
    /// The text of the notebook line, if known, for the caret display.
    public var sourceLine: String?

    public init(severity: Severity, file: String, line: Int, column: Int, message: String, sourceLine: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.sourceLine = sourceLine
    }

    /// The first line: `file:line:column: severity: message`.
    public var headline: String {
        "\(file):\(line):\(column): \(severity.rawValue): \(message)"
    }

    /// The source line and a caret line under the column, or nothing without a source line.
    public var caretLines: [String] {
        guard let sourceLine else { return [] }
        return [sourceLine, caretLine(under: sourceLine, column: column)]
    }

    public var description: String {
        ([headline] + caretLines).joined(separator: "\n")
    }
}

/// Returns a line with `^` under one-based `column` of `sourceLine`.
///
/// Tabs stay tabs and wide characters count double, so the caret lines up in a terminal.
func caretLine(under sourceLine: String, column: Int) -> String {
    let padding = sourceLine.prefix(max(0, column - 1)).map { character -> String in
        if character == "\t" { return "\t" }
        return character.isWide ? "  " : " "
    }
    return padding.joined() + "^"
}

extension Character {
    /// Whether a terminal draws this character two columns wide (CJK ideographs, kana, Hangul, full-width forms).
    var isWide: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
