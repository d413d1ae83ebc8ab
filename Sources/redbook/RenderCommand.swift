import Foundation
import NotebookEngine

/// `redbook render`: renders each notebook given, or every notebook below each directory given.
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
                let name = URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
                failed = render(input, outputName: name, with: renderer)?.succeeded != true || failed
            }
        }
        return failed ? 1 : 0
    }

    private func renderDirectory(_ directory: String, with renderer: NotebookRenderer) -> Bool {
        let notebooks = SiteIndex.notebooks(in: directory, skipping: arguments.outputRoot)
        var entries: [(title: String, outputName: String, source: String)] = []
        var lang = "zh-CN"
        var succeeded = true

        for relative in notebooks {
            let path = directory.hasSuffix("/") ? directory + relative : "\(directory)/\(relative)"
            let name = String(relative.dropLast(".md".count))
            guard let result = render(path, outputName: name, with: renderer) else {
                succeeded = false
                continue
            }
            succeeded = succeeded && result.succeeded
            if entries.isEmpty {
                lang = result.lang
            }
            entries.append((result.record.title, name, relative))
        }

        do {
            try SiteIndex.write(entries: entries, lang: lang, outputRoot: arguments.outputRoot)
        } catch {
            printError("\(error)")
            return false
        }
        return succeeded
    }

    /// Renders one notebook and prints its warnings and failures; returns nil when no page was written.
    private func render(_ path: String, outputName: String, with renderer: NotebookRenderer) -> RenderResult? {
        let result: RenderResult
        do {
            result = try renderer.render(notebookAt: path, outputName: outputName)
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
