import Testing
import NotebookEngine

@Test func commandLineRenderOptions() throws {
    let command = try RedbookCommand.parse(["render", "--output", "site", "--timeout=30", "-f", "a.md", "dir"], language: .english)
    var expected = RenderArguments()
    expected.outputRoot = "site"
    expected.timeout = 30
    expected.force = true
    expected.inputs = ["a.md", "dir"]
    #expect(command == .render(expected))
}

@Test func commandLineHelpAndVersion() throws {
    #expect(try RedbookCommand.parse([], language: .english) == .help(.general))
    #expect(try RedbookCommand.parse(["--help"], language: .english) == .help(.general))
    #expect(try RedbookCommand.parse(["render", "--help"], language: .english) == .help(.render))
    #expect(try RedbookCommand.parse(["--version"], language: .english) == .version)
}

@Test func commandLineDoubleDashEndsOptions() throws {
    guard case let .render(arguments) = try RedbookCommand.parse(["render", "--", "-odd.md"], language: .english) else {
        Issue.record("expected a render command")
        return
    }
    #expect(arguments.inputs == ["-odd.md"])
}

@Test(arguments: [
    ["render"],
    ["render", "--timeout", "soon", "a.md"],
    ["render", "--timeout", "-1", "a.md"],
    ["render", "--output"],
    ["render", "--colour", "a.md"],
    ["publish", "a.md"],
])
func commandLineUsageErrors(_ arguments: [String]) {
    #expect(throws: UsageError.self, "\(arguments)") { try RedbookCommand.parse(arguments, language: .english) }
}

@Test func commandLineChineseMessages() {
    let error = #expect(throws: UsageError.self) { try RedbookCommand.parse(["render"], language: .chinese) }
    #expect(error?.message.contains("笔记本") == true, "\(String(describing: error?.message))")
}

@Test func languageFromEnvironment() {
    #expect(Language.forMessages(environment: ["LANG": "zh_CN.UTF-8"]) == .chinese)
    #expect(Language.forMessages(environment: ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"]) == .english)
    #expect(Language.forMessages(environment: [:]) == .english)
}

@Test func commandLineRunCell() throws {
    let command = try RedbookCommand.parse(["run", "--cell", "训练", "--name", "ch01/intro", "nb.md"], language: .english)
    var expected = RenderArguments()
    expected.cell = "训练"
    expected.name = "ch01/intro"
    expected.inputs = ["nb.md"]
    #expect(command == .runCell(expected))
}

@Test func commandLineDiffTolerance() throws {
    let command = try RedbookCommand.parse(["diff", "--tolerance", "1e-3", "--output-limit=4096", "nb.md"], language: .english)
    var expected = RenderArguments()
    expected.tolerance = 1e-3
    expected.outputLimit = 4096
    expected.inputs = ["nb.md"]
    #expect(command == .diff(expected))
}

@Test(arguments: [
    ["run", "nb.md"],
    ["run", "--cell", "1", "a.md", "b.md"],
    ["run", "--cell", "1", "--force", "a.md"],
    ["diff", "--tolerance", "-1", "a.md"],
    ["diff", "--cell", "1", "a.md"],
    ["render", "--output-limit", "0", "a.md"],
])
func commandLineCellCommandErrors(_ arguments: [String]) {
    #expect(throws: UsageError.self, "\(arguments)") { try RedbookCommand.parse(arguments, language: .english) }
}

@Test func commandLineHelpTopics() throws {
    #expect(try RedbookCommand.parse(["run", "--help"], language: .english) == .help(.run))
    #expect(try RedbookCommand.parse(["help", "diff"], language: .english) == .help(.diff))
}

@Test func outputComparisonTolerance() {
    #expect(OutputComparison.textsMatch("loss 0.3333333 acc 91%", "loss 0.3333334 acc 91%", tolerance: 1e-6))
    #expect(!OutputComparison.textsMatch("loss 0.33 acc 91%", "loss 0.34 acc 91%", tolerance: 1e-6))
    #expect(!OutputComparison.textsMatch("loss 0.33", "cost 0.33", tolerance: 1))
    #expect(OutputComparison.textsMatch("1e3 items", "1000.0004 items", tolerance: 1e-6))
}

@Test func timeoutMessageNamesOriginInChinese() {
    let message = Message.cellTimedOut(seconds: 2, limit: 1, source: .notebook(origin: .commandLine)).text(.chinese)
    #expect(message.contains("来自命令行的 --timeout）"), "\(message)")
    #expect(!message.contains("来自--timeout"), "\(message)")
}
