import Foundation
import Testing
import NotebookEngine

/// Runs the built `redbook` binary and returns its exit status, stdout and stderr.
private func redbook(_ arguments: [String], environment extra: [String: String] = [:]) throws -> (Int32, String, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "\(TestSupport.packageRoot)/.build/release/redbook")
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["LANG"] = "C.UTF-8"
    environment["LC_ALL"] = nil
    environment["LC_MESSAGES"] = nil
    process.environment = environment.merging(extra) { $1 }
    let directory = try TestSupport.temporaryDirectory()
    let outputPath = "\(directory)/stdout"
    let errorPath = "\(directory)/stderr"
    _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
    try process.run()
    process.waitUntilExit()
    return (process.terminationStatus,
            try String(contentsOfFile: outputPath, encoding: .utf8),
            try String(contentsOfFile: errorPath, encoding: .utf8))
}

@Test func toolExitCodes() throws {
    let root = try TestSupport.temporaryDirectory()
    let (okStatus, _, _) = try redbook(["render", "--output", root, "\(TestSupport.fixtures)/cache.md"])
    let (failStatus, _, failErrors) = try redbook(["render", "--output", root, "\(TestSupport.fixtures)/compile-error.md"])
    let (usageStatus, _, _) = try redbook(["render", "--bogus"])
    let (missingStatus, _, missingErrors) = try redbook(["render", "--output", root, "no-such-notebook.md"])

    #expect(okStatus == 0)
    #expect(failStatus == 1)
    #expect(failErrors.contains("compile-error.md:9:19: error: cannot convert"), "\(failErrors)")
    #expect(failErrors.contains("                  ^"), "\(failErrors)")
    #expect(usageStatus == 2)
    #expect(missingStatus == 2)
    #expect(missingErrors.contains("no-such-notebook.md not found"), "\(missingErrors)")
}

@Test func toolChineseMessages() throws {
    let (status, _, errors) = try redbook(["render"], environment: ["LANG": "zh_CN.UTF-8"])
    #expect(status == 2)
    #expect(errors.contains("笔记本"), "\(errors)")
}

@Test func toolRendersDirectoryWithIndex() throws {
    let source = try TestSupport.temporaryDirectory()
    let root = try TestSupport.temporaryDirectory()
    try FileManager.default.createDirectory(atPath: "\(source)/part", withIntermediateDirectories: true)
    try "# 第一篇\n\n文字。\n".write(toFile: "\(source)/one.md", atomically: true, encoding: .utf8)
    try "---\ntitle: 第二篇\n---\n\n```swift\nprint(\"二\")\n```\n".write(toFile: "\(source)/part/two.md", atomically: true, encoding: .utf8)

    let (status, _, errors) = try redbook(["render", "--output", root, source])
    let index = try String(contentsOfFile: "\(root)/index.html", encoding: .utf8)

    #expect(status == 0, "\(errors)")
    #expect(index.contains("<a href=\"one/index.html\">第一篇</a>"))
    #expect(index.contains("<a href=\"part/two/index.html\">第二篇</a>"))
    #expect(FileManager.default.fileExists(atPath: "\(root)/part/two/index.html"))
    let nested = try String(contentsOfFile: "\(root)/part/two/index.html", encoding: .utf8)
    #expect(nested.contains("href=\"../../assets/redbook.css\""))
    #expect(nested.contains("<a class=\"page-prev\" rel=\"prev\" href=\"../../one/index.html\">"), "without index.md the pages follow path order")
}

@Test func toolRendersHomePageAndWarnsAboutLinks() throws {
    let source = try TestSupport.temporaryDirectory()
    let root = try TestSupport.temporaryDirectory()
    try "# 课程\n\n[第一篇](one.md) [缺失](missing.md)\n".write(toFile: "\(source)/index.md", atomically: true, encoding: .utf8)
    try "# 第一篇\n\n![图](none.png)\n".write(toFile: "\(source)/one.md", atomically: true, encoding: .utf8)

    let (status, output, errors) = try redbook(["render", "--output", root, source])
    let (_, _, chineseErrors) = try redbook(["render", "--output", root, source], environment: ["LANG": "zh_CN.UTF-8"])

    #expect(status == 0, "warnings do not fail the render: \(errors)")
    #expect(output.contains("index.md -> \(root)/index.html"), "\(output)")
    #expect(errors.contains("index.md:3:20: warning: link to 'missing.md' is left as written"), "\(errors)")
    #expect(errors.contains("one.md:3:6: warning: image 'none.png' is not copied to the page"), "\(errors)")
    #expect(chineseErrors.contains("index.md:3:20: warning: 指向 'missing.md' 的链接保持原样"), "\(chineseErrors)")
    #expect(!FileManager.default.fileExists(atPath: "\(root)/index/index.html"))
}

