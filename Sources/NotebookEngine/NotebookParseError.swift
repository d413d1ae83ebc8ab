/// The errors that stop a notebook from being read, with any warnings found on the way.
public struct NotebookParseError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [NotebookDiagnostic]

    public init(diagnostics: [NotebookDiagnostic]) {
        self.diagnostics = diagnostics
    }

    public var errors: [NotebookDiagnostic] {
        diagnostics.filter { $0.severity == .error }
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
