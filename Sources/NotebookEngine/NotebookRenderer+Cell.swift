import Foundation

/// A cell whose fresh outputs differ from the stored ones.
public struct CellDifference: Equatable, Sendable, CustomStringConvertible {
    public var index: Int
    public var label: String?
    public var stored: CellRecord?
    public var fresh: CellRecord

    public var description: String {
        let name = label.map { "cell \(index + 1) (\($0))" } ?? "cell \(index + 1)"
        guard let stored else {
            return "\(name): no stored outputs"
        }
        let note = stored.sourceHash == fresh.sourceHash ? "" : " (its code or options changed since the stored run)"
        if stored.status != fresh.status {
            return "\(name): status \(stored.status.rawValue) -> \(fresh.status.rawValue)\(note)"
        }
        return "\(name): outputs differ\(note)\n--- stored\n\(Self.summary(stored.outputs))\n+++ fresh\n\(Self.summary(fresh.outputs))"
    }

    private static func summary(_ outputs: [CellOutput]) -> String {
        outputs.map { output in
            switch output {
            case let .stream(stream): return "[\(stream.name.rawValue)] \(stream.text)"
            case let .table(table): return "[table] \(table.header) \(table.rows)"
            case let .image(image): return "[image] \(image.file)"
            case let .markdown(text): return "[markdown] \(text)"
            case let .error(error): return "[error] \(error.message)"
            }
        }.joined(separator: "\n")
    }
}

extension NotebookRenderer {
    /// Re-runs one cell and replaces its stored output, keeping every other cell's output.
    ///
    /// The cells before it run again first (their outputs are discarded) so the cell starts from the
    /// same state as in a full run.
    ///
    /// The page is written again as `render(notebookAt:)` writes it: a page of a site keeps its
    /// place, links and previous/next links.
    ///
    /// - Parameters:
    ///   - reference: one-based cell number or the cell's label.
    ///   - outputName: the output directory below the output root, or nil for the one that
    ///     `render(notebookAt:)` uses. A name other than the site's treats the notebook as
    ///     outside any site.
    /// - Throws: `CellReferenceError` when `reference` names no cell, `RenderError` when there
    ///   are no stored outputs or the output cannot be written.
    public func rerunCell(_ reference: String, notebookAt path: String, outputName: String? = nil) throws -> RenderResult {
        let notebook = try Notebook(contentsOf: path)
        guard let target = notebook.cells.first(where: { $0.options.label == reference })
            ?? Int(reference).flatMap({ number in notebook.cells.first { $0.index == number - 1 } }) else {
            let labels = notebook.cells.compactMap(\.options.label)
            throw CellReferenceError(message: Message.cellNotFound(reference: reference, count: notebook.cells.count, labels: labels).text())
        }
        let placement = standalonePlacement(ofNotebookAt: path, outputName: outputName)
        let location = placement.location
        let outputDirectory = "\(options.outputRoot)/\(location.outputName)"
        try checkOutputTarget(for: notebook, outputName: location.outputName)
        guard var record = loadRecord(in: outputDirectory), record.cells.count == notebook.cells.count else {
            throw RenderError(message: Message.noStoredOutputs(path: path, directory: outputDirectory).text())
        }

        var warnings: [NotebookDiagnostic] = []
        do {
            let keys = try cellKeys(for: notebook)
            var prefix = notebook
            prefix.cells = Array(notebook.cells.prefix(target.index + 1))
            try withWorkDirectory { directory in
                let (fresh, freshFigures) = try execute(prefix, keys: keys, workDirectory: directory)
                record.cells[target.index] = fresh.cells[target.index]
                record.title = NotebookPage.title(of: notebook)
                record.notebook = notebook.path
                let figures = storedFigures(of: record, in: outputDirectory).merging(freshFigures) { _, fresh in fresh }
                warnings = try publish(notebook, record: record, figures: figures, location: location, site: placement.site)
            }
        } catch let error as ToolchainError {
            throw RenderError(message: error.message.text())
        }
        return RenderResult(notebookPath: notebook.path, outputDirectory: outputDirectory, pagePath: pagePath(of: location),
                            record: record, usedCache: false, warnings: notebook.warnings + warnings + placement.siteWarnings,
                            lang: notebook.frontMatter.lang)
    }

    /// Runs the notebook without writing anything and returns the cells whose outputs differ
    /// from the stored ones, comparing numbers within `tolerance` (see `OutputComparison`).
    ///
    /// - Parameter outputName: where the stored outputs are, below the output root, or nil for
    ///   the directory that `render(notebookAt:)` writes.
    public func diff(notebookAt path: String, outputName: String? = nil, tolerance: Double) throws -> [CellDifference] {
        let notebook = try Notebook(contentsOf: path)
        let location = standalonePlacement(ofNotebookAt: path, outputName: outputName).location
        let outputDirectory = "\(options.outputRoot)/\(location.outputName)"
        guard let stored = loadRecord(in: outputDirectory) else {
            throw RenderError(message: Message.noStoredOutputs(path: path, directory: outputDirectory).text())
        }

        let fresh: NotebookRecord
        do {
            let keys = try cellKeys(for: notebook)
            fresh = try withWorkDirectory { directory in try execute(notebook, keys: keys, workDirectory: directory).0 }
        } catch let error as ToolchainError {
            throw RenderError(message: error.message.text())
        }

        return fresh.cells.compactMap { freshCell in
            let storedCell = stored.cells.first { $0.index == freshCell.index }
            if let storedCell, storedCell.status == freshCell.status, storedCell.outputs.count == freshCell.outputs.count,
               zip(storedCell.outputs, freshCell.outputs).allSatisfy({ OutputComparison.outputsMatch($0, $1, tolerance: tolerance) }) {
                return nil
            }
            return CellDifference(index: freshCell.index, label: freshCell.label, stored: storedCell, fresh: freshCell)
        }
    }
}
