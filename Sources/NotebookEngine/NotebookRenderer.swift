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
        try render(notebookAt: path, location: PageLocation(outputName: outputName), site: nil)
    }

    /// Renders one notebook of `site` into `<outputRoot>/<outputName>/`, with its links resolved
    /// against the site and links to its neighbours in reading order. The home page goes to
    /// `<outputRoot>/index.html` instead, and its other files stay in `<outputRoot>/<outputName>/`.
    ///
    /// - Throws: as `render(notebookAt:outputName:)`.
    public func render(_ page: Site.Page, of site: Site) throws -> RenderResult {
        try render(notebookAt: page.path, location: site.location(of: page), site: site)
    }

    func render(notebookAt path: String, location: PageLocation, site: Site?) throws -> RenderResult {
        let notebook = try Notebook(contentsOf: path)
        do {
            return try render(notebook, location: location, site: site)
        } catch let error as ToolchainError {
            throw RenderError(message: error.message.text())
        }
    }

    private func render(_ notebook: Notebook, location: PageLocation, site: Site?) throws -> RenderResult {
        let outputDirectory = "\(options.outputRoot)/\(location.outputName)"
        try checkOutputTarget(for: notebook, outputName: location.outputName)
        let keys = try cellKeys(for: notebook)

        // The page is written again even when every cell comes from the cache, because its
        // prose, images and links to other pages may have changed.
        if !options.force, var stored = storedRecord(in: outputDirectory, matching: keys) {
            stored.title = NotebookPage.title(of: notebook)
            stored.notebook = notebook.path
            let figures = storedFigures(of: stored, in: outputDirectory)
            let warnings = try publish(notebook, record: stored, figures: figures, location: location, site: site)
            return RenderResult(notebookPath: notebook.path, outputDirectory: outputDirectory, pagePath: pagePath(of: location),
                                record: stored, usedCache: true, warnings: notebook.warnings + warnings,
                                lang: notebook.frontMatter.lang)
        }

        let (record, warnings) = try withWorkDirectory { directory in
            let (record, figures) = try execute(notebook, keys: keys, workDirectory: directory)
            let warnings = try publish(notebook, record: record, figures: figures, location: location, site: site)
            return (record, warnings)
        }
        return RenderResult(notebookPath: notebook.path, outputDirectory: outputDirectory, pagePath: pagePath(of: location),
                            record: record, usedCache: false, warnings: notebook.warnings + warnings,
                            lang: notebook.frontMatter.lang)
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

    /// Writes the assets, then the page, `outputs.json`, figures and prose images of one
    /// notebook, and returns the warnings about the page's links and images.
    func publish(_ notebook: Notebook, record: NotebookRecord, figures: [String: String],
                 location: PageLocation, site: Site?) throws -> [NotebookDiagnostic] {
        try PageAssets.install(into: options.outputRoot)
        let page = NotebookPage(notebook: notebook, record: record, location: location, site: site).render()
        let files = figures.merging(page.media) { figure, _ in figure }
        try write(record: record, page: page.html, files: files, location: location)
        return page.warnings
    }

    /// Returns the path of the page published at `location`.
    func pagePath(of location: PageLocation) -> String {
        location.isHome ? "\(options.outputRoot)/index.html" : "\(options.outputRoot)/\(location.outputName)/index.html"
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
