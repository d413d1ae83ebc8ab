import Foundation

/// The notebooks below one directory, rendered together: where each page goes, its title, and
/// the reading order that the home page and the previous/next links follow.
///
/// `index.md` at the top of the directory is the home page. The order of the notebooks it links
/// to (by the first link to each) is the course order, and the notebooks it does not link to
/// follow, sorted by path. Without `index.md` every notebook is in path order.
public struct Site: Sendable {
    /// One notebook of the site.
    public struct Page: Sendable, Equatable {
        /// The notebook path: the site directory as given, joined with `relativePath`.
        public var path: String
        /// Path below the site directory, such as `summary/convnets.md`.
        public var relativePath: String
        /// Output directory below the output root: `relativePath` without `.md`.
        public var outputName: String
        public var title: String
        /// The page language from the front matter.
        public var lang: String
        /// The absolute path with symbolic links resolved, which links are matched against.
        var resolvedPath: String
    }

    public static let homeFileName = "index.md"

    public private(set) var directory: String
    /// `index.md` at the top of the directory, published as `<outputRoot>/index.html`.
    public private(set) var home: Page?
    /// The other notebooks in reading order.
    public private(set) var pages: [Page] = []
    /// How many of `pages`, from the start, the home page links to.
    public private(set) var linkedCount = 0
    /// Errors of notebooks that could not be read. These notebooks are left out of the site.
    public private(set) var unreadable: [NotebookParseError] = []

    /// The pages the home page does not link to, sorted by path.
    public var otherPages: ArraySlice<Page> {
        pages[linkedCount...]
    }

    /// Reads every notebook below `directory` (see `SiteIndex.notebooks`) and orders them.
    ///
    /// - Parameter excluded: a directory to skip, such as the output root when it sits inside.
    public init(directory: String, skipping excluded: String? = nil) {
        self.directory = directory
        var found: [Page] = []
        var homeNotebook: Notebook?

        for relative in SiteIndex.notebooks(in: directory, skipping: excluded) {
            let path = directory.hasSuffix("/") ? directory + relative : "\(directory)/\(relative)"
            let notebook: Notebook
            do {
                notebook = try Notebook(contentsOf: path)
            } catch {
                unreadable.append(error)
                continue
            }
            let page = Page(path: path, relativePath: relative, outputName: String(relative.dropLast(".md".count)),
                            title: NotebookPage.title(of: notebook), lang: notebook.frontMatter.lang,
                            resolvedPath: Self.resolve(path))
            if relative == Self.homeFileName {
                home = page
                homeNotebook = notebook
            } else {
                found.append(page)
            }
        }

        guard let homeNotebook else {
            pages = found
            return
        }
        let linked = Self.linkedPaths(in: homeNotebook)
        let course = linked.compactMap { path in found.first { $0.resolvedPath == path } }
        pages = course + found.filter { page in !course.contains(page) }
        linkedCount = course.count
    }

    /// Returns the page whose notebook is the file at `resolvedPath`, the home page included.
    func page(resolvedPath: String) -> Page? {
        if let home, home.resolvedPath == resolvedPath {
            return home
        }
        return pages.first { $0.resolvedPath == resolvedPath }
    }

    /// Returns where `page` is published.
    func location(of page: Page) -> PageLocation {
        PageLocation(outputName: page.outputName, isHome: page == home)
    }

    /// Returns the pages before and after `page` in reading order; both nil for the home page.
    func neighbours(of page: Page) -> (previous: Page?, next: Page?) {
        guard let index = pages.firstIndex(of: page) else { return (nil, nil) }
        let previous = index > pages.startIndex ? pages[index - 1] : nil
        let next = index + 1 < pages.endIndex ? pages[index + 1] : nil
        return (previous, next)
    }

    /// Returns the files that the links of `notebook` name, resolved, without repeats, in the
    /// order of their first link.
    private static func linkedPaths(in notebook: Notebook) -> [String] {
        let directory = URL(fileURLWithPath: notebook.path).deletingLastPathComponent().path
        var paths: [String] = []
        for destination in MarkdownDocument(markdown: notebook.markdown).destinations where destination.kind == .link {
            guard let reference = FileReference(url: destination.url), reference.isNotebook else { continue }
            let path = resolve("\(directory)/\(reference.path)")
            if !paths.contains(path) {
                paths.append(path)
            }
        }
        return paths
    }

    /// Returns `path` made absolute, with `.`, `..` and symbolic links resolved.
    static func resolve(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
