import Foundation

/// The HTML page of a rendered notebook.
struct NotebookPage {
    var notebook: Notebook
    var record: NotebookRecord
    var location: PageLocation
    /// The site the notebook is a page of, or nil for a notebook outside any site.
    var site: Site?

    /// A rendered page with the prose images to copy beside it and the warnings about its links.
    struct Rendered {
        var html: String
        /// Path below the page's file directory (`media/…`) to the source file.
        var media: [String: String]
        var warnings: [NotebookDiagnostic]
    }

    private static let cellMark: Character = "\u{E000}"
    private static let headingMark: Character = "\u{E001}"

    /// Returns the page title: front matter `title`, else the first level-1 heading, else the file name.
    static func title(of notebook: Notebook) -> String {
        if let title = notebook.frontMatter.title {
            return title
        }
        let document = MarkdownDocument(markdown: notebook.markdown)
        if let heading = document.headings.first(where: { $0.level == 1 }), !heading.text.isEmpty {
            return heading.text
        }
        return URL(fileURLWithPath: notebook.path).deletingPathExtension().lastPathComponent
    }

    func render() -> Rendered {
        let language = Language.forPage(lang: notebook.frontMatter.lang)
        let codeLines = Set(MarkdownDocument(markdown: notebook.markdown).codeBlocks.flatMap { $0.startLine...$0.endLine })
        var math = MathProtection()
        let document = MarkdownDocument(markdown: math.protect(notebook.markdown, codeLines: codeLines))
        let links = ProseLinks(notebook: notebook, location: location, site: site)
        document.rewriteDestinations(links.replacement)

        let headings = document.headings
        var slugs = SlugAllocator()
        let ids = headings.map { slugs.id(for: math.restoreRaw(in: $0.text)) }
        document.replaceCodeBlocks(language: "swift") { "\(Self.cellMark)C\($0)\(Self.cellMark)" }
        document.markHeadings { "\(Self.headingMark)H\($0)\(Self.headingMark)" }

        var body = document.renderHTML()
        body = insertHeadingIDs(into: body, ids: ids)
        body = insertCells(into: body, language: language, links: links)
        body = math.restore(in: body)

        let title = record.title
        let hasLevelOneHeading = headings.contains { $0.level == 1 }
        var main = ""
        if !hasLevelOneHeading {
            main += "<h1 class=\"page-title\">\(HTMLText.escape(title))</h1>\n"
        }
        if let description = notebook.frontMatter.description {
            let paragraph = "<p class=\"page-description\">\(HTMLText.escape(description))</p>\n"
            // The description belongs under the title, wherever the title comes from.
            if hasLevelOneHeading, let titleEnd = body.range(of: "</h1>\n") {
                body.insert(contentsOf: paragraph, at: titleEnd.upperBound)
            } else {
                main += paragraph
            }
        }
        if let error = record.notebookError {
            main += "<div class=\"output output-error notebook-error\"><div class=\"error-title\">\(HTMLText.escape(Message.pageError.text(language)))</div>"
                + "<pre>\(HTMLText.escape(error.terminalText))</pre></div>\n"
        }
        main += body
        main += otherPagesList(language: language)
        main += neighbourLinks(language: language)

        let contents = tableOfContents(headings: headings, ids: ids, math: math, language: language)
        let html = Self.pageShell(lang: notebook.frontMatter.lang, title: title, assetsPath: location.assetsPath,
                                  navigation: contents, main: main, language: language)
        return Rendered(html: html, media: links.media, warnings: links.warnings)
    }

    /// Wraps page content in the document skeleton shared by notebook pages and the index page.
    static func pageShell(lang: String, title: String, assetsPath: String, navigation: String, main: String, language: Language) -> String {
        let assets = HTMLText.escape(assetsPath)
        return """
        <!DOCTYPE html>
        <html lang="\(HTMLText.escape(lang))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="redbook">
        <title>\(HTMLText.escape(title))</title>
        <link rel="stylesheet" href="\(assets)katex/katex.min.css">
        <link rel="stylesheet" href="\(assets)highlight/github.css">
        <link rel="stylesheet" href="\(assets)redbook.css">
        <script defer src="\(assets)highlight/highlight.min.js"></script>
        <script defer src="\(assets)katex/katex.min.js"></script>
        <script defer src="\(assets)redbook.js"></script>
        </head>
        <body>
        <div class="layout">
        \(navigation)<main class="notebook">
        \(main)</main>
        </div>
        <footer class="page-footer">\(HTMLText.escape(Message.pageGeneratedBy.text(language)))</footer>
        </body>
        </html>

        """
    }

