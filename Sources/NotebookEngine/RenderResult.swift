/// The result of rendering one notebook.
public struct RenderResult: Sendable {
    public var notebookPath: String
    /// Directory holding `outputs.json`, `figures/`, `media/` and, except for a site's home
    /// page, `index.html`.
    public var outputDirectory: String
    /// The page: `<outputDirectory>/index.html`, or `<outputRoot>/index.html` for a site's home page.
    public var pagePath: String
    public var record: NotebookRecord
    /// Whether the stored outputs were reused without compiling.
    public var usedCache: Bool
    public var warnings: [NotebookDiagnostic]
    /// The page language from the front matter.
    public var lang: String

    public var succeeded: Bool { record.succeeded }

    /// Every failure, as the terminal shows it (`file:line:column: error: …`, source line, caret).
    public var failureReports: [String] {
        var reports: [String] = []
        if let error = record.notebookError {
            reports.append(error.terminalText)
        }
        for cell in record.cells {
            for case let .error(error) in cell.outputs where cell.status == .error || cell.status == .timedOut {
                let text = error.location == nil ? "\(notebookPath): cell \(cell.index + 1): error: \(error.message)" : error.terminalText
                reports.append(text)
            }
        }
        return reports
    }
}

/// A `run --cell` reference that names no cell of the notebook: a usage error.
public struct CellReferenceError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public var description: String { "error: \(message)" }
}

/// A render that could not be carried out: missing toolchain or unwritable output.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public var description: String { "error: \(message)" }
}
