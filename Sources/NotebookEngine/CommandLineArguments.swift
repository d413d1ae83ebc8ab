/// A parsed `redbook` command line.
public enum RedbookCommand: Equatable, Sendable {
    case help(HelpTopic)
    case version
    /// `redbook render`: run and render whole notebooks.
    case render(RenderArguments)
    /// `redbook run --cell`: re-run one cell and update its stored output.
    case runCell(RenderArguments)
    /// `redbook diff`: run a notebook and compare the outputs with the stored ones.
    case diff(RenderArguments)
}

/// The subject of a help text.
public enum HelpTopic: String, Equatable, Sendable {
    case general
    case render
    case run
    case diff
}

/// Arguments of `redbook render`, `run` and `diff`; each command accepts its own subset.
public struct RenderArguments: Equatable, Sendable {
    public var outputRoot = "Output"
    public var timeout: Double?
    public var force = false
    /// Bytes kept per output stream per cell.
    public var outputLimit = 256 * 1024
    /// Notebook files and directories, in the order given.
    public var inputs: [String] = []
    /// `run`: the cell to re-run, by one-based number or label.
    public var cell: String?
    /// `run` and `diff`: the output directory name under the output root. Without it, the name is
    /// the one `redbook render NOTEBOOK.md` uses: the page's path in its site, else the file name without `.md`.
    public var name: String?
    /// `diff`: relative tolerance for numbers in outputs.
    public var tolerance = 1e-6
    /// `diff`: how far figures may differ, from `--pixel-tolerance` and `--pixel-fraction`.
    public var pixelTolerance = PixelTolerance()

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
        let rest = Array(arguments.dropFirst())
        switch first {
        case "-h", "--help", "help":
            return .help(rest.first.flatMap(HelpTopic.init(rawValue:)) ?? .general)
        case "--version", "version":
            return .version
        case "render", "run", "diff":
            let topic = HelpTopic(rawValue: first)!
            var parser = OptionParser(arguments: rest, command: topic, chinese: chinese)
            guard let parsed = try parser.parse() else {
                return .help(topic)
            }
            switch topic {
            case .run: return .runCell(parsed)
            case .diff: return .diff(parsed)
            default: return .render(parsed)
            }
        default:
            throw UsageError(message: chinese ? "未知命令 '\(first)'；可用命令：render、run、diff（见 redbook --help）"
                                              : "unknown command '\(first)'; the commands are render, run and diff (see redbook --help)")
        }
    }
}

/// Parses the options and operands of one subcommand.
private struct OptionParser {
    var arguments: [String]
    var command: HelpTopic
    var chinese: Bool
    private var index = 0

    init(arguments: [String], command: HelpTopic, chinese: Bool) {
        self.arguments = arguments
        self.command = command
        self.chinese = chinese
    }

    /// Options each command accepts, by long name.
    private var accepted: Set<String> {
        switch command {
        case .run: return ["--output", "--timeout", "--output-limit", "--cell", "--name"]
        case .diff: return ["--output", "--timeout", "--output-limit", "--name", "--tolerance", "--pixel-tolerance", "--pixel-fraction"]
        default: return ["--output", "--timeout", "--output-limit", "--force"]
        }
    }

    /// Returns the arguments, or nil when help was requested.
    mutating func parse() throws(UsageError) -> RenderArguments? {
        var result = RenderArguments()
        var optionsEnded = false

        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                result.inputs.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }

            var name = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            name = ["-o": "--output", "-f": "--force", "-h": "--help"][name] ?? name
            if name == "--help" {
                return nil
            }
            guard accepted.contains(name) else {
                throw usage("unknown option '\(argument)' (see redbook \(command.rawValue) --help)",
                            "未知选项 '\(argument)'（见 redbook \(command.rawValue) --help）")
            }

            switch name {
            case "--force":
                result.force = true
            case "--output":
                result.outputRoot = try nonEmptyValue(inlineValue, for: name)
            case "--cell":
                result.cell = try nonEmptyValue(inlineValue, for: name)
            case "--name":
                result.name = try nonEmptyValue(inlineValue, for: name)
            case "--timeout":
                result.timeout = try positiveNumber(inlineValue, for: name)
            case "--tolerance":
                let text = try nonEmptyValue(inlineValue, for: name)
                guard let tolerance = Double(text), tolerance >= 0, tolerance.isFinite else {
                    throw usage("--tolerance expects a number of at least 0, found '\(text)'", "--tolerance 应为不小于 0 的数，实际为 '\(text)'")
                }
                result.tolerance = tolerance
            case "--pixel-tolerance":
                let text = try nonEmptyValue(inlineValue, for: name)
                guard let levels = Int(text), (0...255).contains(levels) else {
                    throw usage("--pixel-tolerance expects a whole number of channel levels from 0 to 255, found '\(text)'",
                                "--pixel-tolerance 应为 0 到 255 之间的整数（通道级数），实际为 '\(text)'")
                }
                result.pixelTolerance.channelLevels = levels
            case "--pixel-fraction":
                let text = try nonEmptyValue(inlineValue, for: name)
                guard let fraction = Double(text), (0...1).contains(fraction) else {
                    throw usage("--pixel-fraction expects a fraction of pixels from 0 to 1, found '\(text)'",
                                "--pixel-fraction 应为 0 到 1 之间的像素比例，实际为 '\(text)'")
                }
                result.pixelTolerance.pixelFraction = fraction
            default:
                let text = try nonEmptyValue(inlineValue, for: name)
                guard let bytes = Int(text), bytes > 0 else {
                    throw usage("--output-limit expects a positive number of bytes, found '\(text)'", "--output-limit 应为正的字节数，实际为 '\(text)'")
                }
                result.outputLimit = bytes
            }
        }

        try validate(result)
        return result
    }

    private func validate(_ result: RenderArguments) throws(UsageError) {
        guard !result.inputs.isEmpty else {
            throw usage("give at least one notebook file or directory", "请给出至少一个笔记本文件或目录")
        }
        if command == .run || command == .diff, result.inputs.count != 1 {
            throw usage("redbook \(command.rawValue) takes exactly one notebook file", "redbook \(command.rawValue) 只接受一个笔记本文件")
        }
        if command == .run, result.cell == nil {
            throw usage("redbook run needs --cell NUMBER|LABEL", "redbook run 需要 --cell 编号|标签")
        }
    }

    private mutating func nonEmptyValue(_ inline: String?, for option: String) throws(UsageError) -> String {
        var value = inline
        if value == nil, index < arguments.count {
            value = arguments[index]
            index += 1
        }
        guard let value, !value.isEmpty else {
            throw usage("option \(option) needs a value", "选项 \(option) 需要一个值")
        }
        return value
    }

    private mutating func positiveNumber(_ inline: String?, for option: String) throws(UsageError) -> Double {
        let text = try nonEmptyValue(inline, for: option)
        guard let seconds = Double(text), seconds > 0, seconds.isFinite else {
            throw usage("\(option) expects a positive number of seconds, found '\(text)'", "\(option) 应为正的秒数，实际为 '\(text)'")
        }
        return seconds
    }

    private func usage(_ english: String, _ chinese: String) -> UsageError {
        UsageError(message: self.chinese ? chinese : english)
    }
}
