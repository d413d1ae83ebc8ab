import Foundation
import Testing
import NotebookEngine

// Links between notebooks, prose images, the home page from index.md and previous/next links.
// The notebooks are prose only, except where a test needs the cache, so most renders compile nothing.

/// Writes each file (path below the directory to its text) into a fresh directory and returns the directory.
private func makeDirectory(_ files: [String: String]) throws -> String {
    let directory = try TestSupport.temporaryDirectory()
    for (relative, text) in files {
        let path = "\(directory)/\(relative)"
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
    return directory
}

private func makeRenderer(outputRoot: String) throws -> NotebookRenderer {
    var options = RenderOptions()
    options.outputRoot = outputRoot
    return NotebookRenderer(toolchain: try TestSupport.toolchain(), options: options)
}

/// Renders every notebook of the site in `directory`, the home page included, and returns the
/// results by path below the directory.
private func renderSite(_ directory: String, outputRoot: String) throws -> [String: RenderResult] {
    let site = Site(directory: directory)
    let renderer = try makeRenderer(outputRoot: outputRoot)
    var results: [String: RenderResult] = [:]
    for page in (site.home.map { [$0] } ?? []) + site.pages {
        results[page.relativePath] = try renderer.render(page, of: site)
    }
    return results
}

/// Returns every `href` in `html`, in order.
private func hrefs(in html: String) -> [String] {
    html.components(separatedBy: "href=\"").dropFirst().compactMap { $0.components(separatedBy: "\"").first }
}

private func expectContains(_ html: String, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(html.contains(fragment), "expected fragment:\n\(fragment)\nin page:\n\(html)", sourceLocation: sourceLocation)
}

/// Returns bytes that start like a PNG file. The page only needs the file to exist.
private func pngBytes(_ marker: String) -> Data {
    Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(marker.utf8))
}

/// Returns `text` as cmark writes it into an `href`: non-ASCII characters percent-encoded as UTF-8.
private func percentEncoded(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? text
}

private func mediaName(of data: Data) -> String {
    "media/\(SHA256.hex(of: data).prefix(20)).png"
}

private let linkingNotebook = """
    # 链接

    [同目录](sibling.md) [子目录](sub/nested.md) [上一级](../top.md) [带锚点](sibling.md#第二节)
    [网页](https://example.com/guide.md) [邮件](mailto:someone@example.com) [本页](#链接)
    [缺失](gone.md)

    """

/// The linking notebook in a folder, with the notebooks that it links to and that exist.
private let linkedFiles = [
    "part/page.md": linkingNotebook,
    "part/sibling.md": "# 兄弟\n",
    "part/sub/nested.md": "# 子页\n",
    "top.md": "# 顶层\n",
]

