/// Every sentence redbook shows to a person, in English and Chinese.
///
/// Diagnostics, terminal output and page chrome all take their text from here, so the two
/// languages stay side by side and complete.
public enum Message: Equatable, Sendable {
    // Reading the notebook.
    case fileUnreadable(path: String, reason: String)
    case notUTF8(path: String, offset: Int)
    case frontMatterUnclosed
    case frontMatterMalformed(line: String)
    case frontMatterUnknownKey(String)
    case frontMatterDuplicateKey(String)
    case frontMatterBadTimeout(String)
    case frontMatterEmptyValue(String)
    case cellOptionMalformed(line: String)
    case cellOptionUnknown(String)
    case cellOptionBadBoolean(key: String, value: String)
    case cellOptionBadTimeout(String)
    case cellOptionEmptyValue(String)
    case cellOptionDuplicate(String)
    case duplicateLabel(String, firstLine: Int)
    case unterminatedFence(fence: String)
    case linkTargetMissing(link: String, path: String)
    case imageMissing(image: String, path: String)

    // Building and running.
    case toolchainMissing(what: String, path: String)
    case toolNotFound(String)
    case toolFailed(command: String, status: Int32, output: String)
    case compileFailedOutsideCells(output: String)
    case cellCrashed(signal: String)
    case cellExitedEarly(status: Int32)
    case eventChannelLost
    case cellTimedOut(seconds: Double, limit: Double, source: TimeoutSource)
    case programFailedToStart(reason: String)
    case outputNotWritable(path: String, reason: String)
    case outputRootIsFile(path: String)
    case outputOccupied(path: String, what: OccupiedBy)
    case outputContainsNotebook(path: String, notebook: String)
    case outputNameReserved(notebook: String, name: String)
    case cellNotFound(reference: String, count: Int, labels: [String])
    case inputNotFound(path: String)
    case noStoredOutputs(path: String, directory: String)

    // Page chrome.
    case pageContents
    case pageRunTime(seconds: Double)
    case pageNotRun
    case pageSkipped
    case pageExpectedError
    case pageError
    case pageTimedOut
    case pageOutput
    case pageTruncated(droppedBytes: Int)
    case pageCachedNote
    case pageIndexTitle
    case pageGeneratedBy
    case pagePrevious
    case pageNext
    case pageOtherPages

    /// The origin of a time limit, so the message can name the setting that raises it.
    public enum TimeoutSource: Equatable, Sendable {
        case cellOption
        case cellDefault
        case notebook(origin: NotebookTimeoutOrigin)
    }

    /// The kind of item already at the path of a notebook's output directory.
    public enum OccupiedBy: Equatable, Sendable {
        case file
        case directory
    }

    /// Returns the text in `language`.
    public func text(_ language: Language = .current) -> String {
        let (english, chinese) = texts
        return language == .chinese ? chinese : english
    }

