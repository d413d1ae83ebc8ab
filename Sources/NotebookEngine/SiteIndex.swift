import Foundation

/// Finding notebooks under a directory and writing the page that lists them.
public enum SiteIndex {
    /// Returns the relative paths of every `*.md` file below `directory`, sorted, skipping
    /// hidden directories, `data` directories (data sets and their source notes, not notebooks)
    /// and `skipping` (the output root, when it sits inside).
    public static func notebooks(in directory: String, skipping excluded: String? = nil) -> [String] {
        let root = URL(fileURLWithPath: directory).standardizedFileURL.path
        let excludedPath = excluded.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }

        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = URL(fileURLWithPath: relative).lastPathComponent
            let full = "\(root)/\(relative)"
            let isDataDirectory = name == "data" && !relative.hasSuffix(".md")
            if name.hasPrefix(".") || isDataDirectory || full == excludedPath {
                enumerator.skipDescendants()
                continue
            }
            if relative.hasSuffix(".md") {
                found.append(relative)
            }
        }
        return found.sorted()
    }

    /// Writes `<outputRoot>/index.html` linking each rendered page by its title.
    public static func write(entries: [(title: String, outputName: String, source: String)], lang: String, outputRoot: String) throws {
        let language = Language.forPage(lang: lang)
        let title = Message.pageIndexTitle.text(language)
        var main = "<h1>\(HTMLText.escape(title))</h1>\n<ul class=\"notebook-list\">\n"
        for entry in entries {
            main += "<li><a href=\"\(HTMLText.escape(entry.outputName))/index.html\">\(HTMLText.escape(entry.title))</a>"
                + "<span class=\"path\">\(HTMLText.escape(entry.source))</span></li>\n"
        }
        main += "</ul>\n"
        let page = NotebookPage.pageShell(lang: lang, title: title, assetsPath: "assets/", navigation: "", main: main, language: language)
        try PageAssets.install(into: outputRoot)
        do {
            try page.write(toFile: "\(outputRoot)/index.html", atomically: true, encoding: .utf8)
        } catch {
            throw RenderError(message: Message.outputNotWritable(path: "\(outputRoot)/index.html", reason: describe(error)).text())
        }
    }
}