@Test func linksBetweenNotebooksInSite() throws {
    let directory = try makeDirectory(linkedFiles)
    let root = try TestSupport.temporaryDirectory()

    let results = try renderSite(directory, outputRoot: root)
    let links = hrefs(in: try #require(results["part/page.md"]).page)

    #expect(links.contains("../sibling/index.html"), "\(links)")
    #expect(links.contains("../sub/nested/index.html"), "\(links)")
    #expect(links.contains("../../top/index.html"), "\(links)")
    #expect(links.contains("../sibling/index.html#\(percentEncoded("第二节"))"), "\(links)")
    #expect(links.contains("https://example.com/guide.md"), "\(links)")
    #expect(links.contains("mailto:someone@example.com"), "\(links)")
    #expect(links.contains("#\(percentEncoded("链接"))"), "\(links)")
    #expect(links.contains("gone.md"), "\(links)")
}

@Test func linkToMissingNotebookWarns() throws {
    let directory = try makeDirectory(["page.md": linkingNotebook, "sibling.md": "# 兄弟\n"])
    let root = try TestSupport.temporaryDirectory()

    let result = try makeRenderer(outputRoot: root).render(notebookAt: "\(directory)/page.md", outputName: "page")
    let warning = try #require(result.warnings.first { $0.message.contains("gone.md") }, "\(result.warnings)")

    #expect(warning.severity == .warning)
    #expect(warning.file == "\(directory)/page.md")
    #expect(warning.line == 5)
    #expect(warning.column == 6, "the caret goes under the link target")
    #expect(warning.message.contains("\(directory)/gone.md does not exist"), "\(warning.message)")
    #expect(result.warnings.count == 3, "gone.md, sub/nested.md and ../top.md are missing here: \(result.warnings)")
}

@Test func linksWhenRenderedAlone() throws {
    let directory = try makeDirectory(linkedFiles)
    let root = try TestSupport.temporaryDirectory()

    let result = try makeRenderer(outputRoot: root).render(notebookAt: "\(directory)/part/page.md", outputName: "page")
    let links = hrefs(in: result.page)

    #expect(links.contains("../sibling/index.html"), "\(links)")
    #expect(links.contains("../nested/index.html"), "rendered alone, each target has its own top-level directory: \(links)")
    #expect(links.contains("../top/index.html"), "\(links)")
    #expect(!result.page.contains("page-neighbours"), "a page rendered alone has no previous/next links")
}

@Test func proseImagesAreCopied() throws {
    let directory = try makeDirectory([
        "page.md": "# 图\n\n![甲](figures/diagram.png)\n\n- 列表里 ![乙](other/diagram.png)\n",
    ])
    let first = pngBytes("first")
    let second = pngBytes("second")
    try FileManager.default.createDirectory(atPath: "\(directory)/figures", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: "\(directory)/other", withIntermediateDirectories: true)
    try first.write(to: URL(fileURLWithPath: "\(directory)/figures/diagram.png"))
    try second.write(to: URL(fileURLWithPath: "\(directory)/other/diagram.png"))
    let root = try TestSupport.temporaryDirectory()

    let result = try makeRenderer(outputRoot: root).render(notebookAt: "\(directory)/page.md", outputName: "page")

    expectContains(result.page, "<img src=\"\(mediaName(of: first))\" alt=\"甲\" />")
    expectContains(result.page, "<img src=\"\(mediaName(of: second))\" alt=\"乙\" />")
    #expect(FileManager.default.contents(atPath: "\(result.outputDirectory)/\(mediaName(of: first))") == first)
    #expect(FileManager.default.contents(atPath: "\(result.outputDirectory)/\(mediaName(of: second))") == second)
    #expect(result.warnings.isEmpty, "\(result.warnings)")
}

@Test func missingProseImageWarns() throws {
    let directory = try makeDirectory(["page.md": "# 图\n\n说明文字 ![缺少的图](figures/none.png)\n"])
    let root = try TestSupport.temporaryDirectory()

    let result = try makeRenderer(outputRoot: root).render(notebookAt: "\(directory)/page.md", outputName: "page")
    let warning = try #require(result.warnings.first, "expected a warning about the missing image")

    #expect(warning.severity == .warning)
    #expect(warning.line == 3)
    #expect(warning.column == 14, "the caret goes under the image path")
    #expect(warning.message.contains("'figures/none.png'"), "\(warning.message)")
    // Each of the eight Chinese characters takes two terminal columns.
    let caretLine = String(repeating: " ", count: 21) + "^"
    #expect(warning.description.hasSuffix("说明文字 ![缺少的图](figures/none.png)\n\(caretLine)"), "\(warning.description)")
    expectContains(result.page, "<img src=\"figures/none.png\" alt=\"缺少的图\" />")
}

private let courseFiles = [
    "index.md": "# 课程\n\n先读 [乙](b.md)，再读 [甲](a.md#开头)，回顾 [乙](b.md)。\n\n![封面](cover.png)\n",
    "a.md": "# 甲\n",
    "b.md": "# 乙\n",
    "c.md": "# 丙\n",
    "sub/d.md": "---\ntitle: 丁\n---\n",
]

@Test func siteOrderFollowsHomeLinks() throws {
    let directory = try makeDirectory(courseFiles)

    let site = Site(directory: directory)

    #expect(site.home?.relativePath == "index.md")
    #expect(site.pages.map(\.relativePath) == ["b.md", "a.md", "c.md", "sub/d.md"])
    #expect(site.linkedCount == 2)
    #expect(site.otherPages.map(\.title) == ["丙", "丁"])
}

@Test func siteWithoutHomeIsInPathOrder() throws {
    let directory = try makeDirectory(["b.md": "# 乙\n", "a.md": "[乙](b.md)\n", "sub/c.md": "# 丙\n"])

    let site = Site(directory: directory)

    #expect(site.home == nil)
    #expect(site.pages.map(\.relativePath) == ["a.md", "b.md", "sub/c.md"])
    #expect(site.otherPages.count == 3)
}

@Test func homePageFromIndex() throws {
    let directory = try makeDirectory(courseFiles)
    try pngBytes("cover").write(to: URL(fileURLWithPath: "\(directory)/cover.png"))
    let root = try TestSupport.temporaryDirectory()

    let results = try renderSite(directory, outputRoot: root)
    let home = try #require(results["index.md"])
    let page = home.page

    #expect(home.pagePath == "\(root)/index.html")
    #expect(!FileManager.default.fileExists(atPath: "\(root)/index/index.html"))
    expectContains(page, "href=\"assets/redbook.css\"")
    expectContains(page, "<a href=\"b/index.html\">乙</a>")
    expectContains(page, "<a href=\"a/index.html#\(percentEncoded("开头"))\">甲</a>")
    expectContains(page, "<img src=\"index/\(mediaName(of: pngBytes("cover")))\" alt=\"封面\" />")
    #expect(FileManager.default.fileExists(atPath: "\(root)/index/\(mediaName(of: pngBytes("cover")))"))
    expectContains(page, """
        <h2>其他页面</h2>
        <ul class="notebook-list">
        <li><a href="c/index.html">丙</a><span class="path">c.md</span></li>
        <li><a href="sub/d/index.html">丁</a><span class="path">sub/d.md</span></li>
        </ul>
        """)
    #expect(!page.contains("page-neighbours"), "the home page is not in the previous/next chain")
}

/// Renders `courseFiles`, with `changes` written over them, into a fresh output root and returns
/// the results by path.
private func renderCourse(replacing changes: [String: String]) throws -> [String: RenderResult] {
    let directory = try makeDirectory(courseFiles.merging(changes) { _, changed in changed })
    return try renderSite(directory, outputRoot: try TestSupport.temporaryDirectory())
}

@Test func homePageListsOtherPagesInEnglish() throws {
    let results = try renderCourse(replacing: ["index.md": "---\nlang: en\n---\n# Course\n\n[B](b.md)\n"])
    let page = try #require(results["index.md"]).page

    expectContains(page, "<h2>Other pages</h2>")
    expectContains(page, "<li><a href=\"a/index.html\">甲</a>")
}

@Test func previousAndNextFollowCourseOrder() throws {
    let results = try renderCourse(replacing: ["c.md": "---\nlang: en\n---\n# 丙\n"])
    let first = try #require(results["b.md"]).page
    let middle = try #require(results["a.md"]).page
    let english = try #require(results["c.md"]).page
    let last = try #require(results["sub/d.md"]).page

    #expect(!first.contains("rel=\"prev\""), "the first page has no previous page")
    expectContains(first, "<a class=\"page-next\" rel=\"next\" href=\"../a/index.html\"><span class=\"page-neighbour-label\">下一篇</span><span class=\"page-neighbour-title\">甲</span></a>")
    expectContains(middle, "<a class=\"page-prev\" rel=\"prev\" href=\"../b/index.html\"><span class=\"page-neighbour-label\">上一篇</span><span class=\"page-neighbour-title\">乙</span></a>")
    expectContains(middle, "<a class=\"page-next\" rel=\"next\" href=\"../c/index.html\">")
    expectContains(english, "<span class=\"page-neighbour-label\">Previous</span><span class=\"page-neighbour-title\">甲</span>")
    expectContains(english, "<span class=\"page-neighbour-label\">Next</span><span class=\"page-neighbour-title\">丁</span>")
    expectContains(last, "<a class=\"page-prev\" rel=\"prev\" href=\"../../c/index.html\">")
    #expect(!last.contains("rel=\"next\""), "the last page has no next page")
}

@Test func cachedRenderRewritesNavigationAndImages() throws {
    let directory = try makeDirectory([
        "a.md": "# 甲\n\n![图](figure.png)\n\n```swift\nprint(\"甲\")\n```\n",
        "b.md": "# 乙\n",
    ])
    try pngBytes("figure").write(to: URL(fileURLWithPath: "\(directory)/figure.png"))
    let root = try TestSupport.temporaryDirectory()
    let image = mediaName(of: pngBytes("figure"))

    let first = try #require(try renderSite(directory, outputRoot: root)["a.md"])
    let firstPage = first.page
    try "# 课程\n\n[乙](b.md) [甲](a.md)\n".write(toFile: "\(directory)/index.md", atomically: true, encoding: .utf8)
    let second = try #require(try renderSite(directory, outputRoot: root)["a.md"])
    let secondPage = second.page

    #expect(!first.usedCache)
    #expect(second.usedCache, "no cell changed, so the stored outputs are reused")
    expectContains(firstPage, "rel=\"next\" href=\"../b/index.html\"")
    expectContains(secondPage, "rel=\"prev\" href=\"../b/index.html\"")
    #expect(!secondPage.contains("rel=\"next\""), "a is now the last page: \(secondPage)")
    expectContains(secondPage, "<img src=\"\(image)\" alt=\"图\" />")
    #expect(FileManager.default.fileExists(atPath: "\(second.outputDirectory)/\(image)"))
    expectContains(secondPage, "<pre class=\"output output-stdout\">甲\n</pre>")
}

// A notebook rendered on its own: it joins the site of the nearest directory with index.md.

/// Returns `path` absolute with `.` and `..` removed, as `Site.rootDirectory` returns it.
private func standardized(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
}

@Test func siteRootIsNearestIndex() throws {
    let directory = try makeDirectory([
        "index.md": "# 课程\n",
        "a.md": "# 甲\n",
        "part/deep/b.md": "# 乙\n",
        "book/index.md": "# 另一本\n",
        "book/c.md": "# 丙\n",
        "repo/.git": "gitdir: /elsewhere\n",
        "repo/d.md": "# 丁\n",
        "clone/.git/HEAD": "ref: refs/heads/main\n",
        "clone/index.md": "# 仓库首页\n",
        "clone/e.md": "# 戊\n",
    ])

    #expect(Site.rootDirectory(forNotebookAt: "\(directory)/a.md") == standardized(directory))
    #expect(Site.rootDirectory(forNotebookAt: "\(directory)/index.md") == standardized(directory))
    #expect(Site.rootDirectory(forNotebookAt: "\(directory)/part/deep/b.md") == standardized(directory))
    #expect(Site.rootDirectory(forNotebookAt: "\(directory)/book/c.md") == standardized("\(directory)/book"),
            "the nearest index.md wins")
    #expect(Site.rootDirectory(forNotebookAt: "\(directory)/repo/d.md") == nil,
            "the search stops at a directory with .git, here a worktree's .git file")
    #expect(Site.rootDirectory(forNotebookAt: "\(directory)/clone/e.md") == standardized("\(directory)/clone"),
            "the top of a working tree is still checked")
}

