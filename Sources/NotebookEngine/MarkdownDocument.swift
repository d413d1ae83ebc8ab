import Foundation
internal import CMark

/// A Markdown document parsed by cmark-gfm with the GitHub extensions, owning its node tree.
///
/// The tree and the parser (which owns the extension list the HTML renderer needs) are freed
/// in `deinit`. Nodes never leave this type, so no C pointer outlives it.
final class MarkdownDocument {
    private let parser: OpaquePointer
    private let root: OpaquePointer

    /// A fenced or indented code block found in the document.
    struct CodeBlock {
        /// First word of the info string; empty for indented blocks and bare fences.
        var language: String
        var literal: String
        /// Line of the opening fence (or the first line of an indented block).
        var startLine: Int
        var endLine: Int
        var startColumn: Int
        /// The opening fence, such as "```" or "~~~~"; nil for an indented block.
        var fence: String?
    }

    /// A heading with its plain text.
    struct Heading {
        var level: Int
        var text: String
    }

    /// The destination of a link or an image, with where cmark found it.
    struct Destination {
        enum Kind {
            case link
            case image
        }

        var kind: Kind
        /// The URL as cmark stores it: entities and backslash escapes resolved, percent escapes kept.
        var url: String
        var startLine: Int
        var endLine: Int
        /// One-based column of the opening `[` or `!`, counted in bytes. On a paragraph's
        /// continuation line cmark counts from after the stripped indentation, so the real
        /// column may be larger.
        var startByteColumn: Int
    }

    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]
    private static let options = CMARK_OPT_FOOTNOTES

    init(markdown: String) {
        cmark_gfm_core_extensions_ensure_registered()
        let parser = cmark_parser_new(Self.options)!
        for name in Self.extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        let bytes = Array(markdown.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                cmark_parser_feed(parser, characters.baseAddress, characters.count)
            }
        }
        self.parser = parser
        root = cmark_parser_finish(parser)
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// All code blocks in document order.
    var codeBlocks: [CodeBlock] {
        nodes(ofType: CMARK_NODE_CODE_BLOCK).map(codeBlock)
    }

    /// All headings in document order.
    var headings: [Heading] {
        nodes(ofType: CMARK_NODE_HEADING).map { node in
            Heading(level: Int(cmark_node_get_heading_level(node)), text: plainText(of: node))
        }
    }

    /// The destinations of all links and images in document order, including reference links.
    var destinations: [Destination] {
        destinationNodes().map { node, kind in
            Destination(kind: kind, url: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
                        startLine: Int(cmark_node_get_start_line(node)), endLine: Int(cmark_node_get_end_line(node)),
                        startByteColumn: Int(cmark_node_get_start_column(node)))
        }
    }

    /// Sets the URL of each link and image to `newURL(kind, url)`, keeping it where that returns nil.
    func rewriteDestinations(_ newURL: (Destination.Kind, String) -> String?) {
        for (node, kind) in destinationNodes() {
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            if let replacement = newURL(kind, url), replacement != url {
                cmark_node_set_url(node, replacement)
            }
        }
    }

    /// Replaces each code block whose language is `language` by a paragraph holding only
    /// `placeholder(n)` for the n-th such block, so the caller can put its own HTML there.
    func replaceCodeBlocks(language: String, with placeholder: (Int) -> String) {
        let blocks = nodes(ofType: CMARK_NODE_CODE_BLOCK).filter { codeBlock($0).language == language }
        for (index, node) in blocks.enumerated() {
            let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)
            let text = cmark_node_new(CMARK_NODE_TEXT)
            cmark_node_set_literal(text, placeholder(index))
            cmark_node_append_child(paragraph, text)
            cmark_node_replace(node, paragraph)
            cmark_node_free(node)
        }
    }

    /// Puts `marker(n)` as the first text of the n-th heading, so the caller can find each
    /// heading's tag in the HTML and give it an id.
    func markHeadings(with marker: (Int) -> String) {
        for (index, node) in nodes(ofType: CMARK_NODE_HEADING).enumerated() {
            let text = cmark_node_new(CMARK_NODE_TEXT)
            cmark_node_set_literal(text, marker(index))
            cmark_node_prepend_child(node, text)
        }
    }

    /// Renders the document as an HTML fragment. Raw HTML in the Markdown is omitted.
    func renderHTML() -> String {
        let extensions = cmark_parser_get_syntax_extensions(parser)
        guard let html = cmark_render_html(root, Self.options, extensions) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    private func nodes(ofType type: cmark_node_type) -> [OpaquePointer] {
        nodes { $0 == type }
    }

    /// Returns the nodes whose type satisfies `isIncluded`, in document order.
    private func nodes(where isIncluded: (cmark_node_type) -> Bool) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else {
                continue
            }
            if isIncluded(cmark_node_get_type(node)) {
                found.append(node)
            }
        }
        return found
    }

    private func destinationNodes() -> [(OpaquePointer, Destination.Kind)] {
        nodes { $0 == CMARK_NODE_LINK || $0 == CMARK_NODE_IMAGE }.map { node in
            (node, cmark_node_get_type(node) == CMARK_NODE_IMAGE ? .image : .link)
        }
    }

    private func codeBlock(_ node: OpaquePointer) -> CodeBlock {
        let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
        let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        var length: Int32 = 0
        var offset: Int32 = 0
        var character: CChar = 0
        let fenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0
        let fence = fenced ? String(repeating: Character(UnicodeScalar(UInt8(bitPattern: character))), count: Int(length)) : nil
        return CodeBlock(
            language: language,
            literal: cmark_node_get_literal(node).map { String(cString: $0) } ?? "",
            startLine: Int(cmark_node_get_start_line(node)),
            endLine: Int(cmark_node_get_end_line(node)),
            startColumn: Int(cmark_node_get_start_column(node)),
            fence: fence
        )
    }

    private func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else {
                continue
            }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(child) {
                text += String(cString: literal)
            }
        }
        return text
    }
}
