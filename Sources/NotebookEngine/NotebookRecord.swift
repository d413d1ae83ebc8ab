import NotebookEvents

/// The stored result of rendering one notebook: `outputs.json` beside the page.
public struct NotebookRecord: Codable, Equatable, Sendable {
    public static let currentFormatVersion = 1

    public var formatVersion = NotebookRecord.currentFormatVersion
    /// The notebook path as given on the command line.
    public var notebook: String
    public var title: String
    public var cells: [CellRecord]
    /// A failure not tied to any cell, such as a link error.
    public var notebookError: ErrorOutput?

    public init(notebook: String, title: String, cells: [CellRecord], notebookError: ErrorOutput? = nil) {
        self.notebook = notebook
        self.title = title
        self.cells = cells
        self.notebookError = notebookError
    }

    /// Whether every cell ended as the notebook expects.
    public var succeeded: Bool {
        notebookError == nil && cells.allSatisfy { $0.status.isSuccess }
    }
}

/// The stored result of one `swift` cell.
public struct CellRecord: Codable, Equatable, Sendable {
    public var index: Int
    public var label: String?
    /// Cache key: SHA-256 over the cell's code and options, the previous cell's key, the
    /// compiler version and the notebook library's fingerprint.
    public var key: String
    /// SHA-256 of the cell's code and options alone.
    public var sourceHash: String
    public var status: CellStatus
    /// Wall-clock seconds the cell ran, if it ran.
    public var wallSeconds: Double?
    public var outputs: [CellOutput]

    public init(index: Int, label: String?, key: String, sourceHash: String, status: CellStatus,
                wallSeconds: Double? = nil, outputs: [CellOutput] = []) {
        self.index = index
        self.label = label
        self.key = key
        self.sourceHash = sourceHash
        self.status = status
        self.wallSeconds = wallSeconds
        self.outputs = outputs
    }
}

/// The outcome of a cell.
public enum CellStatus: String, Codable, Sendable {
    case ok
    case error
    /// The cell has `error: true` and failed, as expected.
    case expectedError = "expected-error"
    /// An earlier cell failed, so this one did not run.
    case notRun = "not-run"
    case timedOut = "timed-out"
    /// The cell has `eval: false`.
    case skipped

    var isSuccess: Bool {
        switch self {
        case .ok, .expectedError, .skipped: return true
        case .error, .notRun, .timedOut: return false
        }
    }
}

/// One piece of a cell's output, in the order the cell produced it.
///
/// In `outputs.json` each piece is an object with a `type` and one field of that name:
/// `{"type": "stream", "stream": {…}}`.
public enum CellOutput: Codable, Equatable, Sendable {
    case stream(StreamOutput)
    case table(DisplayedTable)
    case image(StoredImage)
    case markdown(String)
    case error(ErrorOutput)

    private enum CodingKeys: String, CodingKey {
        case type, stream, table, image, markdown, error
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch CodingKeys(rawValue: type) {
        case .stream: self = .stream(try container.decode(StreamOutput.self, forKey: .stream))
        case .table: self = .table(try container.decode(DisplayedTable.self, forKey: .table))
        case .image: self = .image(try container.decode(StoredImage.self, forKey: .image))
        case .markdown: self = .markdown(try container.decode(String.self, forKey: .markdown))
        case .error: self = .error(try container.decode(ErrorOutput.self, forKey: .error))
        case .type, nil:
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "unknown output type '\(type)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .stream(value):
            try container.encode("stream", forKey: .type)
            try container.encode(value, forKey: .stream)
        case let .table(value):
            try container.encode("table", forKey: .type)
            try container.encode(value, forKey: .table)
        case let .image(value):
            try container.encode("image", forKey: .type)
            try container.encode(value, forKey: .image)
        case let .markdown(value):
            try container.encode("markdown", forKey: .type)
            try container.encode(value, forKey: .markdown)
        case let .error(value):
            try container.encode("error", forKey: .type)
            try container.encode(value, forKey: .error)
        }
    }
}

/// Text a cell wrote to stdout or stderr, after terminal processing.
public struct StreamOutput: Codable, Equatable, Sendable {
    public enum Name: String, Codable, Sendable {
        case stdout
        case stderr
    }

    public var name: Name
    public var text: String
    /// Bytes past the per-stream limit that were not kept.
    public var droppedBytes: Int

    public init(name: Name, text: String, droppedBytes: Int = 0) {
        self.name = name
        self.text = text
        self.droppedBytes = droppedBytes
    }
}

/// An image stored beside the page under a content-derived name.
public struct StoredImage: Codable, Equatable, Sendable {
    /// Path relative to the page, such as `figures/3f2a….png`.
    public var file: String
    public var alt: String
    public var caption: String?

    public init(file: String, alt: String, caption: String?) {
        self.file = file
        self.alt = alt
        self.caption = caption
    }
}

/// A failure shown under a cell or at the top of the page.
public struct ErrorOutput: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case compile
        case crash
        case thrown
        case timeout
        case exit
        case internalFailure = "internal"
    }

    public var kind: Kind
    public var message: String
    /// `file:line:column` or `file:line` in the notebook, if known.
    public var location: String?
    public var sourceLine: String?
    /// One-based column for the caret under `sourceLine`.
    public var caretColumn: Int?

    public init(kind: Kind, message: String, location: String? = nil, sourceLine: String? = nil, caretColumn: Int? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
        self.caretColumn = caretColumn
    }

    /// The error as a terminal shows it: location and message, then the source line and caret.
    public var terminalText: String {
        var lines = [location.map { "\($0): error: \(message)" } ?? "error: \(message)"]
        if let sourceLine {
            lines.append(sourceLine)
            if let caretColumn {
                lines.append(caretLine(under: sourceLine, column: caretColumn))
            }
        }
        return lines.joined(separator: "\n")
    }
}