/// A site whose course order is a.md, part/b.md, c.md, where part/b.md links to the other two
/// and to the home page.
private let nestedCourseFiles = [
    "index.md": "# 课程\n\n[甲](a.md) [乙](part/b.md) [丙](c.md)\n",
    "a.md": "# 甲\n",
    "part/b.md": "# 乙\n\n回到 [甲](../a.md)，接着读 [丙](../c.md#小结)，或回 [首页](../index.md)。\n",
    "c.md": "---\ntitle: 丙\n---\n\n正文。\n",
    "extra.md": "# 附录\n",
]

@Test func standaloneRenderLandsAtSitePath() throws {
    let directory = try makeDirectory(nestedCourseFiles)
    let root = try TestSupport.temporaryDirectory()

    let result = try makeRenderer(outputRoot: root).render(notebookAt: "\(directory)/part/b.md")
    let page = result.page
    let links = hrefs(in: page)

    #expect(result.pagePath == "\(root)/part/b/index.html")
    #expect(result.outputDirectory == "\(root)/part/b")
    #expect(!FileManager.default.fileExists(atPath: "\(root)/b"), "nothing is written at the file name")
    expectContains(page, "href=\"../../assets/redbook.css\"")
    #expect(FileManager.default.fileExists(atPath: "\(root)/assets/redbook.css"), "assets go to the output root")
    #expect(!FileManager.default.fileExists(atPath: "\(root)/part/assets"), "and never to a subfolder")
    #expect(links.contains("../../a/index.html"), "\(links)")
    #expect(links.contains("../../c/index.html#\(percentEncoded("小结"))"), "\(links)")
    #expect(links.contains("../../index.html"), "a link to index.md points at the home page: \(links)")
    expectContains(page, "<a class=\"page-prev\" rel=\"prev\" href=\"../../a/index.html\"><span class=\"page-neighbour-label\">上一篇</span><span class=\"page-neighbour-title\">甲</span></a>")
    expectContains(page, "<a class=\"page-next\" rel=\"next\" href=\"../../c/index.html\"><span class=\"page-neighbour-label\">下一篇</span><span class=\"page-neighbour-title\">丙</span></a>")
    #expect(!FileManager.default.fileExists(atPath: "\(root)/a"), "the neighbours are read, not rendered")
    #expect(result.warnings.isEmpty, "\(result.warnings)")
}

