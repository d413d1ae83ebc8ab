/// One stretch of a line drawn with a single font.
struct TextRun {
    var font: Font
    var text: String
    var width: Double
}

/// A measured piece of text: lines of font runs, ready to draw.
struct TextBlock {
    var lines: [[TextRun]]
    var lineWidths: [Double]
    var size: Double
    var ascent: Double
    var descent: Double

    var lineHeight: Double { (ascent + descent) * 1.15 }
    var width: Double { lineWidths.max() ?? 0 }
    var height: Double { ascent + descent + Double(max(lines.count - 1, 0)) * lineHeight }
    var isEmpty: Bool { lines.allSatisfy(\.isEmpty) }
}

enum HorizontalAlignment { case left, center, right }
enum VerticalAlignment { case top, center, baseline, bottom }

/// Splits text into runs by font coverage, measures it and draws it with Cairo.
///
/// Cairo's text call draws with one face at a time and shows a box for a missing glyph. So each
/// character goes to the first font that covers it. A character that no installed font covers
/// becomes an error before anything is drawn.
final class Typesetter {
    let context: CairoContext
    private var cache: [CacheKey: TextBlock] = [:]

    private struct CacheKey: Hashable {
        var text: String
        var size: Double
        var bold: Bool
    }

    init(context: CairoContext) {
        self.context = context
    }

    func layout(_ text: String, size: Double, bold: Bool = false) throws -> TextBlock {
        let key = CacheKey(text: text, size: size, bold: bold)
        if let cached = cache[key] { return cached }

        let library = FontLibrary.shared
        var uncovered: [Unicode.Scalar] = []
        var lines: [[TextRun]] = []
        var widths: [Double] = []
        var ascent = 0.0
        var descent = 0.0
        for font in library.preferredFonts(bold: bold).prefix(1) {
            context.setFont(font.face, size: size)
            (ascent, descent) = context.fontMetrics()
        }

        for lineText in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var runs: [TextRun] = []
            var current: (font: Font, scalars: String.UnicodeScalarView)?
            func closeRun() {
                guard let run = current else { return }
                context.setFont(run.font.face, size: size)
                let string = String(run.scalars)
                runs.append(TextRun(font: run.font, text: string, width: context.advance(of: string)))
                current = nil
            }
            for scalar in lineText.unicodeScalars {
                if scalar.properties.generalCategory == .control { continue }
                let combining = scalar.properties.isGraphemeExtend
                if combining, current != nil, current!.font.coverage.contains(scalar) {
                    current!.scalars.append(scalar)
                    continue
                }
                guard let font = library.font(covering: scalar, bold: bold) else {
                    if !uncovered.contains(scalar) { uncovered.append(scalar) }
                    continue
                }
                if let run = current, run.font === font {
                    current!.scalars.append(scalar)
                } else {
                    closeRun()
                    current = (font, String.UnicodeScalarView([scalar]))
                }
            }
            closeRun()
            for run in runs {
                context.setFont(run.font.face, size: size)
                let metrics = context.fontMetrics()
                ascent = max(ascent, metrics.ascent)
                descent = max(descent, metrics.descent)
            }
            lines.append(runs)
            widths.append(runs.reduce(0) { $0 + $1.width })
        }

        if !uncovered.isEmpty {
            throw PlotError.uncoveredCharacters(label: text, characters: uncovered)
        }
        let block = TextBlock(lines: lines, lineWidths: widths, size: size, ascent: ascent, descent: descent)
        cache[key] = block
        return block
    }

    /// Returns the rectangle `block` covers when drawn at `anchor` with the given alignment.
    /// With `rotated` set the text reads bottom to top, as a y-axis label does.
    func bounds(
        of block: TextBlock, at anchor: Point,
        horizontal: HorizontalAlignment, vertical: VerticalAlignment, rotated: Bool = false
    ) -> Rect {
        let origin = localOrigin(of: block, horizontal: horizontal, vertical: vertical)
        if rotated {
            // Rotating by -90° maps local (x, y) to (y, -x) around the anchor.
            return Rect(x: anchor.x + origin.y, y: anchor.y - origin.x - block.width, width: block.height, height: block.width)
        }
        return Rect(x: anchor.x + origin.x, y: anchor.y + origin.y, width: block.width, height: block.height)
    }

    func draw(
        _ block: TextBlock, at anchor: Point, color: Color,
        horizontal: HorizontalAlignment, vertical: VerticalAlignment, rotated: Bool = false
    ) {
        let origin = localOrigin(of: block, horizontal: horizontal, vertical: vertical)
        context.save()
        context.translate(x: anchor.x, y: anchor.y)
        if rotated { context.rotate(radians: -Double.pi / 2) }
        context.setColor(color)
        for (index, runs) in block.lines.enumerated() {
            let lineWidth = block.lineWidths[index]
            var x = origin.x
            switch horizontal {
            case .left: break
            case .center: x += (block.width - lineWidth) / 2
            case .right: x += block.width - lineWidth
            }
            let baseline = origin.y + block.ascent + Double(index) * block.lineHeight
            for run in runs {
                context.setFont(run.font.face, size: block.size)
                context.showText(run.text, at: Point(x: x, y: baseline))
                x += run.width
            }
        }
        context.restore()
    }

    /// Top-left corner of the unrotated block relative to its anchor.
    private func localOrigin(of block: TextBlock, horizontal: HorizontalAlignment, vertical: VerticalAlignment) -> Point {
        let x: Double
        switch horizontal {
        case .left: x = 0
        case .center: x = -block.width / 2
        case .right: x = -block.width
        }
        let y: Double
        switch vertical {
        case .top: y = 0
        case .center: y = -block.height / 2
        case .baseline: y = -block.ascent
        case .bottom: y = -block.height
        }
        return Point(x: x, y: y)
    }
}
