import Foundation
import NotebookEngine

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static let fixtures = "\(packageRoot)/Tests/Fixtures"

    /// Returns the toolchain of the release build that `swift build -c release` left in `.build/release`.
    static func toolchain() throws -> Toolchain {
        var environment = ProcessInfo.processInfo.environment
        environment[Toolchain.buildDirectoryVariable] = "\(packageRoot)/.build/release"
        return try Toolchain.locate(environment: environment)
    }

    /// Creates a fresh temporary directory.
    static func temporaryDirectory() throws -> String {
        let path = "\(NSTemporaryDirectory())/redbook-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Renders a fixture notebook into a fresh output root and returns the result.
    static func render(fixture name: String, outputRoot: String? = nil, configure: (inout RenderOptions) -> Void = { _ in }) throws -> RenderResult {
        var options = RenderOptions()
        options.outputRoot = try outputRoot ?? temporaryDirectory()
        configure(&options)
        let renderer = NotebookRenderer(toolchain: try toolchain(), options: options)
        return try renderer.render(notebookAt: "\(fixtures)/\(name).md", outputName: name)
    }

    /// Writes `text` as `<name>.md` in a fresh directory, renders it into a fresh output root
    /// and returns the result.
    static func render(notebook text: String, name: String = "inline", configure: (inout RenderOptions) -> Void = { _ in }) throws -> RenderResult {
        let directory = try temporaryDirectory()
        try text.write(toFile: "\(directory)/\(name).md", atomically: true, encoding: .utf8)
        var options = RenderOptions()
        options.outputRoot = "\(directory)/out"
        configure(&options)
        let renderer = NotebookRenderer(toolchain: try toolchain(), options: options)
        return try renderer.render(notebookAt: "\(directory)/\(name).md", outputName: name)
    }

    /// Parses notebook text given inline.
    static func parse(_ text: String, path: String = "test.md") throws(NotebookParseError) -> Notebook {
        let source: SourceText
        do {
            source = try SourceText(bytes: Array(text.utf8), path: path)
        } catch {
            throw NotebookParseError(diagnostics: [error as! NotebookDiagnostic])
        }
        return try Notebook(source: source)
    }
}

extension RenderResult {
    /// Returns the text of every stream output of cell `index` with the given name, joined.
    func stream(_ name: StreamOutput.Name, ofCell index: Int) -> String {
        record.cells[index].outputs.compactMap { output -> String? in
            if case let .stream(stream) = output, stream.name == name { return stream.text }
            return nil
        }.joined()
    }

    /// Returns the error outputs of cell `index`.
    func errors(ofCell index: Int) -> [ErrorOutput] {
        record.cells[index].outputs.compactMap { output -> ErrorOutput? in
            if case let .error(error) = output { return error }
            return nil
        }
    }

    var page: String {
        (try? String(contentsOfFile: pagePath, encoding: .utf8)) ?? ""
    }
}