@Test func standaloneRenderMatchesSiteRender() throws {
    let directory = try makeDirectory(nestedCourseFiles)
    let siteRoot = try TestSupport.temporaryDirectory()
    let aloneRoot = try TestSupport.temporaryDirectory()

    let siteResults = try renderSite(directory, outputRoot: siteRoot)
    let renderer = try makeRenderer(outputRoot: aloneRoot)

    for relative in ["index.md", "a.md", "part/b.md", "c.md", "extra.md"] {
        let alone = try renderer.render(notebookAt: "\(directory)/\(relative)")
        let inSite = try #require(siteResults[relative])
        #expect(alone.pagePath.dropFirst(aloneRoot.count) == inSite.pagePath.dropFirst(siteRoot.count), "\(relative)")
        #expect(alone.page == inSite.page, "\(relative) differs from the directory render")
    }
}

@Test func homePageRenderedAlone() throws {
    let directory = try makeDirectory(nestedCourseFiles)
    let root = try TestSupport.temporaryDirectory()

    let result = try makeRenderer(outputRoot: root).render(notebookAt: "\(directory)/index.md")
    let page = result.page

    #expect(result.pagePath == "\(root)/index.html")
    #expect(FileManager.default.fileExists(atPath: "\(root)/index/outputs.json"))
    #expect(!FileManager.default.fileExists(atPath: "\(root)/index/index.html"))
    expectContains(page, "href=\"assets/redbook.css\"")
    expectContains(page, "<a href=\"part/b/index.html\">乙</a>")
    expectContains(page, "<li><a href=\"extra/index.html\">附录</a><span class=\"path\">extra.md</span></li>")
    #expect(!page.contains("page-neighbours"), "the home page is not in the previous/next chain")
}

