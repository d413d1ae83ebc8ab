import Foundation
import Testing
import NotebookEngine

// These tests compile and run real notebooks against `.build/release`, so they need
// `swift build -c release` first (`make test` does that).

@Test func renderCompileError() throws {
    let result = try TestSupport.render(fixture: "compile-error")
    let statuses = result.record.cells.map(\.status)

    #expect(statuses == [.ok, .error, .notRun], "statuses: \(statuses)")
    #expect(result.stream(.stdout, ofCell: 0) == "first 1\n")
    let error = try #require(result.errors(ofCell: 1).first)
    #expect(error.location == "\(TestSupport.fixtures)/compile-error.md:9:19", "location: \(String(describing: error.location))")
    #expect(error.terminalText.hasSuffix("let second: Int = \"two\"\n                  ^"), "\(error.terminalText)")
    #expect(result.page.contains("未运行"))
    #expect(!result.succeeded)
}

@Test func renderRuntimeTrap() throws {
    let result = try TestSupport.render(fixture: "trap")
    let statuses = result.record.cells.map(\.status)

    #expect(statuses == [.ok, .error, .notRun], "statuses: \(statuses)")
    #expect(result.stream(.stdout, ofCell: 1) == "about to fail\n")
    let error = try #require(result.errors(ofCell: 1).first)
    #expect(error.message.contains("boom in cell two"), "\(error.message)")
    #expect(error.location == "\(TestSupport.fixtures)/trap.md:9", "location: \(String(describing: error.location))")
    #expect(!result.stream(.stderr, ofCell: 1).contains("Current stack trace"))
}

@Test func renderCellTimeout() throws {
    let start = Date()
    let result = try TestSupport.render(fixture: "timeout")
    let elapsed = Date().timeIntervalSince(start)
    let statuses = result.record.cells.map(\.status)

    #expect(statuses == [.ok, .timedOut, .notRun], "statuses: \(statuses)")
    #expect(result.stream(.stdout, ofCell: 1) == "sleeping\n")
    let message = try #require(result.errors(ofCell: 1).first).message
    #expect(message.contains("timeout"), "\(message)")
    #expect(elapsed < 20, "the 30 s sleep should be killed after 2 s; the render took \(elapsed) s")
}

@Test func renderNotebookTimeout() throws {
    let result = try TestSupport.render(fixture: "timeout") { $0.timeout = 1 }
    #expect(result.record.cells[1].status == .timedOut)
    let message = try #require(result.errors(ofCell: 1).first).message
    #expect(message.contains("--timeout"), "\(message)")
}

@Test func renderExpectedErrors() throws {
    let result = try TestSupport.render(fixture: "expected-error")
    let statuses = result.record.cells.map(\.status)

    #expect(statuses == [.ok, .expectedError, .expectedError, .expectedError, .ok], "statuses: \(statuses)")
    #expect(result.errors(ofCell: 1).first?.message == "planned failure")
    #expect(result.errors(ofCell: 2).first?.kind == .compile)
    #expect(result.errors(ofCell: 3).first?.kind == .crash)
    #expect(result.stream(.stdout, ofCell: 4) == "still running 42\n")
    #expect(result.succeeded)
}

@Test func renderStreamOrdering() throws {
    let result = try TestSupport.render(fixture: "ordering")

    #expect(result.stream(.stdout, ofCell: 0) == "out 1\nout 2\nc-out\n")
    #expect(result.stream(.stderr, ofCell: 0) == "err 1\nc-err\n")
    #expect(result.stream(.stdout, ofCell: 1) == "raw-out\nout 3\n")
    #expect(result.stream(.stderr, ofCell: 1) == "raw-err\n")
}

@Test func renderTextOutputs() throws {
    let result = try TestSupport.render(fixture: "output")

    #expect(result.stream(.stdout, ofCell: 0).hasPrefix("你好，世界\n"))
    #expect(result.page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"))
    #expect(!result.page.contains("<script>alert"))
    #expect(result.stream(.stdout, ofCell: 1) == "progress 100%green done\n")
}

@Test func renderTruncatesLongOutput() throws {
    let result = try TestSupport.render(fixture: "output") { $0.streamLimit = 1000 }
    guard case let .stream(stream)? = result.record.cells[2].outputs.first else {
        Issue.record("expected a stream output")
        return
    }
    #expect(stream.text.utf8.count == 1000)
    #expect(stream.droppedBytes == 400_000 - 1000, "dropped: \(stream.droppedBytes)")
    #expect(result.page.contains("输出过长"))
}

@Test func renderDisplays() throws {
    let result = try TestSupport.render(fixture: "display")
    let outputs = result.record.cells[0].outputs
    #expect(outputs.count == 4, "\(outputs)")

    guard outputs.count == 4, case let .image(image) = outputs[1] else {
        Issue.record("expected an image second: \(outputs)")
        return
    }
    #expect(image.caption == "A tiny image")
    #expect(image.alt == "one pixel")
    #expect(FileManager.default.fileExists(atPath: "\(result.outputDirectory)/\(image.file)"))
    #expect(outputs[2] == .stream(StreamOutput(name: .stdout, text: "after image\n")))
    #expect(result.page.contains("<strong>bold</strong>"))
    #expect(!result.page.contains("<b>raw</b>"))
}

