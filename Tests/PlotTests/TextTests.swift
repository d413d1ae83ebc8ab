import Foundation
import Testing
import Plot

@Test func chineseTitleRendersGlyphs() throws {
    let figure = Figure(width: 4, height: 3)
    let axes = figure.addAxes()
    axes.title = "训练损失"
    let label = try #require(figure.layout().labels.first { $0.text == "训练损失" })
    let pixels = try Pixels(figure)
    let dark = pixels.darkPixelCount(in: label.frame)
    #expect(dark > 40, "only \(dark) dark pixels in the title's frame \(label.frame)")
}

@Test func chineseGlyphsDifferFromEachOther() throws {
    // A missing-glyph box looks the same for every character, so distinct glyphs prove real ones.
    func titlePixels(_ title: String) throws -> [UInt8] {
        let figure = Figure(width: 2, height: 1)
        figure.title = title
        return try figure.rgbaPixels().bytes
    }
    #expect(try titlePixels("训") != titlePixels("练"))
}

@Test func svgContainsChineseGlyphs() throws {
    let figure = Figure(width: 4, height: 3)
    let axes = figure.addAxes()
    axes.title = "训练"
    axes.plot([1, 2, 3], label: "验证")
    axes.legend()
    let svg = String(decoding: try figure.svgData(), as: UTF8.self)
    #expect(svg.hasPrefix("<?xml"), "SVG starts with \(svg.prefix(20))")
    let glyphs = svg.components(separatedBy: "id=\"glyph").count - 1
    #expect(glyphs >= 4, "only \(glyphs) glyph definitions in the SVG")
}

// Cherokee: `fc-list ':charset=13e3'` lists no font on the machines this project targets.
let cherokee = "ᏣᎳᎩ"

@Test func uncoveredScriptThrowsFromPNG() throws {
    let figure = Figure(width: 3, height: 2)
    figure.addAxes().xLabel = "Label \(cherokee)"
    let error = try #require(throws: PlotError.self) { try figure.pngData() }
    #expect(error == .uncoveredCharacters(label: "Label \(cherokee)", characters: Array(cherokee.unicodeScalars)))
}

@Test func uncoveredScriptMessageNamesCodePoints() throws {
    let figure = Figure(width: 3, height: 2)
    figure.title = cherokee
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("uncovered.png").path
    let error = try #require(throws: PlotError.self) { try figure.writePNG(to: path) }
    let message = error.description
    #expect(message.contains("U+13E3"), "message: \(message)")
    #expect(message.contains("\"\(cherokee)\""), "message: \(message)")
}

@Test func uncoveredScriptThrowsFromSVG() {
    let figure = Figure(width: 3, height: 2)
    figure.title = cherokee
    #expect(throws: PlotError.self) { try figure.svgData() }
}

@Test func mixedScriptsRender() throws {
    let figure = Figure(width: 4, height: 3)
    let axes = figure.addAxes()
    axes.title = "损失 (loss) → ε = 10⁻³"
    let label = try #require(figure.layout().labels.first { $0.text.hasPrefix("损失") })
    #expect(label.frame.width > 100, "title width \(label.frame.width)")
}