@Test func toolPrintsFrontMatterWarning() throws {
    let source = try TestSupport.temporaryDirectory()
    try "---\nauthor: x\n---\n\ntext\n".write(toFile: "\(source)/w.md", atomically: true, encoding: .utf8)
    let (status, _, errors) = try redbook(["render", "--output", "\(source)/out", "\(source)/w.md"])
    #expect(status == 0)
    #expect(errors.contains("w.md:2:1: warning: unknown front matter key 'author'"), "\(errors)")
}

@Test func toolPrintsVersion() throws {
    let (status, output, _) = try redbook(["--version"])
    #expect(status == 0)
    #expect(output.hasPrefix("redbook "), "\(output)")
}

@Test(arguments: ["0", "99", "nope"])
func toolRunUnknownCellIsUsageError(_ reference: String) throws {
    let directory = try TestSupport.temporaryDirectory()
    try "```swift\n//| label: setup\nprint(1)\n```\n\n```swift\nprint(2)\n```\n"
        .write(toFile: "\(directory)/two.md", atomically: true, encoding: .utf8)

    let (status, _, errors) = try redbook(["run", "--cell", reference, "--output", "\(directory)/out", "\(directory)/two.md"])

    #expect(status == 2, "\(errors)")
    #expect(errors.contains("no cell '\(reference)': give a cell number from 1 to 2 or a label (setup)"), "\(errors)")
}

@Test func toolRendersOneNotebookOfSite() throws {
    let source = try TestSupport.temporaryDirectory()
    let root = try TestSupport.temporaryDirectory()
    try FileManager.default.createDirectory(atPath: "\(source)/part", withIntermediateDirectories: true)
    try "# 课程\n\n[第一篇](one.md) [第二篇](part/two.md)\n".write(toFile: "\(source)/index.md", atomically: true, encoding: .utf8)
    try "# 第一篇\n".write(toFile: "\(source)/one.md", atomically: true, encoding: .utf8)
    try "# 第二篇\n\n```swift\nprint(\"二\")\n```\n".write(toFile: "\(source)/part/two.md", atomically: true, encoding: .utf8)
    let pagePath = "\(root)/part/two/index.html"

    let (renderStatus, renderOutput, renderErrors) = try redbook(["render", "--output", root, "\(source)/part/two.md"])
    let (runStatus, _, runErrors) = try redbook(["run", "--cell", "1", "--output", root, "\(source)/part/two.md"])
    let (diffStatus, diffOutput, diffErrors) = try redbook(["diff", "--output", root, "\(source)/part/two.md"])
    let page = try String(contentsOfFile: pagePath, encoding: .utf8)

    #expect(renderStatus == 0, "\(renderErrors)")
    #expect(renderOutput.contains("part/two.md -> \(pagePath)"), "\(renderOutput)")
    #expect(!FileManager.default.fileExists(atPath: "\(root)/two"))
    #expect(runStatus == 0, "\(runErrors)")
    #expect(page.contains("<a class=\"page-prev\" rel=\"prev\" href=\"../../one/index.html\">"), "run --cell keeps the previous link")
    #expect(page.contains("href=\"../../assets/redbook.css\""))
    #expect(diffStatus == 0, "\(diffOutput)\(diffErrors)")
}

@Test func toolRendersFolderOfSite() throws {
    let source = try TestSupport.temporaryDirectory()
    let root = try TestSupport.temporaryDirectory()
    try FileManager.default.createDirectory(atPath: "\(source)/part", withIntermediateDirectories: true)
    try "# 课程\n\n[第一篇](one.md) [第三篇](part/three.md) [第二篇](part/two.md)\n".write(toFile: "\(source)/index.md", atomically: true, encoding: .utf8)
    try "# 第一篇\n".write(toFile: "\(source)/one.md", atomically: true, encoding: .utf8)
    try "# 第二篇\n".write(toFile: "\(source)/part/two.md", atomically: true, encoding: .utf8)
    try "# 第三篇\n".write(toFile: "\(source)/part/three.md", atomically: true, encoding: .utf8)

    let (status, output, errors) = try redbook(["render", "--output", root, "\(source)/part"])
    let two = try String(contentsOfFile: "\(root)/part/two/index.html", encoding: .utf8)
    let threeLine = output.range(of: "part/three.md")?.lowerBound
    let twoLine = output.range(of: "part/two.md")?.lowerBound

    #expect(status == 0, "\(errors)")
    #expect(!FileManager.default.fileExists(atPath: "\(root)/index.html"), "the site's home page is not rendered")
    #expect(!FileManager.default.fileExists(atPath: "\(root)/two"))
    #expect(FileManager.default.fileExists(atPath: "\(root)/part/three/index.html"))
    #expect(two.contains("<a class=\"page-prev\" rel=\"prev\" href=\"../three/index.html\">"), "the site's order holds")
    #expect(two.contains("href=\"../../assets/redbook.css\""))
    let threeStart = try #require(threeLine, "\(output)")
    let twoStart = try #require(twoLine, "\(output)")
    #expect(threeStart < twoStart, "pages render in course order: \(output)")
}
