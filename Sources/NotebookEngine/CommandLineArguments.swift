/// A parsed `redbook` command line.
public enum RedbookCommand: Equatable, Sendable {
    case help(HelpTopic)
    case version
    case render(RenderArguments)
}

/// The subject of a help text.
public enum HelpTopic: Equatable, Sendable {
    case general
    case render
}

/// Arguments of `redbook render`.
public struct RenderArguments: Equatable, Sendable {
    public var outputRoot = "Output"
    public var timeout: Double?
    public var force = false
    /// Notebook files and directories, in the order given.
    public var inputs: [String] = []

    public init() {}
}

/// A command line that redbook cannot act on; the CLI prints it with the usage and exits 2.
public struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { "error: \(message)" }
}

extension RedbookCommand {
    /// Parses the arguments after the program name.
    public static func parse(_ arguments: [String], language: Language = .current) throws(UsageError) -> RedbookCommand {
        let chinese = language == .chinese
        guard let first = arguments.first else {
            return .help(.general)
        }
        switch first {
        case "-h", "--help", "help":
            return .help(arguments.count > 1 && arguments[1] == "render" ? .render : .general)
        case "--version", "version":
            return .version
        case "render":
            return try parseRender(Array(arguments.dropFirst()), chinese: chinese)
        default:
            throw UsageError(message: chinese ? "未知命令 '\(first)'；可用命令：render（见 redbook --help）"
                                              : "unknown command '\(first)'; the command is 'render' (see redbook --help)")
        }
    }

    private static func parseRender(_ arguments: [String], chinese: Bool) throws(UsageError) -> RedbookCommand {
        var result = RenderArguments()
        var index = 0
        var optionsEnded = false

        func value(for option: String) throws(UsageError) -> String {
            index += 1
            guard index < arguments.count else {
                throw UsageError(message: chinese ? "选项 \(option) 需要一个值" : "option \(option) needs a value")
            }
            return arguments[index]
        }

        func optionValue(_ inline: String?, for option: String) throws(UsageError) -> String {
            if let inline { return inline }
            return try value(for: option)
        }

        while index < arguments.count {
            let argument = arguments[index]
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                result.inputs.append(argument)
                index += 1
                continue
            }

            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }

            switch name {
            case "--":
                optionsEnded = true
            case "-h", "--help":
                return .help(.render)
            case "-o", "--output":
                let directory = try optionValue(inlineValue, for: name)
                guard !directory.isEmpty else {
                    throw UsageError(message: chinese ? "--output 需要一个目录" : "--output needs a directory")
                }
                result.outputRoot = directory
            case "--timeout":
                let text = try optionValue(inlineValue, for: name)
                guard let seconds = Double(text), seconds > 0, seconds.isFinite else {
                    throw UsageError(message: chinese ? "--timeout 应为正的秒数，实际为 '\(text)'"
                                                      : "--timeout expects a positive number of seconds, found '\(text)'")
                }
                result.timeout = seconds
            case "-f", "--force":
                result.force = true
            default:
                throw UsageError(message: chinese ? "未知选项 '\(argument)'（见 redbook render --help）"
                                                  : "unknown option '\(argument)' (see redbook render --help)")
            }
            index += 1
        }

        guard !result.inputs.isEmpty else {
            throw UsageError(message: chinese ? "请给出至少一个笔记本文件或目录" : "give at least one notebook file or directory")
        }
        return .render(result)
    }
}

/// The text of `redbook --help` and `redbook render --help`.
public enum HelpText {
    public static func text(_ topic: HelpTopic, language: Language = .current) -> String {
        switch (topic, language) {
        case (.general, .english):
            return """
            redbook: render Markdown notebooks with runnable Swift cells into HTML pages.

            Usage:
              redbook render [options] NOTEBOOK.md|DIRECTORY ...
              redbook --help | render --help
              redbook --version

            Run 'redbook render --help' for the render options.
            Exit status: 0 success, 1 a notebook failed, 2 usage error.
            """
        case (.general, .chinese):
            return """
            redbook：把含可运行 Swift 单元的 Markdown 笔记本渲染为 HTML 页面。

            用法：
              redbook render [选项] 笔记本.md|目录 ...
              redbook --help | render --help
              redbook --version

            运行 'redbook render --help' 查看渲染选项。
            退出状态：0 成功，1 有笔记本失败，2 用法错误。
            """
        case (.render, .english):
            return """
            Usage: redbook render [options] NOTEBOOK.md|DIRECTORY ...

            Runs every swift cell of each notebook and writes OUTPUT/<name>/index.html with the
            outputs, outputs.json and figures/. A directory renders every *.md below it and
            writes OUTPUT/index.html listing them.

            Options:
              -o, --output DIR     directory for the pages (default: Output)
                  --timeout S      time limit for each whole notebook, in seconds
                                   (default: the front matter's 'timeout', else 1800)
              -f, --force          run every cell even if the stored outputs are current
              -h, --help           show this help
            """
        case (.render, .chinese):
            return """
            用法：redbook render [选项] 笔记本.md|目录 ...

            运行每个笔记本的全部 swift 单元，写出 输出目录/<名称>/index.html、outputs.json 和
            figures/。给出目录时渲染其下所有 *.md，并写出列出它们的 输出目录/index.html。

            选项：
              -o, --output 目录    页面的输出目录（默认：Output）
                  --timeout 秒数   每个笔记本整体的时间上限，单位秒
                                   （默认：前置元数据中的 'timeout'，否则 1800）
              -f, --force          即使已存的输出仍有效，也重新运行所有单元
              -h, --help           显示本帮助
            """
        }
    }
}
