import Foundation

/// Classical Chinese poems and sayings from the Debian package `fortunes-zh`, read from the
/// installed fortune files at run time (they are not part of the repository).
///
/// ```swift
/// let poems = try ClassicalChinese.load(collections: [.tang300])
/// print(poems.entries[0].title ?? "", poems.corpus.count)
/// ```
public struct ClassicalChinese: Sendable {
    /// A fortune file of the package.
    public enum Collection: String, CaseIterable, Sendable {
        /// 300 Tang poems (《唐诗三百首》), each with a title and an author line.
        case tang300

        /// 100 Song poems (宋词一百首), each with a title and an author line.
        case song100

        /// A mixed collection: classical sayings and verses, proverbs, and passages of Debian
        /// documentation translated into Chinese.
        case chinese
    }

    /// One fortune: a poem or a saying.
    public struct Entry: Sendable, Equatable {
        public var collection: Collection

        /// The whole entry without colour codes, lines joined with `\n`.
        public var text: String

        /// The title without its 《》 brackets (《春居杂兴》二首 gives 春居杂兴二首), when the entry
        /// starts with a title line and an author line, as the Tang and Song poems do.
        public var title: String?

        /// The author without life dates, when `title` is set.
        public var author: String?

        /// The text after the title and author lines, or the whole text when there are none.
        public var body: String
    }

    /// The folder where Debian installs the fortune files.
    public static let defaultDirectory = URL(fileURLWithPath: "/usr/share/games/fortunes")

    /// The entries of all loaded collections, in file order.
    public var entries: [Entry]

    /// The texts of all entries separated by blank lines: a corpus for character-level models.
    public var corpus: String {
        entries.map(\.text).joined(separator: "\n\n")
    }

    /// Reads and cleans the chosen collections.
    ///
    /// - Parameter directory: The folder with the fortune files; the Debian location by default.
    /// - Throws: `DatasetError.missingFile` when a file is absent, which means the package
    ///   `fortunes-zh` is not installed.
    public static func load(
        collections: [Collection] = Collection.allCases,
        from directory: URL = defaultDirectory
    ) throws -> ClassicalChinese {
        var entries: [Entry] = []
        for collection in collections {
            let url = directory.appendingPathComponent(collection.rawValue)
            let remedy = "It comes from the Debian package fortunes-zh: install it with scripts/setup, or `apt-get install --reinstall fortunes-zh` if the file is damaged."
            let contents = try readDataFile(url, remedy: remedy)
            entries += fortunes(in: contents).map { Entry(collection: collection, text: $0) }
        }
        return ClassicalChinese(entries: entries)
    }

    /// Splits the contents of a fortune file into cleaned entries.
    ///
    /// Terminal escape sequences (the colour codes around titles) are removed, entries are split
    /// at lines that contain only `%`, trailing spaces are trimmed from every line and blank lines
    /// at the start and end of an entry are dropped. Empty entries are skipped.
    public static func fortunes(in contents: String) -> [String] {
        var entries: [String] = []
        var lines: [Substring] = []

        func endEntry() {
            let trimmed = lines.drop { $0.isEmpty }.reversed().drop { $0.isEmpty }.reversed()
            if !trimmed.isEmpty {
                entries.append(trimmed.joined(separator: "\n"))
            }
            lines = []
        }

        for line in dataLines(of: removingTerminalEscapes(from: contents)) {
            let trimmed = line.trimmingTrailingWhitespace()
            if trimmed == "%" {
                endEntry()
            } else {
                lines.append(trimmed)
            }
        }
        endEntry()
        return entries
    }

    /// Removes ANSI terminal escape sequences: control sequences such as `ESC[32m` or `ESC[0;31m`
    /// (ESC, `[`, parameter and intermediate bytes, one final byte) and two-character escapes
    /// such as `ESC c`.
    public static func removingTerminalEscapes(from text: String) -> String {
        var cleaned = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else {
                cleaned.append(scalar)
                continue
            }
            guard let introducer = scalars.next(), introducer == "[" else {
                continue
            }

            // Parameter bytes 0x30–0x3F and intermediate bytes 0x20–0x2F run until a final
            // byte 0x40–0x7E; a sequence cut off by the end of the text is dropped whole.
            while let byte = scalars.next(), !(0x40...0x7E).contains(byte.value) {}
        }
        return String(cleaned)
    }
}

extension ClassicalChinese.Entry {
    /// Creates an entry from cleaned text, reading the title and author of a poem when the first
    /// two lines are a 《title》 (optionally after `题目:`) and `作者:` or `作者：` with a name.
    init(collection: ClassicalChinese.Collection, text: String) {
        self.collection = collection
        self.text = text
        body = text

        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3, let title = Self.title(in: lines[0]), let author = Self.author(in: lines[1]) else {
            return
        }
        self.title = title
        self.author = author
        body = lines.dropFirst(2).joined(separator: "\n")
    }

    private static func title(in line: Substring) -> String? {
        var title = line.trimmingCharacters(in: .whitespaces)
        for prefix in ["题目:", "题目："] where title.hasPrefix(prefix) {
            title.removeFirst(prefix.count)
        }
        // Some Song titles go on after the brackets, as in 《春居杂兴》二首; the rest is kept.
        guard title.hasPrefix("《"), let close = title.firstIndex(of: "》") else {
            return nil
        }
        let name = title[title.index(after: title.startIndex)..<close] + title[title.index(after: close)...]
        return name.isEmpty ? nil : String(name)
    }

    private static func author(in line: Substring) -> String? {
        let line = line.trimmingCharacters(in: .whitespaces)
        guard let prefix = ["作者:", "作者："].first(where: line.hasPrefix) else {
            return nil
        }
        var author = line.dropFirst(prefix.count)

        // Song poets carry life dates in full-width brackets, as in 柳开（９４６－９９９）.
        if author.hasSuffix("）"), let open = author.lastIndex(of: "（") {
            author = author[..<open]
        }
        let name = author.trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : name
    }
}

extension Substring {
    func trimmingTrailingWhitespace() -> Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace {
            end = index(before: end)
        }
        return self[..<end]
    }
}
