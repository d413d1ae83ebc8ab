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
