/// One structured event that a notebook program sends to the engine, tagged with its cell.
///
/// Events travel as JSON lines over the descriptor named by
/// ``NotebookChannel/eventsDescriptorVariable``; plain text output travels over stdout and stderr.
public struct NotebookEvent: Codable, Equatable, Sendable {
    /// Zero-based index of the cell among all executable cells of the notebook.
    public var cell: Int
    /// Position of the event among all events of the run, starting at 0.
    public var sequence: Int
    public var kind: Kind

    public init(cell: Int, sequence: Int, kind: Kind) {
        self.cell = cell
        self.sequence = sequence
        self.kind = kind
    }

    /// What happened.
    public enum Kind: Codable, Equatable, Sendable {
        /// The cell started running.
        case began
        /// The cell finished without trapping; `wallSeconds` is its elapsed wall-clock time.
        case ended(wallSeconds: Double)
        /// A cell marked `error: true` threw, and the runtime caught the error.
        case caughtError(description: String)
        /// The cell showed an image that the runtime wrote to a file.
        case image(DisplayedImage)
        /// The cell showed a table.
        case table(DisplayedTable)
        /// The cell showed Markdown text.
        case markdown(String)
    }
}

/// An image shown by a cell: a PNG file plus the text that describes it.
public struct DisplayedImage: Codable, Equatable, Sendable {
    /// Path of the PNG file written by the runtime or passed by the cell.
    public var path: String
    /// Text alternative for readers who cannot see the image.
    public var alt: String
    /// Caption printed under the image, if the cell gave one.
    public var caption: String?

    public init(path: String, alt: String, caption: String? = nil) {
        self.path = path
        self.alt = alt
        self.caption = caption
    }
}

/// A table shown by a cell: a header row and body rows of plain text.
public struct DisplayedTable: Codable, Equatable, Sendable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }
}