@Test func renderUsesCacheSecondTime() throws {
    let root = try TestSupport.temporaryDirectory()
    let first = try TestSupport.render(fixture: "cache", outputRoot: root)
    let second = try TestSupport.render(fixture: "cache", outputRoot: root)
    let forced = try TestSupport.render(fixture: "cache", outputRoot: root) { $0.force = true }

    #expect(!first.usedCache)
    #expect(second.usedCache)
    #expect(!forced.usedCache)
    #expect(second.record.cells == first.record.cells)
    #expect(second.page.contains("answer 42"))
}

@Test func renderCacheMissAfterEdit() throws {
    let root = try TestSupport.temporaryDirectory()
    let directory = try TestSupport.temporaryDirectory()
    let path = "\(directory)/edit.md"
    let renderer = NotebookRenderer(toolchain: try TestSupport.toolchain(), options: {
        var options = RenderOptions()
        options.outputRoot = root
        return options
    }())

    try "```swift\nprint(1)\n```\n".write(toFile: path, atomically: true, encoding: .utf8)
    _ = try renderer.render(notebookAt: path, outputName: "edit")
    try "Prose edit.\n\n```swift\nprint(1)\n```\n".write(toFile: path, atomically: true, encoding: .utf8)
    let proseEdit = try renderer.render(notebookAt: path, outputName: "edit")
    let proseEditPage = proseEdit.page
    try "```swift\nprint(2)\n```\n".write(toFile: path, atomically: true, encoding: .utf8)
    let codeEdit = try renderer.render(notebookAt: path, outputName: "edit")

    #expect(proseEdit.usedCache)
    #expect(proseEditPage.contains("Prose edit."))
    #expect(!codeEdit.usedCache)
    #expect(codeEdit.stream(.stdout, ofCell: 0) == "2\n")
}

@Test func renderFailedCommitKeepsPreviousPage() throws {
    struct InjectedFailure: Error {}
    let root = try TestSupport.temporaryDirectory()
    let first = try TestSupport.render(fixture: "cache", outputRoot: root)
    let before = try String(contentsOfFile: first.pagePath, encoding: .utf8)

    #expect(throws: RenderError.self) {
        try TestSupport.render(fixture: "cache", outputRoot: root) { options in
            options.force = true
            options.beforeCommit = { _ in throw InjectedFailure() }
        }
    }
    let after = try String(contentsOfFile: first.pagePath, encoding: .utf8)
    #expect(after == before)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasPrefix(".staging") }
    #expect(leftovers.isEmpty, "staging directories left: \(leftovers)")
}

@Test func renderMissingLibraryNamesBuild() throws {
    var environment = ProcessInfo.processInfo.environment
    environment[Toolchain.buildDirectoryVariable] = try TestSupport.temporaryDirectory()
    let error = #expect(throws: (any Error).self) { try Toolchain.locate(environment: environment) }
    #expect("\(String(describing: error))".contains("make build"), "\(String(describing: error))")
}

@Test func renderUncaughtTopLevelError() throws {
    let result = try TestSupport.render(fixture: "uncaught")
    let statuses = result.record.cells.map(\.status)

    #expect(statuses == [.ok, .error, .notRun], "statuses: \(statuses)")
    let message = try #require(result.errors(ofCell: 1).first).message
    #expect(message.contains("uncaught error: Notebook.LoadError()"), "\(message)")
}

@Test func renderEarlyExit() throws {
    let result = try TestSupport.render(fixture: "early-exit")
    let statuses = result.record.cells.map(\.status)

    #expect(statuses == [.error, .notRun], "statuses: \(statuses)")
    #expect(result.stream(.stdout, ofCell: 0) == "bye\n")
    let error = try #require(result.errors(ofCell: 0).first)
    #expect(error.kind == .exit)
    #expect(error.message.contains("status 3"), "\(error.message)")
}

@Test func rerunCellUpdatesOnlyThatCell() throws {
    let root = try TestSupport.temporaryDirectory()
    let directory = try TestSupport.temporaryDirectory()
    let path = "\(directory)/counter.md"
    var options = RenderOptions()
    options.outputRoot = root
    let renderer = NotebookRenderer(toolchain: try TestSupport.toolchain(), options: options)

    try "```swift\nvar total = 10\nprint(\"setup\")\n```\n\n```swift\n//| label: add\ntotal += 5\nprint(total)\n```\n"
        .write(toFile: path, atomically: true, encoding: .utf8)
    _ = try renderer.render(notebookAt: path, outputName: "counter")
    try "```swift\nvar total = 10\nprint(\"setup changed\")\n```\n\n```swift\n//| label: add\ntotal += 6\nprint(total)\n```\n"
        .write(toFile: path, atomically: true, encoding: .utf8)
    let result = try renderer.rerunCell("add", notebookAt: path, outputName: "counter")

    #expect(result.stream(.stdout, ofCell: 1) == "16\n")
    #expect(result.stream(.stdout, ofCell: 0) == "setup\n", "the first cell keeps its stored output")
    #expect(result.page.contains("16"))
}

