import Foundation

/// Comparison of cell outputs that lets numbers differ slightly, for `redbook diff`.
///
/// Text is split into numbers and the text between them. The text between must be equal, and
/// two numbers match when `|a - b| <= tolerance * max(1, |a|, |b|)`.
public enum OutputComparison {
    private static let number = try! NSRegularExpression(pattern: #"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"#)

    /// Returns whether two texts match with numbers compared within `tolerance`.
    public static func textsMatch(_ first: String, _ second: String, tolerance: Double) -> Bool {
        let left = tokens(first)
        let right = tokens(second)
        guard left.count == right.count else { return false }
        return zip(left, right).allSatisfy { pair in
            switch pair {
            case let (.text(a), .text(b)):
                return a == b
            case let (.number(a), .number(b)):
                return abs(a - b) <= tolerance * max(1, abs(a), abs(b))
            default:
                return false
            }
        }
    }

    /// Returns whether two outputs match: same kind, texts and tables compared within `tolerance`,
    /// images by content (their file names are content hashes).
    public static func outputsMatch(_ first: CellOutput, _ second: CellOutput, tolerance: Double) -> Bool {
        switch (first, second) {
        case let (.stream(a), .stream(b)):
            return a.name == b.name && textsMatch(a.text, b.text, tolerance: tolerance)
        case let (.table(a), .table(b)):
            return a.header == b.header && a.rows.count == b.rows.count
                && zip(a.rows, b.rows).allSatisfy { rowA, rowB in
                    rowA.count == rowB.count && zip(rowA, rowB).allSatisfy { textsMatch($0, $1, tolerance: tolerance) }
                }
        case let (.image(a), .image(b)):
            return a == b
        case let (.markdown(a), .markdown(b)):
            return textsMatch(a, b, tolerance: tolerance)
        case let (.error(a), .error(b)):
            return a.kind == b.kind && textsMatch(a.message, b.message, tolerance: tolerance)
        default:
            return false
        }
    }

    private enum Token {
        case text(String)
        case number(Double)
    }

    private static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var position = text.startIndex
        for match in number.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text), let value = Double(text[range]) else { continue }
            if position < range.lowerBound {
                tokens.append(.text(String(text[position..<range.lowerBound])))
            }
            tokens.append(.number(value))
            position = range.upperBound
        }
        if position < text.endIndex {
            tokens.append(.text(String(text[position...])))
        }
        return tokens
    }
}
