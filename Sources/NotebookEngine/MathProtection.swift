/// Hides TeX maths from the Markdown parser and puts it back into the HTML.
///
/// Inside `$…$` and `$$…$$` characters such as `_`, `*` and `\` mean TeX, not Markdown. So
/// each formula is swapped for a placeholder before cmark parses the text. The rendered page
/// gets the formula back, HTML-escaped and with its delimiters, in a `span.math` element that
/// the page script typesets with `katex.render`. Only those spans are typeset, so a dollar
/// sign that these rules leave as text ("$5 and $10") stays text in the browser too.
///
/// Rules, as in Pandoc: an inline `$` must be followed by a non-space, the closing `$` must
/// follow a non-space and not be followed by a digit, and `\$` is a literal dollar. Code
/// blocks (given as line ranges) and inline code spans are left alone.
struct MathProtection {
    private(set) var formulas: [String] = []

    static let delimiter: Character = "\u{E002}"

    /// Renders a standalone Markdown text as HTML with its maths kept for KaTeX. Each link gets
    /// the URL that `newURL` returns for it, or keeps its own when that is nil.
    static func renderHTML(markdown: String, rewritingLinks newURL: (String) -> String? = { _ in nil }) -> String {
        let codeLines = Set(MarkdownDocument(markdown: markdown).codeBlocks.flatMap { $0.startLine...$0.endLine })
        var math = MathProtection()
        let protected = math.protect(markdown, codeLines: codeLines)
        let document = MarkdownDocument(markdown: protected)
        document.rewriteDestinations { kind, url in kind == .link ? newURL(url) : nil }
        return math.restore(in: document.renderHTML())
    }

    /// Returns `markdown` with every formula replaced by a placeholder.
    mutating func protect(_ markdown: String, codeLines: Set<Int>) -> String {
        let lines = markdown.components(separatedBy: "\n")
        var output: [String] = []
        var lineIndex = 0

        while lineIndex < lines.count {
            if codeLines.contains(lineIndex + 1) {
                output.append(lines[lineIndex])
                lineIndex += 1
                continue
            }
            let (text, consumed) = protectLine(lines, at: lineIndex, codeLines: codeLines)
            output.append(text)
            lineIndex += consumed
        }
        return output.joined(separator: "\n")
    }

    /// Puts the formulas back into rendered HTML, escaped, each in a `span.math` element of
    /// class `math-inline` or `math-display`.
    func restore(in html: String) -> String {
        guard !formulas.isEmpty, html.contains(Self.delimiter) else { return html }
        var result = ""
        var parts = html.split(separator: Self.delimiter, omittingEmptySubsequences: false).makeIterator()
        result += parts.next() ?? ""
        while let placeholder = parts.next() {
            if placeholder.hasPrefix("M"), let index = Int(placeholder.dropFirst()), formulas.indices.contains(index) {
                let formula = formulas[index]
                let kind = formula.hasPrefix("$$") ? "math-display" : "math-inline"
                result += "<span class=\"math \(kind)\">\(HTMLText.escape(formula))</span>"
            } else {
                result += String(Self.delimiter) + placeholder + String(Self.delimiter)
            }
            result += parts.next() ?? ""
        }
        return result
    }

    /// Returns text with formulas restored raw (unescaped), for plain-text uses like heading slugs.
    func restoreRaw(in text: String) -> String {
        var result = text
        for (index, formula) in formulas.enumerated() {
            result = result.replacingOccurrences(of: placeholder(index), with: formula)
        }
        return result
    }

    private func placeholder(_ index: Int) -> String {
        "\(Self.delimiter)M\(index)\(Self.delimiter)"
    }

