import Foundation

/// Comparison of cell outputs that lets numbers and pixels differ slightly, for `redbook diff`.
///
/// Text is split into numbers and the text between them. The text between must be equal, and
/// two numbers match when `|a - b| <= tolerance * max(1, |a|, |b|)`. Figures are decoded and
/// compared pixel by pixel within a `PixelTolerance` (see `figureDifference`).
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
    /// images by file name, which is a hash of their content. `figureDifference` compares the
    /// pixels of images whose names differ.
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

    /// Compares a stored figure with a fresh one by their PNG files and returns nil when they match.
    ///
    /// Files with equal names are not read, because a figure's file name is a hash of its content.
    /// A file that cannot be decoded is reported as a difference with the reason.
    public static func figureDifference(stored: StoredImage, storedPath: String, fresh: StoredImage, freshPath: String,
                                        tolerance: PixelTolerance) -> FigureDifference? {
        guard stored.file != fresh.file else {
            return nil
        }
        let kind: FigureDifference.Kind
        do {
            let storedImage = try PNGImage(contentsOf: storedPath)
            let freshImage = try PNGImage(contentsOf: freshPath)
            guard let difference = storedImage.difference(from: freshImage, tolerance: tolerance) else {
                return nil
            }
            kind = .image(difference)
        } catch {
            kind = .unreadable(error)
        }
        return FigureDifference(storedFile: stored.file, freshFile: fresh.file, kind: kind)
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

/// A figure whose stored and fresh versions differ beyond the pixel tolerance.
public struct FigureDifference: Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        case image(ImageDifference)
        /// One of the two files could not be read or decoded, so the pixels were not compared.
        case unreadable(PNGError)
    }

    /// File name of the stored figure, relative to the page, such as `figures/3f2a….png`.
    public var storedFile: String
    public var freshFile: String
    public var kind: Kind

    public var description: String {
        switch kind {
        case let .image(difference): return "figure \(storedFile) -> \(freshFile): \(difference)"
        case let .unreadable(error): return "figure \(storedFile) -> \(freshFile): not compared: \(error)"
        }
    }
}
