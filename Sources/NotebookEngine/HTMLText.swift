/// Text helpers for writing HTML.
enum HTMLText {
    /// Escapes `&`, `<`, `>`, `"` and `'` so that any string is safe in element content and
    /// in quoted attribute values.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Returns an id for a heading: letters and digits of any script kept (lowercased), runs of
    /// other characters turned into one `-`. Chinese headings keep their characters.
    static func slug(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "_" {
                if pendingDash && !slug.isEmpty {
                    slug.append("-")
                }
                pendingDash = false
                slug.append(character)
            } else {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }
}

/// Hands out unique heading ids, adding `-2`, `-3`, … to repeated slugs.
struct SlugAllocator {
    private var used: Set<String> = []

    mutating func id(for text: String) -> String {
        let base = HTMLText.slug(text)
        var candidate = base
        var count = 1
        while used.contains(candidate) {
            count += 1
            candidate = "\(base)-\(count)"
        }
        used.insert(candidate)
        return candidate
    }
}
