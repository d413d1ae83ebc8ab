import Foundation

/// A parsed notebook: front matter, prose and executable `swift` cells.
public struct Notebook: Sendable {
    public var source: SourceText
    public var frontMatter: FrontMatter
    public var cells: [Cell]
    /// Warnings found while reading; errors are thrown instead.
    public var warnings: [NotebookDiagnostic]

    /// The path as given; diagnostics and `#sourceLocation` use it unchanged.
    public var path: String { source.path }

    /// The Markdown after the front matter, with the front matter lines left blank so that
    /// line numbers in the Markdown match the file.
    public var markdown: String {
        let blanks = Array(repeating: "", count: frontMatter.lineCount)
        return (blanks + source.lines.dropFirst(frontMatter.lineCount)).joined(separator: "\n") + "\n"
    }

    /// Reads and parses the notebook file at `path`.
    public init(contentsOf path: String) throws(NotebookParseError) {
        let source: SourceText
        do {
            source = try SourceText(contentsOf: path)
        } catch let diagnostic as NotebookDiagnostic {
            throw NotebookParseError(diagnostics: [diagnostic])
        } catch {
            throw NotebookParseError(diagnostics: [])
        }
        try self.init(source: source)
    }

    /// Parses notebook text that was already read.
    public init(source: SourceText) throws(NotebookParseError) {
        self.source = source
        (frontMatter, warnings) = try FrontMatter.parse(source)
        cells = []

        var errors: [NotebookDiagnostic] = []
        let document = MarkdownDocument(markdown: markdown)
        var labels: [String: Int] = [:]

        for block in document.codeBlocks {
            if let fence = block.fence, isUnterminated(block, fence: fence) {
                warnings.append(source.diagnostic(.warning, line: block.startLine, column: block.startColumn, .unterminatedFence(fence: fence)))
            }
            guard block.fence != nil, block.language == "swift" else { continue }

            var cell = Cell(index: cells.count, options: CellOptions(), code: "", fenceLine: block.startLine,
                            firstCodeLine: block.startLine + 1)
            let problems = parseOptions(of: block, into: &cell)
            warnings += problems.filter { $0.severity == .warning }
            errors += problems.filter { $0.severity == .error }

            if let label = cell.options.label {
                if let firstLine = labels[label] {
                    errors.append(source.diagnostic(.error, line: cell.fenceLine + 1, column: 1, .duplicateLabel(label, firstLine: firstLine)))
                } else {
                    labels[label] = cell.fenceLine
                }
            }
            cells.append(cell)
        }

        if !errors.isEmpty {
            throw NotebookParseError(diagnostics: errors + warnings)
        }
    }

    /// Splits the leading `//|` lines of a code block into options and returns their problems.
    private func parseOptions(of block: MarkdownDocument.CodeBlock, into cell: inout Cell) -> [NotebookDiagnostic] {
        var lines = block.literal.components(separatedBy: "\n")
        if block.literal.hasSuffix("\n") {
            lines.removeLast()
        }

        var problems: [NotebookDiagnostic] = []
        var optionCount = 0
        var seenKeys: Set<String> = []
        for line in lines {
            let trimmed = line.trimmingWhitespace()
            guard trimmed.hasPrefix("//|") else { break }
            optionCount += 1

            let lineNumber = block.startLine + optionCount
            let notebookLine = source.line(lineNumber) ?? line
            let markerColumn = notebookLine.range(of: "//|").map { notebookLine.distance(from: notebookLine.startIndex, to: $0.lowerBound) } ?? 0
            let optionText = String(trimmed.dropFirst(3))

            guard let entry = KeyValueLine(optionText, columnOffset: markerColumn + 3) else {
                problems.append(source.diagnostic(.error, line: lineNumber, column: markerColumn + 1, .cellOptionMalformed(line: trimmed)))
                continue
            }
            guard let value = entry.value else {
                problems.append(source.diagnostic(.error, line: lineNumber, column: entry.valueColumn, .cellOptionMalformed(line: trimmed)))
                continue
            }
            guard seenKeys.insert(entry.key).inserted else {
                problems.append(source.diagnostic(.error, line: lineNumber, column: entry.keyColumn, .cellOptionDuplicate(entry.key)))
                continue
            }
            if let problem = cell.options.apply(key: entry.key, value: value) {
                let isUnknown = problem == .cellOptionUnknown(entry.key)
                let column = isUnknown ? entry.keyColumn : entry.valueColumn
                problems.append(source.diagnostic(isUnknown ? .warning : .error, line: lineNumber, column: column, problem))
            }
        }

        cell.code = lines.dropFirst(optionCount).joined(separator: "\n")
        cell.firstCodeLine = block.startLine + 1 + optionCount
        return problems
    }

    /// Returns whether cmark ran a fenced block to the end of its container because it was
    /// never closed. The block's last line is then not a closing fence.
    private func isUnterminated(_ block: MarkdownDocument.CodeBlock, fence: String) -> Bool {
        guard block.endLine > block.startLine, let lastLine = source.line(block.endLine) else {
            return true
        }
        // A closing fence may sit inside a block quote or a list item, behind '>' and spaces.
        let content = String(lastLine.drop(while: { $0 == " " || $0 == ">" || $0 == "\t" })).trimmingTrailingWhitespace()
        let fenceCharacter = fence.first!
        let isClosingFence = content.count >= fence.count && content.allSatisfy { $0 == fenceCharacter }
        return !isClosingFence
    }
}
