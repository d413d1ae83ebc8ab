import Foundation

/// Settings for rendering notebooks.
public struct RenderOptions: Sendable {
    /// Directory that receives one subdirectory per notebook and the shared `assets/`.
    public var outputRoot = "Output"
    /// Notebook time limit in seconds from `--timeout`; wins over the front matter.
    public var timeout: Double?
    /// Limit for a cell without its own `timeout` option, in seconds.
    public var cellTimeout: Double = 600
    /// Limit for a notebook without `timeout` in its front matter or on the command line, in seconds.
    public var notebookTimeout: Double = 1800
    /// Re-run every cell even when the stored outputs match.
    public var force = false
    /// Bytes kept per output stream per cell; the rest is dropped with a note.
    public var streamLimit = 256 * 1024
    /// Called with the staging directory just before it replaces the previous output; a
    /// throwing hook aborts the render there, which tests use to check atomicity.
    public var beforeCommit: (@Sendable (String) throws -> Void)?

    public init() {}
}

/// The result of rendering one notebook.
public struct RenderResult: Sendable {
    public var notebookPath: String
    /// Directory holding `index.html`, `outputs.json` and `figures/`.
    public var outputDirectory: String
    public var record: NotebookRecord
    /// Whether the stored outputs were reused without compiling.
    public var usedCache: Bool
    public var warnings: [NotebookDiagnostic]
    /// The page language from the front matter.
    public var lang: String

    public var pagePath: String { "\(outputDirectory)/index.html" }
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

/// Renders notebooks into HTML pages with their outputs, reusing stored outputs when nothing changed.
public final class NotebookRenderer {
    public let toolchain: Toolchain
    public let options: RenderOptions
    private var cacheSalt: String?

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
        let keys = try cellKeys(for: notebook)
        let title = NotebookPage.title(of: notebook)

        var record: NotebookRecord
        var figureSources: [String: String] = [:]
        var usedCache = false
        var workDirectory: String?
        defer {
            if let workDirectory { try? FileManager.default.removeItem(atPath: workDirectory) }
        }

        if !options.force, var stored = storedRecord(in: outputDirectory, matching: keys) {
            stored.title = title
            stored.notebook = notebook.path
            record = stored
            usedCache = true
            for cell in stored.cells {
                for case let .image(image) in cell.outputs {
                    figureSources[image.file] = "\(outputDirectory)/\(image.file)"
                }
            }
        } else {
            let directory = try makeWorkDirectory()
            workDirectory = directory
            let executor = NotebookExecutor(notebook: notebook, toolchain: toolchain, limits: timeLimits(for: notebook),
                                            streamLimit: options.streamLimit, workDirectory: directory)
            let outcome = try executor.execute()
            record = NotebookRecord(notebook: notebook.path, title: title, cells: notebook.cells.map { cell in
                let result = outcome.cells[cell.index]!
                return CellRecord(index: cell.index, label: cell.options.label, key: keys[cell.index].key,
                                  sourceHash: keys[cell.index].sourceHash, status: result.status,
                                  wallSeconds: result.wallSeconds, outputs: result.outputs)
            }, notebookError: outcome.notebookError)
            figureSources = outcome.figureSources
        }

        try PageAssets.install(into: options.outputRoot)
        let depth = outputName.split(separator: "/").count
        let page = NotebookPage(notebook: notebook, record: record, assetsPath: String(repeating: "../", count: depth) + "assets/")
        try write(record: record, page: page.render(), figures: figureSources, to: outputDirectory)

        return RenderResult(notebookPath: notebook.path, outputDirectory: outputDirectory, record: record,
                            usedCache: usedCache, warnings: notebook.warnings, lang: notebook.frontMatter.lang)
    }

    private func timeLimits(for notebook: Notebook) -> TimeLimits {
        var limits = TimeLimits()
        limits.cellDefault = options.cellTimeout
        if let timeout = options.timeout {
            limits.notebook = timeout
            limits.notebookOrigin = "--timeout"
        } else if let timeout = notebook.frontMatter.timeout {
            limits.notebook = timeout
            limits.notebookOrigin = "'timeout:' in the front matter"
        } else {
            limits.notebook = options.notebookTimeout
            limits.notebookOrigin = "the default"
        }
        return limits
    }

    // MARK: Cache

    /// Computes each cell's source hash and cache key; each key chains the previous one, so a
    /// change in one cell invalidates every later cell.
    private func cellKeys(for notebook: Notebook) throws -> [(sourceHash: String, key: String)] {
        let salt = try compilerAndLibrarySalt()
        var previous = ""
        return notebook.cells.map { cell in
            var source = SHA256()
            source.update(cell.code)
            source.update("\u{0}")
            source.update(cell.options.canonicalText)
            let sourceHash = source.hexDigest()

            var key = SHA256()
            for part in [sourceHash, previous, salt] {
                key.update(part)
                key.update("\u{0}")
            }
            previous = key.hexDigest()
            return (sourceHash, previous)
        }
    }

    private func compilerAndLibrarySalt() throws -> String {
        if let cacheSalt { return cacheSalt }
        let salt = try toolchain.compilerVersion() + "\u{0}" + toolchain.libraryFingerprint()
        cacheSalt = salt
        return salt
    }

    private func storedRecord(in directory: String, matching keys: [(sourceHash: String, key: String)]) -> NotebookRecord? {
        guard let data = FileManager.default.contents(atPath: "\(directory)/outputs.json"),
              let record = try? JSONDecoder().decode(NotebookRecord.self, from: data),
              record.formatVersion == NotebookRecord.currentFormatVersion,
              record.succeeded,
              record.cells.map(\.key) == keys.map(\.key) else {
            return nil
        }
        for cell in record.cells {
            for case let .image(image) in cell.outputs where !FileManager.default.fileExists(atPath: "\(directory)/\(image.file)") {
                return nil
            }
        }
        return record
    }

    // MARK: Writing

    private func makeWorkDirectory() throws -> String {
        let path = "\(NSTemporaryDirectory())/redbook-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes the page, `outputs.json` and the figures into a staging directory beside the
    /// target, then swaps it into place, so an interrupted render leaves the old output whole.
    /// Figures no longer referenced are not copied, which prunes them.
    private func write(record: NotebookRecord, page: String, figures: [String: String], to directory: String) throws {
        let fileManager = FileManager.default
        let parent = URL(fileURLWithPath: directory).deletingLastPathComponent().path
        let name = URL(fileURLWithPath: directory).lastPathComponent
        let staging = "\(parent)/.staging-\(name)-\(UUID().uuidString)"

        do {
            try fileManager.createDirectory(atPath: "\(staging)/figures", withIntermediateDirectories: true)
            for (file, source) in figures.sorted(by: { $0.key < $1.key }) {
                try fileManager.copyItem(atPath: source, toPath: "\(staging)/\(file)")
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(record).write(to: URL(fileURLWithPath: "\(staging)/outputs.json"))
            try page.write(toFile: "\(staging)/index.html", atomically: false, encoding: .utf8)
            try options.beforeCommit?(staging)
            try replaceDirectory(at: directory, with: staging)
        } catch {
            try? fileManager.removeItem(atPath: staging)
            throw RenderError(message: Message.outputNotWritable(path: directory, reason: describe(error)).text())
        }
    }
}

/// A render that could not be carried out: missing toolchain or unwritable output.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public var description: String { "error: \(message)" }
}