@Test func diffFindsChangedOutputs() throws {
    let root = try TestSupport.temporaryDirectory()
    let directory = try TestSupport.temporaryDirectory()
    let path = "\(directory)/numbers.md"
    var options = RenderOptions()
    options.outputRoot = root
    let renderer = NotebookRenderer(toolchain: try TestSupport.toolchain(), options: options)

    try "```swift\nprint(\"value 1.0\")\n```\n\n```swift\nprint(\"same\")\n```\n".write(toFile: path, atomically: true, encoding: .utf8)
    _ = try renderer.render(notebookAt: path, outputName: "numbers")
    try "```swift\nprint(\"value 1.01\")\n```\n\n```swift\nprint(\"same\")\n```\n".write(toFile: path, atomically: true, encoding: .utf8)

    let strict = try renderer.diff(notebookAt: path, outputName: "numbers", tolerance: 1e-6)
    let loose = try renderer.diff(notebookAt: path, outputName: "numbers", tolerance: 0.1)

    #expect(strict.map(\.index) == [0], "\(strict)")
    #expect(loose.isEmpty, "\(loose)")
}

@Test func renderCellOptions() throws {
    let result = try TestSupport.render(fixture: "options")
    let statuses = result.record.cells.map(\.status)
    let page = result.page

    #expect(statuses == [.skipped, .ok, .ok], "statuses: \(statuses)")
    #expect(page.contains("this would not compile"), "eval: false still shows the code")
    #expect(page.contains("未运行（eval: false）"))
    #expect(!page.contains("hidden output\n"), "output: false hides the output")
    #expect(page.contains("visible output from hidden code"))
    #expect(!page.contains("print(&quot;visible output"), "echo: false hides the code")
}

@Test func renderPathWithSpacesAndCJK() throws {
    let directory = try TestSupport.temporaryDirectory()
    let path = "\(directory)/第一章 张量.md"
    try FileManager.default.copyItem(atPath: "\(TestSupport.fixtures)/compile-error.md", toPath: path)
    var options = RenderOptions()
    options.outputRoot = try TestSupport.temporaryDirectory()
    let result = try NotebookRenderer(toolchain: try TestSupport.toolchain(), options: options)
        .render(notebookAt: path, outputName: "第一章 张量")

    #expect(result.record.cells.map(\.status) == [.ok, .error, .notRun])
    #expect(result.errors(ofCell: 1).first?.location == "\(path):9:19")
    #expect(FileManager.default.fileExists(atPath: "\(options.outputRoot)/第一章 张量/index.html"))
}

@Test func renderOutputLimitKeepsPrefix() throws {
    let notebook = "```swift\nprint(\"abcdefghij\")\ndisplay(markdown: \"**表**\")\nprint(\"second\")\n```\n"
    let result = try TestSupport.render(notebook: notebook) { $0.streamLimit = 9 }
    let stdout = result.stream(.stdout, ofCell: 0)

    #expect(stdout == "abcdefghi", "observed \(stdout)")
}

@Test func renderCellReusingDescriptorThree() throws {
    let notebook = """
        ```swift
        import Glibc
        close(3)
        let file = open("reused.txt", O_CREAT | O_WRONLY | O_TRUNC, 0o644)
        print("opened", file)
        close(file)
        ```

        ```swift
        print("next")
        ```

        """
    let result = try TestSupport.render(notebook: notebook)
    let statuses = result.record.cells.map(\.status)
    let directory = URL(fileURLWithPath: result.notebookPath).deletingLastPathComponent().path
    let written = try String(contentsOfFile: "\(directory)/reused.txt", encoding: .utf8)

    #expect(statuses == [.ok, .ok], "statuses: \(statuses)")
    #expect(result.stream(.stdout, ofCell: 0) == "opened 3\n")
    #expect(written.isEmpty, "events in the cell's file: \(written)")
    #expect(result.stream(.stdout, ofCell: 1) == "next\n")
}

@Test func renderLostEventChannel() throws {
    let notebook = """
        ```swift
        import Glibc
        for descriptor in Int32(3)..<1024 {
            close(descriptor)
        }
        print("closed")
        ```

        ```swift
        print("next")
        ```

        """
    let result = try TestSupport.render(notebook: notebook)
    let message = result.errors(ofCell: 0).first?.message ?? ""

    #expect(result.record.cells[0].status == .error)
    #expect(message.contains("event channel to redbook was closed"), "\(message)")
    #expect(!message.contains("exited with status"), "\(message)")
}