    /// Returns the home page's list of the pages it does not link to, or nothing on other pages.
    private func otherPagesList(language: Language) -> String {
        guard location.isHome, let site, !site.otherPages.isEmpty else { return "" }
        let heading = HTMLText.escape(Message.pageOtherPages.text(language))
        var html = "<section class=\"other-pages\">\n<h2>\(heading)</h2>\n<ul class=\"notebook-list\">\n"
        for page in site.otherPages {
            let href = location.href(to: site.location(of: page))
            html += "<li><a href=\"\(HTMLText.escape(href))\">\(HTMLText.escape(page.title))</a>"
                + "<span class=\"path\">\(HTMLText.escape(page.relativePath))</span></li>\n"
        }
        return html + "</ul>\n</section>\n"
    }

    /// Returns the links to the previous and next pages in the site's reading order, or nothing
    /// for a notebook outside any site and for the home page.
    private func neighbourLinks(language: Language) -> String {
        guard let site, let page = site.page(resolvedPath: Site.resolve(notebook.path)) else { return "" }
        let (previous, next) = site.neighbours(of: page)
        guard previous != nil || next != nil else { return "" }

        var html = "<nav class=\"page-neighbours\">\n"
        for (neighbour, relation, label) in [(previous, "prev", Message.pagePrevious), (next, "next", Message.pageNext)] {
            guard let neighbour else { continue }
            let href = location.href(to: site.location(of: neighbour))
            html += "<a class=\"page-\(relation)\" rel=\"\(relation)\" href=\"\(HTMLText.escape(href))\">"
                + "<span class=\"page-neighbour-label\">\(HTMLText.escape(label.text(language)))</span>"
                + "<span class=\"page-neighbour-title\">\(HTMLText.escape(neighbour.title))</span></a>\n"
        }
        return html + "</nav>\n"
    }

    private func tableOfContents(headings: [MarkdownDocument.Heading], ids: [String], math: MathProtection, language: Language) -> String {
        // The first level-1 heading is the page title, so it is left out of the contents.
        let titleIndex = headings.firstIndex { $0.level == 1 }
        let entries = headings.indices.filter { $0 != titleIndex && headings[$0].level <= 3 }
        guard entries.count >= 2 else { return "" }

        var html = "<nav class=\"toc\" aria-label=\"\(HTMLText.escape(Message.pageContents.text(language)))\">\n"
        html += "<div class=\"toc-title\">\(HTMLText.escape(Message.pageContents.text(language)))</div>\n<ul>\n"
        for index in entries {
            let text = math.restore(in: HTMLText.escape(headings[index].text))
            html += "<li class=\"toc-level-\(headings[index].level)\"><a href=\"#\(HTMLText.escape(ids[index]))\">\(text)</a></li>\n"
        }
        return html + "</ul>\n</nav>\n"
    }

    private func insertHeadingIDs(into html: String, ids: [String]) -> String {
        var result = html
        for (index, id) in ids.enumerated() {
            let mark = "\(Self.headingMark)H\(index)\(Self.headingMark)"
            for level in 1...6 {
                result = result.replacingOccurrences(of: "<h\(level)>\(mark)", with: "<h\(level) id=\"\(HTMLText.escape(id))\">")
            }
            result = result.replacingOccurrences(of: mark, with: "")
        }
        return result
    }

    private func insertCells(into html: String, language: Language, links: ProseLinks) -> String {
        var result = html
        for cell in notebook.cells {
            let mark = "\(Self.cellMark)C\(cell.index)\(Self.cellMark)"
            let cellRecord = record.cells.first { $0.index == cell.index }
                ?? CellRecord(index: cell.index, label: cell.options.label, key: "", sourceHash: "", status: .notRun)
            let cellHTML = CellHTML(cell: cell, record: cellRecord, language: language, filesPrefix: location.filesPrefix,
                                    outputLinkURL: links.replacementInOutput).render()
            result = result.replacingOccurrences(of: "<p>\(mark)</p>\n", with: cellHTML)
            result = result.replacingOccurrences(of: mark, with: cellHTML)
        }
        return result
    }
}

extension Notebook {
    /// Renders this notebook's page with the outputs in `record`, as a page rendered alone into
    /// `<outputRoot>/<outputName>/` (by default the file name without `.md`).
    public func htmlPage(record: NotebookRecord, outputName: String? = nil) -> String {
        let name = outputName ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return NotebookPage(notebook: self, record: record, location: PageLocation(outputName: name), site: nil).render().html
    }
}
