/// Text written to a terminal-like stream, reduced to what a terminal would finally show.
///
/// Bytes arrive in chunks of any size. `\r` returns to the start of the line and later text
/// overwrites it, `\b` steps back one character, ANSI escape sequences and other control
/// characters are dropped, and invalid UTF-8 becomes U+FFFD. The kept text is the start of the
/// stream, at most `limit` bytes and cut between characters. Everything after the cut is only
/// counted, in `droppedBytes`.
public struct TerminalText: Sendable {
    public let limit: Int
    /// Finished lines, each with its newline.
    public private(set) var settled = ""
    public private(set) var droppedBytes = 0

    private var settledBytes = 0
    /// Set once text was dropped, so later lines are dropped too and the kept text stays a prefix.
    private var truncated = false
    private var line: [Unicode.Scalar] = []
    private var cursor = 0
    private var partialSequence: [UInt8] = []
    private var escape = EscapeState.none

    private enum EscapeState {
        case none
        case start
        case controlSequence
        case operatingSystemCommand
        case operatingSystemCommandEscape
    }

    public init(limit: Int) {
        self.limit = limit
    }

    /// The text so far, including the unfinished last line until `finish()` settles it.
    public var text: String {
        var result = settled
        result.unicodeScalars.append(contentsOf: line)
        return result
    }

    /// Whether nothing visible was written.
    public var isEmpty: Bool {
        settled.isEmpty && line.isEmpty && droppedBytes == 0
    }

    /// Feeds raw bytes from the stream.
    public mutating func append<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        var input = partialSequence
        input.append(contentsOf: bytes)
        let complete = input.count - incompleteSuffixLength(input)
        partialSequence = Array(input[complete...])

        for scalar in String(decoding: input[..<complete], as: UTF8.self).unicodeScalars {
            consume(scalar)
        }
    }

    /// Ends the stream: an incomplete UTF-8 sequence becomes U+FFFD, and an unfinished last
    /// line is kept (without a newline) or dropped like any other line.
    public mutating func finish() {
        if !partialSequence.isEmpty {
            partialSequence = []
            consume("\u{FFFD}")
        }
        guard !line.isEmpty else { return }
        settle(String(String.UnicodeScalarView(line)))
        line.removeAll()
        cursor = 0
    }

    private mutating func consume(_ scalar: Unicode.Scalar) {
        switch escape {
        case .start:
            switch scalar {
            case "[": escape = .controlSequence
            case "]": escape = .operatingSystemCommand
            default: escape = .none
            }
            return
        case .controlSequence:
            if (0x40...0x7E).contains(scalar.value) {
                escape = .none
            }
            return
        case .operatingSystemCommand:
            if scalar == "\u{07}" {
                escape = .none
            } else if scalar == "\u{1B}" {
                escape = .operatingSystemCommandEscape
            }
            return
        case .operatingSystemCommandEscape:
            escape = scalar == "\\" ? .none : .operatingSystemCommand
            return
        case .none:
            break
        }

        switch scalar {
        case "\u{1B}":
            escape = .start
        case "\n":
            finishLine()
        case "\r":
            cursor = 0
        case "\u{08}":
            cursor = max(0, cursor - 1)
        case "\t":
            put(scalar)
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                return
            }
            put(scalar)
        }
    }

    private mutating func put(_ scalar: Unicode.Scalar) {
        if truncated {
            droppedBytes += UTF8.width(scalar)
            return
        }
        if cursor < line.count {
            line[cursor] = scalar
        } else if line.count < limit {
            line.append(scalar)
        } else {
            // The line alone is past the limit: keep counting what is lost.
            droppedBytes += UTF8.width(scalar)
            return
        }
        cursor += 1
    }

    private mutating func finishLine() {
        var finished = String(String.UnicodeScalarView(line))
        finished.append("\n")
        settle(finished)
        line.removeAll(keepingCapacity: true)
        cursor = 0
    }

    /// Appends `text` to the settled text, or as much of its start as fits in whole characters,
    /// and counts the rest as dropped.
    private mutating func settle(_ text: String) {
        let size = text.utf8.count
        if !truncated && settledBytes + size <= limit {
            settled += text
            settledBytes += size
            return
        }

        var keptBytes = 0
        if !truncated {
            var kept = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                let width = UTF8.width(scalar)
                guard settledBytes + keptBytes + width <= limit else { break }
                kept.append(scalar)
                keptBytes += width
            }
            settled.unicodeScalars.append(contentsOf: kept)
            settledBytes += keptBytes
        }
        truncated = true
        droppedBytes += size - keptBytes
    }
}

/// Returns how many bytes at the end of `bytes` start a UTF-8 sequence that is not yet complete.
private func incompleteSuffixLength(_ bytes: [UInt8]) -> Int {
    let lookback = min(3, bytes.count)
    for distance in 1...max(1, lookback) where distance <= bytes.count {
        let byte = bytes[bytes.count - distance]
        if byte & 0xC0 == 0x80 {
            continue
        }
        let expected: Int
        switch byte {
        case 0xC0...0xDF: expected = 2
        case 0xE0...0xEF: expected = 3
        case 0xF0...0xF7: expected = 4
        default: expected = 1
        }
        return expected > distance ? distance : 0
    }
    return 0
}
