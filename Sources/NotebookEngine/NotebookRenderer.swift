import Foundation

/// Renders notebooks into HTML pages with their outputs, reusing stored outputs when nothing changed.
public final class NotebookRenderer {
    public let toolchain: Toolchain
    public let options: RenderOptions
    var cacheSalt: String?

    public init(toolchain: Toolchain, options: RenderOptions) {
        self.toolchain = toolchain
        self.options = options
    }

    /// Renders the notebook at `path` into `<outputRoot>/<outputName>/`.
    ///
    /// - Parameter outputName: relative path of the output directory, such as `ch01/intro`.
    /// - Throws: `NotebookParseError` for a notebook that cannot be read, `RenderError` when the
    ///   toolchain is missing or the output cannot be written. A notebook whose cells fail is
    ///   not an error: the page shows the failures and `succeeded` is false.
    public func render(notebookAt path: String, outputName: String) throws -> RenderResult {
        let notebook = try Notebook(contentsOf: path)
        do {
            return try render(notebook, outputName: outputName)
        } catch let error as ToolchainError {
            throw RenderError(message: error.message.text())
        }
    }

    private func render(_ notebook: Notebook, outputName: String) throws -> RenderResult {
        let outputDirectory = "\(options.outputRoot)/\(outputName)"
        try checkOutputTarget(for: notebook, outputName: outputName)
        let keys = try cellKeys(for: notebook)

        if !options.force, var stored = storedRecord(in: outputDirectory, matching: keys) {
            stored.title = NotebookPage.title(of: notebook)
            stored.notebook = notebook.path
            try publish(notebook, record: stored, figures: storedFigures(of: stored, in: outputDirectory), outputName: outputName)
            return RenderResult(notebookPath: notebook.path, outputDirectory: outputDirectory, record: stored,
                                usedCache: true, warnings: notebook.warnings, lang: notebook.frontMatter.lang)
        }

        let record = try withWorkDirectory { directory in
            let (record, figures) = try execute(notebook, keys: keys, workDirectory: directory)
            try publish(notebook, record: record, figures: figures, outputName: outputName)
            return record
        }
        return RenderResult(notebookPath: notebook.path, outputDirectory: outputDirectory, record: record,
                            usedCache: false, warnings: notebook.warnings, lang: notebook.frontMatter.lang)
    }

    /// Runs `notebook`'s cells and returns their records and the figure files they wrote.
    func execute(_ notebook: Notebook, keys: [CellKey], workDirectory: String) throws -> (NotebookRecord, [String: String]) {
        let executor = NotebookExecutor(notebook: notebook, toolchain: toolchain, limits: timeLimits(for: notebook),
                                        streamLimit: options.streamLimit, workDirectory: workDirectory)
        let outcome = try executor.execute()
        let cells = notebook.cells.map { cell in
            let result = outcome.cells[cell.index]!
            return CellRecord(index: cell.index, label: cell.options.label, key: keys[cell.index].key,
                              sourceHash: keys[cell.index].sourceHash, status: result.status,
                              wallSeconds: result.wallSeconds, outputs: result.outputs)
        }
        let record = NotebookRecord(notebook: notebook.path, title: NotebookPage.title(of: notebook), cells: cells,
                                    notebookError: outcome.notebookError)
        return (record, outcome.figureSources)
    }

    /// Writes the assets, then the page, `outputs.json` and figures of one notebook.
    func publish(_ notebook: Notebook, record: NotebookRecord, figures: [String: String], outputName: String) throws {
        try PageAssets.install(into: options.outputRoot)
        let depth = outputName.split(separator: "/").count
        let page = NotebookPage(notebook: notebook, record: record, assetsPath: String(repeating: "../", count: depth) + "assets/")
        try write(record: record, page: page.render(), figures: figures, to: "\(options.outputRoot)/\(outputName)")
    }

    private func timeLimits(for notebook: Notebook) -> TimeLimits {
        var limits = TimeLimits()
        limits.cellDefault = options.cellTimeout
        if let timeout = options.timeout {
            limits.notebook = timeout
            limits.notebookOrigin = .commandLine
        } else if let timeout = notebook.frontMatter.timeout {
            limits.notebook = timeout
            limits.notebookOrigin = .frontMatter
        } else {
            limits.notebook = options.notebookTimeout
            limits.notebookOrigin = .defaultValue
        }
        return limits
    }
}
