import Foundation

/// The text of a notebook file, decoded and split into lines.
///
/// Decoding strips a UTF-8 byte order mark and turns CRLF and lone CR line endings into LF,
/// as CommonMark treats all three as line endings.
public struct SourceText: Sendable {
    /// The path as given by the caller; diagnostics print it unchanged.
    public let path: String
    /// The whole text with LF line endings.
    public let text: String
    /// The lines without their line endings; `lines[0]` is line 1.
    public let lines: [String]

    /// Returns the one-based line and column of byte `offset`, counting CRLF, CR and LF as line
    /// endings and columns in characters, as the other diagnostics do. The bytes from
    /// `textStart` up to `offset` must be valid UTF-8.
    static func position(of offset: Int, in bytes: [UInt8], textStart: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = textStart
        var index = textStart
        while index < offset {
            let byte = bytes[index]
            let endsCRLF = byte == UInt8(ascii: "\r") && index + 1 < offset && bytes[index + 1] == UInt8(ascii: "\n")
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                index += endsCRLF ? 2 : 1
                line += 1
                lineStart = index
            } else {
                index += 1
            }
        }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return (line, column)
    }

    /// Decodes `bytes` read from `path`.
    ///
    /// - Throws: `NotebookDiagnostic` at the line and column of the first byte that is not
    ///   valid UTF-8, naming its byte offset (counted in the file, BOM included).
    public init(bytes: [UInt8], path: String) throws {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            start = 3
        }
        let body = bytes[start...]
        if let offset = firstInvalidUTF8Offset(body) {
            let (line, column) = Self.position(of: start + offset, in: bytes, textStart: start)
            throw NotebookDiagnostic(severity: .error, file: path, line: line, column: column,
                                     message: Message.notUTF8(path: path, offset: start + offset).text())
        }

        let decoded = String(decoding: body, as: UTF8.self)
        let normalized = decoded.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        self.path = path
        self.text = normalized
        var lines = normalized.components(separatedBy: "\n")
        if normalized.hasSuffix("\n") {
            lines.removeLast()
        }
        self.lines = normalized.isEmpty ? [] : lines
    }

    /// Reads and decodes the file at `path`.
    public init(contentsOf path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw NotebookDiagnostic(severity: .error, file: path, line: 1, column: 1,
                                     message: Message.fileUnreadable(path: path, reason: describe(error)).text())
        }
        try self.init(bytes: [UInt8](data), path: path)
    }

    /// Returns line `number` (one-based), or nil past the end.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }

    /// Returns a diagnostic at `line`:`column` with the line's text attached.
    func diagnostic(_ severity: NotebookDiagnostic.Severity, line: Int, column: Int, _ message: Message) -> NotebookDiagnostic {
        NotebookDiagnostic(severity: severity, file: path, line: line, column: column,
                           message: message.text(), sourceLine: self.line(line))
    }
}

/// Returns the offset of the first byte that does not belong to a valid UTF-8 sequence.
func firstInvalidUTF8Offset<Bytes: Collection>(_ bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while true {
        switch decoder.decode(&iterator) {
        case let .scalarValue(scalar):
            offset += UTF8.width(scalar)
        case .emptyInput:
            return nil
        case .error:
            return offset
        }
    }
}

/// Returns a short human-readable reason for an error from Foundation or the system.
func describe(_ error: any Error) -> String {
    if let diagnostic = error as? NotebookDiagnostic {
        return diagnostic.message
    }
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
        return String(cString: strerror(Int32(underlying.code)))
    }
    if nsError.domain == NSPOSIXErrorDomain {
        return String(cString: strerror(Int32(nsError.code)))
    }
    return nsError.localizedDescription
}
