import Foundation
import Testing
import NotebookEngine

/// A notebook text and what parsing it must produce.
struct ParseCase: CustomTestStringConvertible, Sendable {
    var name: String
    var text: String
    var cellCount: Int
    var firstCodeLines: [Int] = []
    var warningLines: [Int] = []

    var testDescription: String { name }
}

let parseCases: [ParseCase] = [
    ParseCase(name: "empty file", text: "", cellCount: 0),
    ParseCase(name: "prose only", text: "# 标题\n\n中文段落。\n", cellCount: 0),
    ParseCase(name: "one cell", text: "# T\n\n```swift\nprint(1)\n```\n", cellCount: 1, firstCodeLines: [4]),
    ParseCase(name: "options shift first code line",
              text: "```swift\n//| label: a\n//| echo: false\nprint(1)\n```\n", cellCount: 1, firstCodeLines: [4]),
    ParseCase(name: "nested fence inside longer fence",
              text: "````markdown\n```swift\nprint(\"inner\")\n```\n````\n\n```swift\nprint(2)\n```\n",
              cellCount: 1, firstCodeLines: [8]),
    ParseCase(name: "swift with extra info words", text: "```swift {.numbered}\nprint(1)\n```\n", cellCount: 1, firstCodeLines: [2]),
    ParseCase(name: "other languages are not cells", text: "```python\nprint(1)\n```\n\n```swiftui\nText()\n```\n", cellCount: 0),
    ParseCase(name: "unterminated fence runs to end", text: "# T\n\n```swift\nprint(1)\n\nmore text\n", cellCount: 1,
              firstCodeLines: [4], warningLines: [3]),
    ParseCase(name: "CRLF line endings", text: "# T\r\n\r\n```swift\r\nprint(1)\r\n```\r\n", cellCount: 1, firstCodeLines: [4]),
    ParseCase(name: "front matter keeps line numbers",
              text: "---\ntitle: 测试\n---\n\n```swift\nprint(1)\n```\n", cellCount: 1, firstCodeLines: [6]),
    ParseCase(name: "unknown cell option warns", text: "```swift\n//| colour: red\nprint(1)\n```\n", cellCount: 1,
              firstCodeLines: [3], warningLines: [2]),
    ParseCase(name: "unknown front matter key warns", text: "---\nauthor: 某人\n---\n", cellCount: 0, warningLines: [2]),
]

@Test(arguments: parseCases)
func parserCase(_ testCase: ParseCase) throws {
    let notebook = try TestSupport.parse(testCase.text)

    #expect(notebook.cells.count == testCase.cellCount, "cells: expected \(testCase.cellCount), observed \(notebook.cells.count)")
    if !testCase.firstCodeLines.isEmpty {
        let observed = notebook.cells.map(\.firstCodeLine)
        #expect(observed == testCase.firstCodeLines, "first code lines: expected \(testCase.firstCodeLines), observed \(observed)")
    }
    let warningLines = notebook.warnings.map(\.line)
    #expect(warningLines == testCase.warningLines, "warning lines: expected \(testCase.warningLines), observed \(warningLines)")
}

@Test func parserOptionValues() throws {
    let text = """
    ```swift
    //| label: "训练"
    //| eval: false
    //| echo: false
    //| output: false
    //| error: true
    //| timeout: 2.5
    //| fig-cap: '损失曲线'
    let x = 1
    ```
    """
    let options = try #require(try TestSupport.parse(text).cells.first).options

    #expect(options.label == "训练")
    #expect(options.eval == false)
    #expect(options.echo == false)
    #expect(options.output == false)
    #expect(options.expectsError == true)
    #expect(options.timeout == 2.5)
    #expect(options.figureCaption == "损失曲线")
}

@Test func parserCodeExcludesOptions() throws {
    let cell = try #require(try TestSupport.parse("```swift\n//| label: a\nlet x = 1\nprint(x)\n```\n").cells.first)
    #expect(cell.code == "let x = 1\nprint(x)")
}

@Test func parserBadBooleanPointsAtValue() {
    let text = "# T\n\n```swift\n//| eval: maybe\nprint(1)\n```\n"
    let error = #expect(throws: NotebookParseError.self) { try TestSupport.parse(text) }
    let diagnostic = error?.errors.first

    #expect(diagnostic?.line == 4, "line: expected 4, observed \(String(describing: diagnostic?.line))")
    #expect(diagnostic?.column == 11, "column: expected 11, observed \(String(describing: diagnostic?.column))")
    #expect(diagnostic?.description.hasPrefix("test.md:4:11: error:") == true, "\(String(describing: diagnostic))")
    #expect(diagnostic?.message.contains("maybe") == true)
}

