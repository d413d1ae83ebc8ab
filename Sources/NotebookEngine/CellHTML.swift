import NotebookEvents

/// The HTML of one `swift` cell: a header with its number and run time, its code, and its outputs.
struct CellHTML {
    var cell: Cell
    var record: CellRecord
    var language: Language
    /// Prefix from the page to its figures: empty, or `<outputName>/` on a site's home page.
    var filesPrefix = ""
    /// Returns the new URL for a link in a Markdown output, or nil to keep it.
    var outputLinkURL: (String) -> String? = { _ in nil }

    func render() -> String {
        var html = "<section class=\"cell cell-\(record.status.rawValue)\" id=\"cell-\(cell.index + 1)\">\n"
        html += header()
        if cell.options.echo {
            html += "<pre class=\"cell-code\"><code class=\"language-swift\">\(HTMLText.escape(cell.code))</code></pre>\n"
        }

        let outputs = record.outputs.filter { output in
            if case .error = output { return true }
            return cell.options.output
        }
        if !outputs.isEmpty {
            html += "<div class=\"cell-outputs\" aria-label=\"\(Message.pageOutput.text(language))\">\n"
            html += outputs.map(render).joined()
            html += "</div>\n"
        }
        return html + "</section>\n"
    }

    private func header() -> String {
        let name = cell.options.label.map { "[\(cell.index + 1)] \($0)" } ?? "[\(cell.index + 1)]"
        var parts = ["<span class=\"cell-name\">\(HTMLText.escape(name))</span>"]
        if let badge = statusBadge {
            parts.append("<span class=\"cell-status\">\(HTMLText.escape(badge))</span>")
        }
        if let seconds = record.wallSeconds {
            parts.append("<span class=\"cell-time\">\(HTMLText.escape(Message.pageRunTime(seconds: seconds).text(language)))</span>")
        }
        return "<div class=\"cell-header\">\(parts.joined(separator: " "))</div>\n"
    }

    private var statusBadge: String? {
        switch record.status {
        case .ok: return nil
        case .error: return Message.pageError.text(language)
        case .expectedError: return Message.pageExpectedError.text(language)
        case .notRun: return Message.pageNotRun.text(language)
        case .timedOut: return Message.pageTimedOut.text(language)
        case .skipped: return Message.pageSkipped.text(language)
        }
    }

    private func render(_ output: CellOutput) -> String {
        switch output {
        case let .stream(stream):
            var text = HTMLText.escape(stream.text)
            if stream.droppedBytes > 0 {
                text += "<span class=\"truncated\">\(HTMLText.escape(Message.pageTruncated(droppedBytes: stream.droppedBytes).text(language)))</span>"
            }
            return "<pre class=\"output output-\(stream.name.rawValue)\">\(text)</pre>\n"
        case let .table(table):
            return Self.tableHTML(table)
        case let .image(image):
            var html = "<figure class=\"output output-image\"><img src=\"\(HTMLText.escape(filesPrefix + image.file))\" alt=\"\(HTMLText.escape(image.alt))\">"
            if let caption = image.caption {
                html += "<figcaption>\(HTMLText.escape(caption))</figcaption>"
            }
            return html + "</figure>\n"
        case let .markdown(text):
            return "<div class=\"output output-markdown\">\(MathProtection.renderHTML(markdown: text, rewritingLinks: outputLinkURL))</div>\n"
        case let .error(error):
            let title = record.status == .expectedError ? Message.pageExpectedError : (error.kind == .timeout ? .pageTimedOut : .pageError)
            let className = record.status == .expectedError ? "output-expected-error" : "output-error"
            return "<div class=\"output \(className)\"><div class=\"error-title\">\(HTMLText.escape(title.text(language)))</div>"
                + "<pre>\(HTMLText.escape(error.terminalText))</pre></div>\n"
        }
    }

    static func tableHTML(_ table: DisplayedTable) -> String {
        let width = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        func cells(_ row: [String], tag: String) -> String {
            let padded = row + Array(repeating: "", count: max(0, width - row.count))
            return padded.map { "<\(tag)>\(HTMLText.escape($0))</\(tag)>" }.joined()
        }
        var html = "<div class=\"output output-table\"><table>\n"
        if !table.header.isEmpty {
            html += "<thead><tr>\(cells(table.header, tag: "th"))</tr></thead>\n"
        }
        html += "<tbody>\n"
        for row in table.rows {
            html += "<tr>\(cells(row, tag: "td"))</tr>\n"
        }
        return html + "</tbody></table></div>\n"
    }
}
