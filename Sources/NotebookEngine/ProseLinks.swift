import Foundation

/// A link or image destination that names a file relative to the notebook.
struct FileReference {
    /// The path, percent escapes decoded, relative to the notebook's directory.
    var path: String
    /// The text after `#`, kept as written.
    var fragment: String?

    /// Parses `url`. Returns nil for an absolute URL (`https:`, `mailto:`), an absolute path,
    /// an in-page anchor (`#…`) or an empty destination.
    init?(url: String) {
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let rawPath = String(parts[0])
        guard !rawPath.isEmpty, !rawPath.hasPrefix("/"), !Self.hasScheme(rawPath) else { return nil }
        path = rawPath.removingPercentEncoding ?? rawPath
        fragment = parts.count > 1 ? String(parts[1]) : nil
    }

    /// Whether the path names a Markdown file, which redbook renders as a notebook page.
    var isNotebook: Bool {
        path.lowercased().hasSuffix(".md")
    }

    /// Returns whether `text` starts with a URL scheme: a letter, then letters, digits, `+`,
    /// `-` or `.`, then a colon.
    private static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), let first = text.first, first.isASCII, first.isLetter else {
            return false
        }
        return text[..<colon].allSatisfy { character in
            character.isASCII && (character.isLetter || character.isNumber || "+-.".contains(character))
        }
    }
}

/// The relative links and images of one notebook's prose, resolved for its page.
///
/// A link to a notebook file that exists becomes a link to that notebook's page. An image file
/// that exists is copied beside the page under `media/`, named by its content hash like the
/// figures. A link to a missing `.md` file and a missing image are warnings and stay as written.
struct ProseLinks {
    struct Key: Hashable {
        var kind: MarkdownDocument.Destination.Kind
        var url: String
    }

    /// New URL for each destination that changes.
    private(set) var replacements: [Key: String] = [:]
    /// Files to copy beside the page: path below the page's file directory (`media/…`) to the source file.
    private(set) var media: [String: String] = [:]
    private(set) var warnings: [NotebookDiagnostic] = []

    static let mediaDirectory = "media"

    private let notebook: Notebook
    private let location: PageLocation
    private let site: Site?
    private let notebookDirectory: String

    /// Resolves every link and image in `notebook`'s prose for the page at `location`.
    ///
    /// - Parameter site: the site the notebook is a page of, or nil for a notebook outside any
    ///   site. A link then points at `../<target file name>/index.html`, where rendering a
    ///   target outside any site puts it.
    init(notebook: Notebook, location: PageLocation, site: Site?) {
        self.notebook = notebook
        self.location = location
        self.site = site
        notebookDirectory = URL(fileURLWithPath: notebook.path).deletingLastPathComponent().path

        for destination in MarkdownDocument(markdown: notebook.markdown).destinations {
            guard let reference = FileReference(url: destination.url) else { continue }
            let key = Key(kind: destination.kind, url: destination.url)
            switch destination.kind {
            case .link where reference.isNotebook:
                resolveLink(reference, key: key, at: destination)
            case .image:
                resolveImage(reference, key: key, at: destination)
            case .link:
                continue
            }
        }
    }

    /// Returns the new URL for a destination, or nil to keep it.
    func replacement(for kind: MarkdownDocument.Destination.Kind, url: String) -> String? {
        replacements[Key(kind: kind, url: url)]
    }

    /// Returns the page URL for a link in a cell's Markdown output (`display(markdown:)`), or nil
    /// to keep the link. Such a link has no place in the notebook's source, so a missing target
    /// is kept without a warning.
    func replacementInOutput(forLink url: String) -> String? {
        guard let reference = FileReference(url: url), reference.isNotebook else { return nil }
        let file = "\(notebookDirectory)/\(reference.path)"
        guard FileManager.default.regularFileExists(atPath: file) else { return nil }
        return pageURL(of: file, reference: reference)
    }