@Test func notebookOutsideSiteRendersAlone() throws {
    // The .git file bounds the search, so an index.md above the temporary directory cannot matter.
    let directory = try makeDirectory([
        ".git": "gitdir: /elsewhere\n",
        "notes/page.md": "# 笔记\n\n[兄弟](sibling.md)\n",
        "notes/sibling.md": "# 兄弟\n",
    ])
    let root = try TestSupport.temporaryDirectory()

    let result = try makeRenderer(outputRoot: root).render(notebookAt: "\(directory)/notes/page.md")
    let page = result.page

    #expect(result.pagePath == "\(root)/page/index.html")
    expectContains(page, "href=\"../assets/redbook.css\"")
    #expect(hrefs(in: page).contains("../sibling/index.html"), "\(hrefs(in: page))")
    #expect(!page.contains("page-neighbours"), "a page outside any site has no previous/next links")
}

@Test func notebookInDataDirectoryRendersAlone() throws {
    let directory = try makeDirectory(nestedCourseFiles.merging(["data/set/SOURCE.md": "# 数据来源\n"]) { $1 })
    let root = try TestSupport.temporaryDirectory()

    let result = try makeRenderer(outputRoot: root).render(notebookAt: "\(directory)/data/set/SOURCE.md")

    #expect(Site.enclosing(notebookAt: "\(directory)/data/set/SOURCE.md") == nil, "a directory render skips data/")
    #expect(result.pagePath == "\(root)/SOURCE/index.html")
    #expect(!result.page.contains("page-neighbours"))
}