    private var texts: (String, String) {
        switch self {
        case let .fileUnreadable(path, reason):
            return ("cannot read \(path): \(reason)", "无法读取 \(path)：\(reason)")
        case let .notUTF8(path, offset):
            return ("\(path) is not valid UTF-8: invalid byte at offset \(offset); save the file as UTF-8",
                    "\(path) 不是有效的 UTF-8：第 \(offset) 字节无效；请以 UTF-8 编码保存文件")
        case .frontMatterUnclosed:
            return ("front matter opened with '---' is never closed; add a line '---' after the last key",
                    "以 '---' 开始的前置元数据没有结束；请在最后一个键之后加一行 '---'")
        case let .frontMatterMalformed(line):
            return ("expected 'key: value' in front matter, found '\(line)'",
                    "前置元数据应为 'key: value'，实际为 '\(line)'")
        case let .frontMatterUnknownKey(key):
            return ("unknown front matter key '\(key)' is ignored; known keys: title, lang, timeout, description",
                    "未知的前置元数据键 '\(key)' 已忽略；可用的键：title、lang、timeout、description")
        case let .frontMatterDuplicateKey(key):
            return ("front matter key '\(key)' is given twice; keep one", "前置元数据键 '\(key)' 出现了两次；请只保留一个")
        case let .frontMatterBadTimeout(value):
            return ("expected a positive number of seconds for 'timeout', found '\(value)'",
                    "'timeout' 应为正的秒数，实际为 '\(value)'")
        case let .frontMatterEmptyValue(key):
            return ("front matter key '\(key)' has an empty value", "前置元数据键 '\(key)' 的值为空")
        case let .cellOptionMalformed(line):
            return ("expected '//| key: value' as a cell option, found '\(line)'",
                    "单元选项应为 '//| key: value'，实际为 '\(line)'")
        case let .cellOptionUnknown(key):
            return ("unknown cell option '\(key)' is ignored; known options: label, eval, echo, output, error, timeout, fig-cap",
                    "未知的单元选项 '\(key)' 已忽略；可用的选项：label、eval、echo、output、error、timeout、fig-cap")
        case let .cellOptionBadBoolean(key, value):
            return ("expected true or false for cell option '\(key)', found '\(value)'",
                    "单元选项 '\(key)' 应为 true 或 false，实际为 '\(value)'")
        case let .cellOptionBadTimeout(value):
            return ("expected a positive number of seconds for cell option 'timeout', found '\(value)'",
                    "单元选项 'timeout' 应为正的秒数，实际为 '\(value)'")
        case let .cellOptionEmptyValue(key):
            return ("cell option '\(key)' has an empty value", "单元选项 '\(key)' 的值为空")
        case let .cellOptionDuplicate(key):
            return ("cell option '\(key)' is given twice; keep one", "单元选项 '\(key)' 出现了两次；请只保留一个")
        case let .duplicateLabel(label, firstLine):
            return ("cell label '\(label)' is already used by the cell at line \(firstLine); labels must be unique",
                    "单元标签 '\(label)' 已被第 \(firstLine) 行的单元使用；标签必须唯一")
        case let .unterminatedFence(fence):
            return ("code block opened with \(fence) is never closed, so it runs to the end of the file; add a closing \(fence)",
                    "以 \(fence) 开始的代码块没有结束，一直延续到文件末尾；请加上结束的 \(fence)")
        case let .linkTargetMissing(link, path):
            return ("link to '\(link)' is left as written because \(path) does not exist; fix the path or add the notebook",
                    "指向 '\(link)' 的链接保持原样，因为 \(path) 不存在；请改正路径或补上该笔记本")
        case let .imageMissing(image, path):
            return ("image '\(image)' is not copied to the page because \(path) does not exist; the page shows a broken image until the path is fixed",
                    "图片 '\(image)' 没有复制到页面旁，因为 \(path) 不存在；改正路径之前，页面上的图片无法显示")
        case let .toolchainMissing(what, path):
            return ("\(what) not found at \(path); run 'make build' (or 'swift build -c release') in the redbook repository first",
                    "在 \(path) 找不到\(what)；请先在 redbook 仓库中运行 'make build'（或 'swift build -c release'）")
        case let .toolNotFound(tool):
            return ("'\(tool)' not found on PATH; install it (scripts/setup installs the system packages) and run 'make build'",
                    "PATH 中找不到 '\(tool)'；请安装它（scripts/setup 会安装系统软件包）并运行 'make build'")
        case let .toolFailed(command, status, output):
            return ("'\(command)' failed with exit status \(status): \(output)", "'\(command)' 失败，退出状态 \(status)：\(output)")
        case let .compileFailedOutsideCells(output):
            return ("the generated program failed to compile or link outside any cell:\n\(output)",
                    "生成的程序在单元之外编译或链接失败：\n\(output)")
        case let .cellCrashed(signal):
            return ("the program crashed in this cell (\(signal))", "程序在此单元崩溃（\(signal)）")
        case let .cellExitedEarly(status):
            return ("the program exited with status \(status) in this cell", "程序在此单元退出，退出状态 \(status)")
        case .eventChannelLost:
            return ("this cell ran to its end, but the program's event channel to redbook was closed in it, so its end, its displays and all later cells were lost; do not close file descriptors that the cell did not open",
                    "此单元已运行到结尾，但程序通往 redbook 的事件通道在其中被关闭，因此它的结束、显示内容和之后的所有单元都丢失了；请不要关闭并非由单元打开的文件描述符")
        case let .cellTimedOut(seconds, limit, source):
            let elapsed = formatSeconds(seconds)
            let limitText = formatSeconds(limit)
            switch source {
            case .cellOption:
                return ("cell timed out after \(elapsed) (limit \(limitText) from its option 'timeout'); raise '//| timeout: SECONDS'",
                        "单元运行 \(elapsed) 后超时（上限 \(limitText)，来自单元选项 'timeout'）；请调大 '//| timeout: 秒数'")
            case .cellDefault:
                return ("cell timed out after \(elapsed) (default limit \(limitText) per cell); raise it with the cell option '//| timeout: SECONDS'",
                        "单元运行 \(elapsed) 后超时（每个单元默认上限 \(limitText)）；可用单元选项 '//| timeout: 秒数' 调大")
            case let .notebook(origin):
                let (englishOrigin, chineseOrigin) = origin.texts
                return ("the notebook timed out after \(elapsed) in this cell (limit \(limitText) from \(englishOrigin)); raise 'timeout:' in the front matter or pass --timeout SECONDS",
                        "笔记本运行 \(elapsed) 后在此单元超时（上限 \(limitText)，来自\(chineseOrigin)）；请调大前置元数据中的 'timeout:' 或使用 --timeout 秒数")
            }
        case let .programFailedToStart(reason):
            return ("cannot start the notebook program: \(reason)", "无法启动笔记本程序：\(reason)")
        case let .outputNotWritable(path, reason):
            return ("cannot write the output to \(path): \(reason); the previous output is left as it was",
                    "无法写入输出 \(path)：\(reason)；原有输出保持不变")
        case let .outputRootIsFile(path):
            return ("the output directory \(path) is a file, not a directory; give a directory with --output",
                    "输出目录 \(path) 是一个文件而不是目录；请用 --output 指定一个目录")
        case let .outputOccupied(path, what):
            let english = what == .file ? "a file" : "a directory that is not an earlier redbook output (it has no outputs.json)"
            let chinese = what == .file ? "一个文件" : "一个不是 redbook 先前输出的目录（其中没有 outputs.json）"
            return ("\(path) is \(english), and rendering would replace it; move it away or give another directory with --output",
                    "\(path) 是\(chinese)，渲染会替换它；请把它移走或用 --output 指定另一个目录")
        case let .outputContainsNotebook(path, notebook):
            return ("the output directory \(path) contains the notebook \(notebook), and rendering would replace it; give another directory with --output",
                    "输出目录 \(path) 包含笔记本 \(notebook)，渲染会替换它；请用 --output 指定另一个目录")
        case let .outputNameReserved(notebook, name):
            return ("\(notebook) would be written to '\(name)/', which holds the pages' shared style sheets and scripts; rename the notebook or its folder",
                    "\(notebook) 的输出会写到 '\(name)/'，而该目录存放页面共用的样式表和脚本；请给笔记本或其文件夹改名")
        case let .cellNotFound(reference, count, labels):
            if count == 0 {
                return ("no cell '\(reference)': the notebook has no swift cells", "没有单元 '\(reference)'：笔记本中没有 swift 单元")
            }
            let english = labels.isEmpty ? "" : " or a label (\(labels.joined(separator: ", ")))"
            let chinese = labels.isEmpty ? "" : "或单元标签（\(labels.joined(separator: "、"))）"
            return ("no cell '\(reference)': give a cell number from 1 to \(count)\(english)",
                    "没有单元 '\(reference)'：请给出 1 到 \(count) 的单元编号\(chinese)")
        case let .inputNotFound(path):
            return ("\(path) not found; give a notebook file (*.md) or a directory of notebooks",
                    "找不到 \(path)；请给出笔记本文件（*.md）或笔记本目录")
        case let .noStoredOutputs(path, directory):
            return ("no stored outputs for \(path) in \(directory) that match its cells; run 'redbook render \(path)' first",
                    "\(directory) 中没有与 \(path) 的单元对应的已存输出；请先运行 'redbook render \(path)'")
        case .pageContents:
            return ("Contents", "目录")
        case let .pageRunTime(seconds):
            return ("Run time \(formatSeconds(seconds))", "运行时间 \(formatSeconds(seconds))")
        case .pageNotRun:
            return ("Not run", "未运行")
        case .pageSkipped:
            return ("Not run (eval: false)", "未运行（eval: false）")
        case .pageExpectedError:
            return ("Expected error", "预期的错误")
        case .pageError:
            return ("Error", "错误")
        case .pageTimedOut:
            return ("Timed out", "超时")
        case .pageOutput:
            return ("Output", "输出")
        case let .pageTruncated(droppedBytes):
            return ("… output truncated: \(droppedBytes) more bytes were dropped",
                    "…… 输出过长，已省略其余 \(droppedBytes) 字节")
        case .pageCachedNote:
            return ("Outputs from the cache", "输出来自缓存")
        case .pageIndexTitle:
            return ("Notebooks", "笔记本")
        case .pageGeneratedBy:
            return ("Rendered by redbook", "由 redbook 生成")
        case .pagePrevious:
            return ("Previous", "上一篇")
        case .pageNext:
            return ("Next", "下一篇")
        case .pageOtherPages:
            return ("Other pages", "其他页面")
        }
    }
}

/// The setting that gave a notebook its time limit, named in the timeout message.
public enum NotebookTimeoutOrigin: Equatable, Sendable {
    case commandLine
    case frontMatter
    case defaultValue

    var texts: (String, String) {
        switch self {
        case .commandLine: return ("--timeout", "命令行的 --timeout")
        case .frontMatter: return ("'timeout:' in the front matter", "前置元数据中的 'timeout:'")
        case .defaultValue: return ("the default", "默认值")
        }
    }
}

/// Formats a duration for people: "< 0.01 s", "0.42 s", "12.3 s", "2 min 5 s".
func formatSeconds(_ seconds: Double) -> String {
    if seconds < 0.01 {
        return "< 0.01 s"
    }
    if seconds < 10 {
        return String(format: "%.2f s", seconds)
    }
    if seconds < 120 {
        return String(format: "%.1f s", seconds)
    }
    let whole = Int(seconds.rounded())
    return "\(whole / 60) min \(whole % 60) s"
}
