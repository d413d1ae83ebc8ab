import Foundation
import Testing
import NotebookEngine

private let prose = "# 标题\n\n一段文字。\n"

/// Renders the notebook at `path` into `root/name` and returns the error message, or nil when it rendered.
private func renderError(_ path: String, root: String, name: String) throws -> String? {
    var options = RenderOptions()
    options.outputRoot = root
    let renderer = NotebookRenderer(toolchain: try TestSupport.toolchain(), options: options)
    do {
        _ = try renderer.render(notebookAt: path, outputName: name)
        return nil
    } catch let error as RenderError {
        return error.message
    }
}

private func contents(_ path: String) -> String? {
    try? String(contentsOfFile: path, encoding: .utf8)
}

@Test func outputTargetKeepsForeignDirectory() throws {
    let root = try TestSupport.temporaryDirectory()
    try FileManager.default.createDirectory(atPath: "\(root)/victim", withIntermediateDirectories: true)
    try "thesis".write(toFile: "\(root)/victim/important.txt", atomically: true, encoding: .utf8)
    try prose.write(toFile: "\(root)/victim.md", atomically: true, encoding: .utf8)

    let message = try renderError("\(root)/victim.md", root: root, name: "victim")

    #expect(message?.contains("\(root)/victim is a directory that is not an earlier redbook output") == true, "\(message ?? "rendered")")
    #expect(contents("\(root)/victim/important.txt") == "thesis")
}

@Test func outputTargetKeepsNotebookFolder() throws {
    let project = try TestSupport.temporaryDirectory()
    let lesson = "\(project)/lesson"
    try FileManager.default.createDirectory(atPath: lesson, withIntermediateDirectories: true)
    try prose.write(toFile: "\(lesson)/lesson.md", atomically: true, encoding: .utf8)
    try "1,2\n".write(toFile: "\(lesson)/data.csv", atomically: true, encoding: .utf8)
    try "{}".write(toFile: "\(lesson)/outputs.json", atomically: true, encoding: .utf8)

    let message = try renderError("\(lesson)/lesson.md", root: "\(lesson)/..", name: "lesson")

    #expect(message?.contains("contains the notebook") == true, "\(message ?? "rendered")")
    #expect(contents("\(lesson)/lesson.md") == prose)
    #expect(contents("\(lesson)/data.csv") == "1,2\n")
}

@Test func outputTargetKeepsRegularFile() throws {
    let root = try TestSupport.temporaryDirectory()
    try "mine".write(toFile: "\(root)/base", atomically: true, encoding: .utf8)
    try prose.write(toFile: "\(root)/base.md", atomically: true, encoding: .utf8)

    let message = try renderError("\(root)/base.md", root: root, name: "base")

    #expect(message?.contains("\(root)/base is a file") == true, "\(message ?? "rendered")")
    #expect(contents("\(root)/base") == "mine")
}

@Test func outputTargetReplacesEmptyAndEarlierOutput() throws {
    let root = try TestSupport.temporaryDirectory()
    let source = try TestSupport.temporaryDirectory()
    try FileManager.default.createDirectory(atPath: "\(root)/page", withIntermediateDirectories: true)
    try prose.write(toFile: "\(source)/page.md", atomically: true, encoding: .utf8)

    let first = try renderError("\(source)/page.md", root: root, name: "page")
    let second = try renderError("\(source)/page.md", root: root, name: "page")

    #expect(first == nil, "\(first ?? "")")
    #expect(second == nil, "\(second ?? "")")
    #expect(FileManager.default.fileExists(atPath: "\(root)/page/outputs.json"))
}

@Test func outputTargetRootIsFile() throws {
    let source = try TestSupport.temporaryDirectory()
    try "x".write(toFile: "\(source)/afile", atomically: true, encoding: .utf8)
    try prose.write(toFile: "\(source)/page.md", atomically: true, encoding: .utf8)

    let message = try renderError("\(source)/page.md", root: "\(source)/afile", name: "page")

    #expect(message?.contains("\(source)/afile is a file, not a directory") == true, "\(message ?? "rendered")")
}

@Test func outputTargetAssetsNameIsReserved() throws {
    let root = try TestSupport.temporaryDirectory()
    let source = try TestSupport.temporaryDirectory()
    try prose.write(toFile: "\(source)/page.md", atomically: true, encoding: .utf8)
    try prose.write(toFile: "\(source)/assets.md", atomically: true, encoding: .utf8)
    _ = try renderError("\(source)/page.md", root: root, name: "page")

    let message = try renderError("\(source)/assets.md", root: root, name: "assets")

    #expect(message?.contains("would be written to 'assets/'") == true, "\(message ?? "rendered")")
    #expect(FileManager.default.fileExists(atPath: "\(root)/assets/redbook.css"))
}