@Test func unreadableSiteNotebookWarns() throws {
    let directory = try makeDirectory(nestedCourseFiles.merging(["broken.md": "---\ntitle: 坏\n"]) { $1 })
    let root = try TestSupport.temporaryDirectory()

    let result = try makeRenderer(outputRoot: root).render(notebookAt: "\(directory)/extra.md")
    let warning = try #require(result.warnings.first, "expected a warning about broken.md")

    #expect(result.pagePath == "\(root)/extra/index.html")
    #expect(warning.severity == .warning)
    #expect(warning.file == "\(standardized(directory))/broken.md")
    #expect(result.warnings.count == 1, "\(result.warnings)")
}

@Test func rerunCellKeepsNavigation() throws {
    let files = nestedCourseFiles.merging(["part/b.md": "# 乙\n\n```swift\n//| label: greet\nprint(\"乙\")\n```\n"]) { $1 }
    let directory = try makeDirectory(files)
    let root = try TestSupport.temporaryDirectory()
    let renderer = try makeRenderer(outputRoot: root)
    let path = "\(directory)/part/b.md"

    _ = try renderer.render(notebookAt: path)
    let rerun = try renderer.rerunCell("greet", notebookAt: path)
    let named = try renderer.rerunCell("greet", notebookAt: path, outputName: "part/b")
    let differences = try renderer.diff(notebookAt: path, tolerance: 0)

    for result in [rerun, named] {
        #expect(result.pagePath == "\(root)/part/b/index.html")
        expectContains(result.page, "href=\"../../assets/redbook.css\"")
        expectContains(result.page, "<a class=\"page-prev\" rel=\"prev\" href=\"../../a/index.html\">")
        expectContains(result.page, "<a class=\"page-next\" rel=\"next\" href=\"../../c/index.html\">")
        expectContains(result.page, "<pre class=\"output output-stdout\">乙\n</pre>")
    }
    #expect(!FileManager.default.fileExists(atPath: "\(root)/b"))
    #expect(differences.isEmpty, "diff finds the stored outputs at the site path: \(differences)")
}

@Test func markdownOutputLinksPointAtPages() throws {
    let notebook = "# 甲\n\n```swift\ndisplay(markdown: \"见 [乙](part/b.md#开头) 与 [缺失](gone.md)\")\n```\n"
    let directory = try makeDirectory(nestedCourseFiles.merging(["a.md": notebook]) { $1 })
    let root = try TestSupport.temporaryDirectory()

    let result = try makeRenderer(outputRoot: root).render(notebookAt: "\(directory)/a.md")
    let links = hrefs(in: result.page)

    #expect(result.record.cells.first?.status == .ok)
    #expect(links.contains("../part/b/index.html#\(percentEncoded("开头"))"), "\(links)")
    #expect(links.contains("gone.md"), "a missing target is kept: \(links)")
    #expect(result.warnings.isEmpty, "output links give no warnings: \(result.warnings)")
}
