/// Names and markers that a notebook program and the engine running it agree on.
///
/// The engine starts the program with these environment variables set. At every cell
/// boundary the runtime writes a marker into both stdout and stderr, so the engine can split
/// each stream into cells. The order within each stream stays exact, even for output that C
/// libraries write straight to the file descriptors.
public enum NotebookChannel {
    /// Environment variable with the number of the file descriptor that carries events as JSON lines.
    public static let eventsDescriptorVariable = "REDBOOK_EVENTS_FD"

    /// The lowest descriptor number to which the runtime moves the events descriptor at startup,
    /// away from the low numbers that `open` hands out to cells.
    public static let lowestMovedDescriptor: Int32 = 100

    /// Environment variable with a random token that makes boundary markers unique to one run.
    public static let markerTokenVariable = "REDBOOK_MARKER_TOKEN"

    /// Environment variable with a directory where the runtime may write image files.
    public static let scratchDirectoryVariable = "REDBOOK_SCRATCH_DIR"

    /// The byte that opens and closes every marker (ASCII record separator).
    public static let markerDelimiter: UInt8 = 0x1E

    /// Returns the marker written into stdout and stderr at a cell boundary.
    ///
    /// The marker is `RS redbook:<token>:<boundary>:<number> RS`, with no newline, so it can be
    /// found anywhere in a stream, even after a line that the cell left unterminated.
    public static func marker(token: String, boundary: CellBoundary, number: Int) -> String {
        let delimiter = String(UnicodeScalar(markerDelimiter))
        return "\(delimiter)redbook:\(token):\(boundary.rawValue):\(number)\(delimiter)"
    }
}

/// A point in a cell's output streams that the engine must know about.
public enum CellBoundary: String, Codable, Sendable {
    /// The cell starts; the marker's number is the cell index.
    case begin
    /// The cell ends; the marker's number is the cell index.
    case end
    /// The cell showed something over the event channel; the marker's number is the event's
    /// sequence number. Written into stdout only, it places tables and images between the
    /// lines printed before and after them.
    case display
}
