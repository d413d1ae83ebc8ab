import Foundation
import NotebookEngine

/// `redbook render`: renders each notebook given, or every notebook below each directory given.
///
/// A notebook given on its own that belongs to a site goes where rendering the site's directory
/// puts it (see `NotebookRenderer.render(notebookAt:)`).
struct RenderCommand {
    var arguments: RenderArguments

    /// Renders everything and returns the exit status: 0 when every notebook succeeded, 1 when
    /// one failed, 2 when an input does not exist or the output root is a file.
    func run() -> Int32 {
        for input in arguments.inputs where !FileManager.default.fileExists(atPath: input) {
            printError("error: " + Message.inputNotFound(path: input).text())
            return 2
        }

        var rootIsDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: arguments.outputRoot, isDirectory: &rootIsDirectory), !rootIsDirectory.boolValue {
            printError("error: " + Message.outputRootIsFile(path: arguments.outputRoot).text())
            return 2
        }

        guard let renderer = makeRenderer(arguments) else {
            return 1
        }

        var failed = false
        for input in arguments.inputs {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                failed = !renderDirectory(input, with: renderer) || failed
            } else {
                let result = render(input, with: { try renderer.render(notebookAt: input) })
                failed = result?.succeeded != true || failed
            }
        }
        return failed ? 1 : 0
    }

    /// Renders every notebook below `directory` as one site. `index.md` at its top becomes the
    /// home page `index.html`, and without it the home page is a generated list of the pages.
    ///
    /// A directory inside a site (a directory above it has `index.md`, it has none) is a part of
    /// that site: its notebooks are rendered as that site's pages, and the site's home page and
    /// other pages are left alone.
    private func renderDirectory(_ directory: String, with renderer: NotebookRenderer) -> Bool {
        let ownHome = URL(fileURLWithPath: directory).appendingPathComponent(Site.homeFileName).path
        if let root = Site.rootDirectory(forNotebookAt: ownHome),
           root != URL(fileURLWithPath: directory).standardizedFileURL.path {
            return renderPart(directory, of: Site(directory: root, skipping: arguments.outputRoot), with: renderer)
        }

        let site = Site(directory: directory, skipping: arguments.outputRoot)
        for error in site.unreadable {
            printError(error.description)
        }
        var succeeded = site.unreadable.isEmpty

        if let home = site.home {
            let result = render(home.path, with: { try renderer.render(home, of: site) })
            succeeded = succeeded && result?.succeeded == true
        }

        var entries: [(title: String, outputName: String, source: String)] = []
        for page in site.pages {
            guard let result = render(page.path, with: { try renderer.render(page, of: site) }) else {
                succeeded = false
                continue
            }
            succeeded = succeeded && result.succeeded
            entries.append((result.record.title, page.outputName, page.relativePath))
        }
        if site.home != nil {
            return succeeded
        }

        do {
            try SiteIndex.write(entries: entries, lang: site.pages.first?.lang ?? "zh-CN", outputRoot: arguments.outputRoot)
        } catch {
            printError("\(error)")
            return false
        }
        return succeeded
    }

    /// Renders the notebooks below `directory` as pages of `site`, in the site's reading order.
    private func renderPart(_ directory: String, of site: Site, with renderer: NotebookRenderer) -> Bool {
        let notebooks = SiteIndex.notebooks(in: directory, skipping: arguments.outputRoot).map { relative in
            URL(fileURLWithPath: directory).appendingPathComponent(relative).path
        }
        let partPages = notebooks.compactMap { site.page(forNotebookAt: $0) }
        let ordered = site.pages.filter { partPages.contains($0) }

        var succeeded = true
        for page in ordered {
            let result = render(page.path, with: { try renderer.render(page, of: site) })
            succeeded = succeeded && result?.succeeded == true
        }
        return succeeded
    }

    /// Renders one notebook by calling `renderNotebook` and prints its warnings and failures.
    /// Returns nil when no page was written.
    private func render(_ path: String, with renderNotebook: () throws -> RenderResult) -> RenderResult? {
        let result: RenderResult
        do {
            result = try renderNotebook()
        } catch let error as NotebookParseError {
            printError(error.description)
            return nil
        } catch {
            printError("\(error)")
            return nil
        }

        for warning in result.warnings {
            printError(warning.description)
        }
        for report in result.failureReports {
            printError(report)
        }
        var note = ""
        if result.usedCache {
            note = Language.current == .chinese ? "（使用缓存）" : " (cached)"
        }
        print("\(path) -> \(result.pagePath)\(note)")
        return result
    }
}

/// Returns a renderer for the command's options, or nil after printing why the toolchain is missing.
func makeRenderer(_ arguments: RenderArguments) -> NotebookRenderer? {
    let toolchain: Toolchain
    do {
        toolchain = try Toolchain.locate()
    } catch {
        printError("\(error)")
        return nil
    }

    var options = RenderOptions()
    options.outputRoot = arguments.outputRoot
    options.timeout = arguments.timeout
    options.force = arguments.force
    options.streamLimit = arguments.outputLimit
    return NotebookRenderer(toolchain: toolchain, options: options)
}

/// Writes a line to stderr.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