    /// Protects one line, or several when a `$$` formula spans lines; returns the text and the
    /// number of lines consumed.
    private mutating func protectLine(_ lines: [String], at start: Int, codeLines: Set<Int>) -> (String, Int) {
        let characters = Array(lines[start])
        var output = ""
        var index = 0

        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                output.append(character)
                output.append(characters[index + 1])
                index += 2
            } else if character == "`" {
                let end = endOfBacktickRun(characters, at: index)
                output += String(characters[index..<end])
                index = end
            } else if character == "$", index + 1 < characters.count, characters[index + 1] == "$" {
                if let close = findDisplayClose(characters, from: index + 2) {
                    output += placeholder(adding: String(characters[index..<close + 2]))
                    index = close + 2
                } else if let (formula, rest, consumed) = displayFormulaAcrossLines(lines, start: start, column: index + 2, codeLines: codeLines) {
                    output += placeholder(adding: String(characters[index...]) + "\n" + formula)
                    output += rest
                    return (output, consumed)
                } else {
                    output += "$$"
                    index += 2
                }
            } else if character == "$", let close = findInlineClose(characters, from: index + 1) {
                output += placeholder(adding: String(characters[index...close]))
                index = close + 1
            } else {
                output.append(character)
                index += 1
            }
        }
        return (output, 1)
    }

    private mutating func placeholder(adding formula: String) -> String {
        formulas.append(formula)
        return placeholder(formulas.count - 1)
    }

    private func findRun(of mark: Character, length: Int, in characters: [Character], from start: Int) -> Int? {
        var index = start
        while index < characters.count {
            if characters[index] == mark {
                let run = characters[index...].prefix(while: { $0 == mark }).count
                if run == length { return index }
                index += run
            } else {
                index += 1
            }
        }
        return nil
    }

    /// Returns the index after the code span that opens at `start`, or after the backtick run
    /// there when no run of the same length closes it (then the backticks are literal text).
    private func endOfBacktickRun(_ characters: [Character], at start: Int) -> Int {
        let run = characters[start...].prefix(while: { $0 == "`" }).count
        let closing = findRun(of: "`", length: run, in: characters, from: start + run)
        return closing.map { $0 + run } ?? start + run
    }

    private func findDisplayClose(_ characters: [Character], from start: Int) -> Int? {
        var index = start
        while index + 1 < characters.count {
            if characters[index] == "\\" {
                index += 2
                continue
            }
            // A dollar sign inside a code span is code, so it cannot close a formula.
            if characters[index] == "`" {
                index = endOfBacktickRun(characters, at: index)
                continue
            }
            if characters[index] == "$" && characters[index + 1] == "$" {
                return index
            }
            index += 1
        }
        return nil
    }

    private func findInlineClose(_ characters: [Character], from start: Int) -> Int? {
        guard start < characters.count, !characters[start].isWhitespace, characters[start] != "$" else { return nil }
        var index = start
        while index < characters.count {
            if characters[index] == "\\" {
                index += 2
                continue
            }
            if characters[index] == "`" {
                index = endOfBacktickRun(characters, at: index)
                continue
            }
            if characters[index] == "$" {
                let afterIsDigit = index + 1 < characters.count && characters[index + 1].isNumber
                if !characters[index - 1].isWhitespace && !afterIsDigit {
                    return index
                }
            }
            index += 1
        }
        return nil
    }

    /// Finds the `$$` closing a display formula opened on line `start`, looking at following
    /// lines up to a blank line or code. Returns the formula text after the opening line, the
    /// rest of the closing line and the number of lines consumed.
    private func displayFormulaAcrossLines(_ lines: [String], start: Int, column: Int, codeLines: Set<Int>) -> (String, String, Int)? {
        var collected: [String] = []
        var lineIndex = start + 1
        while lineIndex < lines.count, !codeLines.contains(lineIndex + 1), !lines[lineIndex].trimmingWhitespace().isEmpty {
            let characters = Array(lines[lineIndex])
            if let close = findDisplayClose(characters, from: 0) {
                collected.append(String(characters[..<(close + 2)]))
                let rest = String(characters[(close + 2)...])
                return (collected.joined(separator: "\n"), rest, lineIndex - start + 1)
            }
            collected.append(lines[lineIndex])
            lineIndex += 1
        }
        return nil
    }
}
