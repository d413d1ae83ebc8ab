import Testing
import NotebookEngine
import NotebookEvents

/// Renders `text` with the given cell records (default: every cell not run).
private func page(_ text: String, cells: [CellRecord]? = nil) throws -> String {
    let notebook = try TestSupport.parse(text)
    let records = cells ?? notebook.cells.map { CellRecord(index: $0.index, label: nil, key: "", sourceHash: "", status: .notRun) }
    return notebook.htmlPage(record: NotebookRecord(notebook: "test.md", title: "T", cells: records))
}

private func expectContains(_ html: String, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(html.contains(fragment), "expected fragment:\n\(fragment)\nin page:\n\(html)", sourceLocation: sourceLocation)
}

@Test func htmlHeadingIdsAreCJKSafe() throws {
    let html = try page("# 标题\n\n## 第一节：张量\n\n## Hello, World!\n\n## 第一节：张量\n")
    expectContains(html, "<h2 id=\"第一节-张量\">第一节：张量</h2>")
    expectContains(html, "<h2 id=\"hello-world\">Hello, World!</h2>")
    expectContains(html, "<h2 id=\"第一节-张量-2\">第一节：张量</h2>")
}

@Test func htmlTableOfContentsInChinese() throws {
    let html = try page("# 标题\n\n## 甲\n\n## 乙\n")
    expectContains(html, "<div class=\"toc-title\">目录</div>")
    expectContains(html, "<li class=\"toc-level-2\"><a href=\"#甲\">甲</a></li>")
}

@Test func htmlLanguageAndTitle() throws {
    let html = try page("---\nlang: en\ntitle: A <b> title\n---\n\ntext\n")
    expectContains(html, "<html lang=\"en\">")
    expectContains(html, "<title>T</title>")
    expectContains(html, "<h1 class=\"page-title\">T</h1>")
}

@Test func htmlMathIsProtected() throws {
    let html = try page("Inline $a_1 * b_2 < c$ and $$x_{i}^{*}$$ but \\$5 and `$code$`.\n")
    expectContains(html, "<span class=\"math math-inline\">$a_1 * b_2 &lt; c$</span>")
    expectContains(html, "<span class=\"math math-display\">$$x_{i}^{*}$$</span>")
    expectContains(html, "<code>$code$</code>")
}

@Test func htmlDollarAmountsStayText() throws {
    let html = try page("It costs $5 and $10 today.\n")
    expectContains(html, "<p>It costs $5 and $10 today.</p>")
}

@Test func htmlDisplayMathAcrossLines() throws {
    let html = try page("$$\n\\frac{a_1}{b_2}\n$$\n")
    expectContains(html, "<p><span class=\"math math-display\">$$\n\\frac{a_1}{b_2}\n$$</span></p>")
}

@Test func htmlRawHTMLInProseIsOmitted() throws {
    let html = try page("Hello <script>alert(1)</script>\n")
    #expect(!html.contains("<script>alert(1)</script>"))
}

@Test func htmlGitHubExtensions() throws {
    let html = try page("| a | b |\n| - | - |\n| 1 | 2 |\n\n~~old~~ www.example.com\n\n- [x] done\n\nNote[^1].\n\n[^1]: Footnote.\n")
    expectContains(html, "<th>a</th>")
    expectContains(html, "<del>old</del>")
    expectContains(html, "<a href=\"http://www.example.com\">www.example.com</a>")
    expectContains(html, "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> done")
    expectContains(html, "class=\"footnotes\"")
}

@Test func htmlCellWithOutputs() throws {
    let record = CellRecord(index: 0, label: "demo", key: "", sourceHash: "", status: .ok, wallSeconds: 0.5, outputs: [
        .stream(StreamOutput(name: .stdout, text: "<b>&</b>\n")),
        .table(DisplayedTable(header: ["名", "值"], rows: [["a"], ["b", "2"]])),
        .stream(StreamOutput(name: .stderr, text: "warn\n", droppedBytes: 10)),
        .image(StoredImage(file: "figures/x.png", alt: "a \"quote\"", caption: "图 1")),
    ])
    let html = try page("```swift\n//| label: demo\nlet s = \"<i>\"\n```\n", cells: [record])

    expectContains(html, """
    <section class="cell cell-ok" id="cell-1">
    <div class="cell-header"><span class="cell-name">[1] demo</span> <span class="cell-time">运行时间 0.50 s</span></div>
    <pre class="cell-code"><code class="language-swift">let s = &quot;&lt;i&gt;&quot;</code></pre>
    <div class="cell-outputs" aria-label="输出">
    <pre class="output output-stdout">&lt;b&gt;&amp;&lt;/b&gt;
    </pre>
    <div class="output output-table"><table>
    <thead><tr><th>名</th><th>值</th></tr></thead>
    <tbody>
    <tr><td>a</td><td></td></tr>
    <tr><td>b</td><td>2</td></tr>
    </tbody></table></div>
    <pre class="output output-stderr">warn
    <span class="truncated">…… 输出过长，已省略其余 10 字节</span></pre>
    <figure class="output output-image"><img src="figures/x.png" alt="a &quot;quote&quot;"><figcaption>图 1</figcaption></figure>
    </div>
    </section>
    """)
}

@Test func htmlCompileErrorWithCaret() throws {
    let record = CellRecord(index: 0, label: nil, key: "", sourceHash: "", status: .error, outputs: [
        .error(ErrorOutput(kind: .compile, message: "cannot find 'y' in scope", location: "test.md:2:9",
                           sourceLine: "let x = y", caretColumn: 9)),
    ])
    let html = try page("```swift\nlet x = y\n```\n", cells: [record])
    expectContains(html, "<span class=\"cell-status\">错误</span>")
    expectContains(html, "<div class=\"output output-error\"><div class=\"error-title\">错误</div><pre>test.md:2:9: error: cannot find &#39;y&#39; in scope\nlet x = y\n        ^</pre></div>")
}

@Test func htmlNotRunAndHiddenCode() throws {
    let html = try page("```swift\n//| echo: false\nprint(1)\n```\n")
    expectContains(html, "<span class=\"cell-status\">未运行</span>")
    #expect(!html.contains("print(1)"))
}

@Test func htmlOtherFencesAreHighlightedNotRun() throws {
    let html = try page("```python\nprint('x')\n```\n")
    expectContains(html, "<pre><code class=\"language-python\">print('x')\n</code></pre>")
}

@Test func htmlMarkdownOutputKeepsMath() throws {
    let record = CellRecord(index: 0, label: nil, key: "", sourceHash: "", status: .ok, outputs: [.markdown("**损失** $a_1 * b_2$")])
    let html = try page("```swift\nprint(1)\n```\n", cells: [record])
    expectContains(html, "<div class=\"output output-markdown\"><p><strong>损失</strong> <span class=\"math math-inline\">$a_1 * b_2$</span></p>\n</div>")
}

@Test func htmlMathSkipsCodeSpans() throws {
    let html = try page("Pay $5 for `a$` now.\n")
    expectContains(html, "<p>Pay $5 for <code>a$</code> now.</p>")
    #expect(!html.contains("math-inline"), "\(html)")
}

@Test func htmlMathSkipsIndentedCode() throws {
    let html = try page("Text.\n\n    x = $a$ + `$b$`\n")
    expectContains(html, "<pre><code>x = $a$ + `$b$`\n</code></pre>")
    #expect(!html.contains("math-inline"), "\(html)")
}
