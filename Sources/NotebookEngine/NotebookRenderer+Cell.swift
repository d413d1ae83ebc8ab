import Foundation

/// A cell whose fresh outputs differ from the stored ones.
public struct CellDifference: Equatable, Sendable, CustomStringConvertible {
    public var index: Int
    public var label: String?
    public var stored: CellRecord?
    public var fresh: CellRecord
    /// Whether the status, the number of outputs or any output other than a figure differs.
    public var outputsDiffer: Bool
    /// Figures that differ beyond the pixel tolerance, in output order.
    public var figures: [FigureDifference]

    public init(index: Int, label: String?, stored: CellRecord?, fresh: CellRecord, outputsDiffer: Bool = true,
                figures: [FigureDifference] = []) {
        self.index = index
        self.label = label
        self.stored = stored
        self.fresh = fresh
        self.outputsDiffer = outputsDiffer
        self.figures = figures
    }

    public var description: String {
        let name = label.map { "cell \(index + 1) (\($0))" } ?? "cell \(index + 1)"
        guard let stored else {
            return "\(name): no stored outputs"
        }
        let note = stored.sourceHash == fresh.sourceHash ? "" : " (its code or options changed since the stored run)"
        if stored.status != fresh.status {
            return "\(name): status \(stored.status.rawValue) -> \(fresh.status.rawValue)\(note)"
        }
        var lines = figures.map { "\(name): \($0)" }
        if outputsDiffer {
            lines.insert("\(name): outputs differ\(note)\n--- stored\n\(Self.summary(stored.outputs))\n+++ fresh\n\(Self.summary(fresh.outputs))", at: 0)
        }
        return lines.joined(separator: "\n")
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
    /// from the stored ones, comparing numbers within `tolerance` and figures within
    /// `pixelTolerance` (see `OutputComparison`).
    ///
    /// - Parameter outputName: where the stored outputs are, below the output root, or nil for
    ///   the directory that `render(notebookAt:)` writes.
    public func diff(notebookAt path: String, outputName: String? = nil, tolerance: Double,
                     pixelTolerance: PixelTolerance = PixelTolerance()) throws -> [CellDifference] {
        let notebook = try Notebook(contentsOf: path)
        let location = standalonePlacement(ofNotebookAt: path, outputName: outputName).location
        let outputDirectory = "\(options.outputRoot)/\(location.outputName)"
        guard let stored = loadRecord(in: outputDirectory) else {
            throw RenderError(message: Message.noStoredOutputs(path: path, directory: outputDirectory).text())
        }

        do {
            let keys = try cellKeys(for: notebook)
            // The fresh figures live in the work directory, so they are compared before it is removed.
            return try withWorkDirectory { directory in
                let (fresh, freshFigures) = try execute(notebook, keys: keys, workDirectory: directory)
                let comparison = CellOutputComparison(storedDirectory: outputDirectory, freshFigures: freshFigures,
                                                      tolerance: tolerance, pixelTolerance: pixelTolerance)
                return fresh.cells.compactMap { freshCell in
                    comparison.difference(stored: stored.cells.first { $0.index == freshCell.index }, fresh: freshCell)
                }
            }
        } catch let error as ToolchainError {
            throw RenderError(message: error.message.text())
        }
    }
}

/// Compares the stored and fresh outputs of one cell for `NotebookRenderer.diff`.
private struct CellOutputComparison {
    var storedDirectory: String
    /// Fresh figure file name, such as `figures/3f2a….png`, to the path it was written to.
    var freshFigures: [String: String]
    var tolerance: Double
    var pixelTolerance: PixelTolerance

    func difference(stored: CellRecord?, fresh: CellRecord) -> CellDifference? {
        guard let stored, stored.status == fresh.status, stored.outputs.count == fresh.outputs.count else {
            return CellDifference(index: fresh.index, label: fresh.label, stored: stored, fresh: fresh)
        }
        var outputsDiffer = false
        var figures: [FigureDifference] = []
        for (storedOutput, freshOutput) in zip(stored.outputs, fresh.outputs) {
            if case let .image(storedImage) = storedOutput, case let .image(freshImage) = freshOutput {
                let freshPath = freshFigures[freshImage.file] ?? freshImage.file
                if let figure = OutputComparison.figureDifference(
                    stored: storedImage, storedPath: "\(storedDirectory)/\(storedImage.file)",
                    fresh: freshImage, freshPath: freshPath, tolerance: pixelTolerance) {
                    figures.append(figure)
                }
            } else if !OutputComparison.outputsMatch(storedOutput, freshOutput, tolerance: tolerance) {
                outputsDiffer = true
            }
        }
        guard outputsDiffer || !figures.isEmpty else {
            return nil
        }
        return CellDifference(index: fresh.index, label: fresh.label, stored: stored, fresh: fresh,
                              outputsDiffer: outputsDiffer, figures: figures)
    }
}