@Test func parserBadTimeoutOption() {
    let error = #expect(throws: NotebookParseError.self) { try TestSupport.parse("```swift\n//| timeout: soon\n```\n") }
    #expect(error?.errors.first?.line == 2)
}

@Test func parserMalformedOptionLine() {
    let error = #expect(throws: NotebookParseError.self) { try TestSupport.parse("```swift\n//| just words\n```\n") }
    #expect(error?.errors.first?.line == 2)
    #expect(error?.errors.first?.column == 1)
}

@Test func parserDuplicateLabel() {
    let text = "```swift\n//| label: a\n```\n\n```swift\n//| label: a\n```\n"
    let error = #expect(throws: NotebookParseError.self) { try TestSupport.parse(text) }
    #expect(error?.errors.first?.line == 6)
}

@Test func frontMatterValues() throws {
    let notebook = try TestSupport.parse("---\ntitle: \"第一章: 张量\"\nlang: en\ntimeout: 90\ndescription: 简介\n---\n")
    #expect(notebook.frontMatter.title == "第一章: 张量")
    #expect(notebook.frontMatter.lang == "en")
    #expect(notebook.frontMatter.timeout == 90)
    #expect(notebook.frontMatter.description == "简介")
}

@Test func frontMatterDefaultLanguage() throws {
    #expect(try TestSupport.parse("# T\n").frontMatter.lang == "zh-CN")
}

@Test func frontMatterMalformedLine() {
    let error = #expect(throws: NotebookParseError.self) { try TestSupport.parse("---\ntitle: ok\nthis is not a pair\n---\n") }
    #expect(error?.errors.first?.line == 3, "\(String(describing: error))")
}

@Test func frontMatterUnclosed() {
    let error = #expect(throws: NotebookParseError.self) { try TestSupport.parse("---\ntitle: x\n\n# Body\n") }
    #expect(error?.errors.first?.line == 1)
}

@Test func frontMatterBadTimeout() {
    let error = #expect(throws: NotebookParseError.self) { try TestSupport.parse("---\ntimeout: -3\n---\n") }
    #expect(error?.errors.first?.line == 2)
    #expect(error?.errors.first?.column == 10)
}

@Test func sourceStripsByteOrderMark() throws {
    let source = try SourceText(bytes: [0xEF, 0xBB, 0xBF] + Array("# 标题\n".utf8), path: "bom.md")
    #expect(source.lines == ["# 标题"])
}

@Test func sourceRejectsInvalidUTF8() {
    let bytes: [UInt8] = Array("ok\n".utf8) + [0xFF, 0x41]
    let error = #expect(throws: NotebookDiagnostic.self) { try SourceText(bytes: bytes, path: "bad.md") }
    #expect(error?.message.contains("bad.md") == true)
    #expect(error?.message.contains("offset 3") == true, "\(String(describing: error?.message))")
}

@Test func sourceInvalidUTF8FromFileNamesPath() throws {
    let directory = try TestSupport.temporaryDirectory()
    let path = "\(directory)/latin1.md"
    try Data([0x63, 0x61, 0x66, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: path))

    let error = #expect(throws: NotebookParseError.self) { try Notebook(contentsOf: path) }
    #expect(error?.errors.first?.message.contains(path) == true)
    #expect(error?.errors.first?.message.contains("offset 3") == true)
}

@Test func diagnosticCaretUnderColumn() {
    let diagnostic = NotebookDiagnostic(severity: .error, file: "a.md", line: 3, column: 5, message: "bad", sourceLine: "let x = y")
    #expect(diagnostic.description == "a.md:3:5: error: bad\nlet x = y\n    ^")
}

@Test func sourceInvalidUTF8NamesLineAndColumn() {
    let bytes: [UInt8] = Array("# 标题\r\n\ntext 中文 ".utf8) + [0xFF] + Array("\n".utf8)
    let error = #expect(throws: NotebookDiagnostic.self) { try SourceText(bytes: bytes, path: "bad.md") }
    #expect(error?.line == 3, "line: expected 3, observed \(String(describing: error?.line))")
    #expect(error?.column == 9, "column: expected 9, observed \(String(describing: error?.column))")
}

@Test func parserDuplicateCellOption() {
    let error = #expect(throws: NotebookParseError.self) {
        try TestSupport.parse("```swift\n//| eval: true\n//| eval: false\nprint(1)\n```\n")
    }
    let description = error?.errors.first?.description ?? ""
    #expect(description.hasPrefix("test.md:3:5: error: cell option 'eval' is given twice"), "\(description)")
}