    private mutating func resolveLink(_ reference: FileReference, key: Key, at destination: MarkdownDocument.Destination) {
        let file = "\(notebookDirectory)/\(reference.path)"
        guard FileManager.default.regularFileExists(atPath: file) else {
            warnings.append(diagnostic(at: destination, .linkTargetMissing(link: destination.url, path: displayPath(reference.path))))
            return
        }
        replacements[key] = pageURL(of: file, reference: reference)
    }

    /// Returns the URL of the page of the notebook `file`, which `reference` names, or nil when
    /// the site has no page for it.
    private func pageURL(of file: String, reference: FileReference) -> String? {
        let target: PageLocation
        if let site {
            // A Markdown file outside the site's directory, or in a skipped `data` folder, has no page.
            guard let page = site.page(resolvedPath: Site.resolve(file)) else { return nil }
            target = site.location(of: page)
        } else {
            target = PageLocation(outputName: URL(fileURLWithPath: reference.path).deletingPathExtension().lastPathComponent)
        }
        let fragment = reference.fragment.map { "#" + $0 } ?? ""
        return location.href(to: target) + fragment
    }

    private mutating func resolveImage(_ reference: FileReference, key: Key, at destination: MarkdownDocument.Destination) {
        let file = "\(notebookDirectory)/\(reference.path)"
        guard FileManager.default.regularFileExists(atPath: file), let contents = FileManager.default.contents(atPath: file) else {
            warnings.append(diagnostic(at: destination, .imageMissing(image: destination.url, path: displayPath(reference.path))))
            return
        }

        let fileExtension = URL(fileURLWithPath: reference.path).pathExtension.lowercased()
        var name = "\(Self.mediaDirectory)/\(SHA256.hex(of: contents).prefix(20))"
        if !fileExtension.isEmpty {
            name += ".\(fileExtension)"
        }
        media[name] = file
        replacements[key] = location.filesPrefix + URLPath.encode(name)
    }

    /// Returns the target's path as the user would type it: the notebook's directory as given, joined with `path`.
    private func displayPath(_ path: String) -> String {
        guard let slash = notebook.path.range(of: "/", options: .backwards) else { return path }
        return "\(notebook.path[..<slash.lowerBound])/\(path)"
    }

    /// Returns a warning at the destination's text in the notebook, or at the link's start when
    /// the text cannot be found there (a reference link's destination sits in its definition).
    private func diagnostic(at destination: MarkdownDocument.Destination, _ message: Message) -> NotebookDiagnostic {
        let source = notebook.source
        let startText = source.line(destination.startLine) ?? ""
        let startColumn = Self.characterCount(ofFirstBytes: destination.startByteColumn - 1, in: startText) + 1

        // Searching from cmark's column finds the right link when a line repeats a URL. cmark
        // leaves out a continuation line's indentation, so the real column can lie further right.
        let linkStart = startText.index(startText.startIndex, offsetBy: startColumn - 1)
        let range = startText.range(of: destination.url, range: linkStart..<startText.endIndex) ?? startText.range(of: destination.url)
        if let range {
            let column = startText.distance(from: startText.startIndex, to: range.lowerBound) + 1
            return source.diagnostic(.warning, line: destination.startLine, column: column, message)
        }
        // A link whose text spans lines has its destination on a later line.
        let lastLine = max(destination.startLine, destination.endLine)
        for lineNumber in stride(from: destination.startLine + 1, through: lastLine, by: 1) {
            guard let text = source.line(lineNumber), let range = text.range(of: destination.url) else { continue }
            let column = text.distance(from: text.startIndex, to: range.lowerBound) + 1
            return source.diagnostic(.warning, line: lineNumber, column: column, message)
        }
        return source.diagnostic(.warning, line: destination.startLine, column: startColumn, message)
    }

    /// Returns how many characters the first `byteCount` UTF-8 bytes of `text` make up.
    private static func characterCount(ofFirstBytes byteCount: Int, in text: String) -> Int {
        let utf8 = text.utf8
        let end = utf8.index(utf8.startIndex, offsetBy: max(0, min(byteCount, utf8.count)))
        return text[..<end].count
    }
}
