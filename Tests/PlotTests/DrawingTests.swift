import Testing
import Plot

/// Creates a figure with one axes whose limits are fixed to 0...10 on both axes.
func fixedAxesFigure() -> (Figure, Axes) {
    let figure = Figure(width: 4, height: 3, dpi: 100)
    let axes = figure.addAxes()
    axes.xLimits = 0...10
    axes.yLimits = 0...10
    return (figure, axes)
}

@Test func lineHorizontalLandsOnExpectedRow() throws {
    let (figure, axes) = fixedAxesFigure()
    axes.plot([0, 10], [2.5, 2.5], color: .red, lineWidth: 2)
    let box = try figure.layout().plottingBoxes[0]
    let pixels = try Pixels(figure)

    let x = Int(box.x + box.width / 2)
    let y = Int(box.y + box.height * 0.75)
    #expect(pixels.matches(x: x, y: y, rgb: [255, 0, 0], tolerance: 40), "at (\(x), \(y)) got \(pixels[x, y])")
    #expect(pixels.matches(x: x, y: y - 4, rgb: [255, 255, 255]), "above the line got \(pixels[x, y - 4])")
    #expect(pixels.matches(x: x, y: y + 4, rgb: [255, 255, 255]), "below the line got \(pixels[x, y + 4])")
}

@Test func lineVerticalLandsOnExpectedColumn() throws {
    let (figure, axes) = fixedAxesFigure()
    axes.plot([7.5, 7.5], [0, 10], color: .blue, lineWidth: 2)
    let box = try figure.layout().plottingBoxes[0]
    let pixels = try Pixels(figure)

    let x = Int(box.x + box.width * 0.75)
    let y = Int(box.y + box.height / 2)
    #expect(pixels.matches(x: x, y: y, rgb: [0, 0, 255], tolerance: 40), "at (\(x), \(y)) got \(pixels[x, y])")
    #expect(pixels.matches(x: x - 4, y: y, rgb: [255, 255, 255]), "left of the line got \(pixels[x - 4, y])")
}

@Test func markerLandsOnDataPoint() throws {
    let (figure, axes) = fixedAxesFigure()
    axes.plot([2], [8], style: "go", markerSize: 10)
    let box = try figure.layout().plottingBoxes[0]
    let pixels = try Pixels(figure)

    let x = Int(box.x + box.width * 0.2)
    let y = Int(box.y + box.height * 0.2)
    #expect(pixels.matches(x: x, y: y, rgb: [0, 128, 0], tolerance: 10), "at (\(x), \(y)) got \(pixels[x, y])")
}

@Test func lineDataOutsideLimitsIsClipped() throws {
    let (figure, axes) = fixedAxesFigure()
    axes.plot([-5, 15], [5, 5], color: .red, lineWidth: 2)
    let box = try figure.layout().plottingBoxes[0]
    let pixels = try Pixels(figure)

    let y = Int(box.y + box.height / 2)
    let outside = Int(box.x) - 8
    #expect(pixels.matches(x: outside, y: y, rgb: [255, 255, 255]), "left of the box got \(pixels[outside, y])")
}

@Test func colorbarEndsMatchColormapEnds() throws {
    let figure = Figure(width: 4, height: 3)
    let axes = figure.addAxes()
    axes.imshow([[0.0, 0.5], [0.75, 1.0]], colormap: .viridis)
    axes.colorbar()
    let bar = try #require(figure.layout().colorbars.first?.frame)
    let pixels = try Pixels(figure)

    // Three pixels in from the frame, the ramp is about three of its 256 entries from its end,
    // and viridis moves less than 12 per channel over those entries.
    let x = Int(bar.x + bar.width / 2)
    let topY = Int(bar.y) + 3
    let bottomY = Int(bar.maxY) - 3
    let top = bytes(Colormap.viridis.color(at: 1))
    let bottom = bytes(Colormap.viridis.color(at: 0))
    let topMatches = pixels.matches(x: x, y: topY, rgb: top, tolerance: 12)
    let bottomMatches = pixels.matches(x: x, y: bottomY, rgb: bottom, tolerance: 12)
    #expect(topMatches, "top got \(pixels[x, topY]), expected \(top)")
    #expect(bottomMatches, "bottom got \(pixels[x, bottomY]), expected \(bottom)")
}

@Test func imageKeepsSquarePixels() throws {
    let figure = Figure(width: 4, height: 4)
    let axes = figure.addAxes()
    axes.imshow(RasterImage(gray: [Double](repeating: 0, count: 10 * 20), width: 10, height: 20))
    let box = try figure.layout().plottingBoxes[0]
    #expect(abs(box.width / box.height - 0.5) < 0.01, "box \(box.width)×\(box.height)")
}

@Test func imageRowZeroIsAtTop() throws {
    let figure = Figure(width: 3, height: 3)
    let axes = figure.addAxes()
    axes.imshow([[0.0], [1.0]], colormap: .gray)
    let box = try figure.layout().plottingBoxes[0]
    let pixels = try Pixels(figure)

    let x = Int(box.x + box.width / 2)
    #expect(pixels.matches(x: x, y: Int(box.y + box.height * 0.25), rgb: [0, 0, 0]), "top half got \(pixels[x, Int(box.y + box.height * 0.25)])")
    #expect(pixels.matches(x: x, y: Int(box.y + box.height * 0.75), rgb: [255, 255, 255]), "bottom half got \(pixels[x, Int(box.y + box.height * 0.75)])")
}

@Test func heatmapTextContrastsWithCell() throws {
    let figure = Figure(width: 3, height: 3)
    let axes = figure.addAxes()
    axes.heatmap([[0, 100]], colormap: .gray, annotate: true, fontSize: 20)
    let box = try figure.layout().plottingBoxes[0]
    let pixels = try Pixels(figure)

    var whiteOnDark = 0
    var blackOnLight = 0
    let middle = Int(box.y + box.height / 2)
    for y in (middle - 12)...(middle + 12) {
        for x in Int(box.x)..<Int(box.x + box.width / 2) where pixels[x, y].allSatisfy({ $0 > 200 }) { whiteOnDark += 1 }
        for x in Int(box.x + box.width / 2)..<Int(box.maxX) where pixels[x, y].allSatisfy({ $0 < 60 }) { blackOnLight += 1 }
    }
    #expect(whiteOnDark > 10, "white glyph pixels on the black cell: \(whiteOnDark)")
    #expect(blackOnLight > 10, "black glyph pixels on the white cell: \(blackOnLight)")
}

@Test func histogramCountsValues() {
    let figure = Figure()
    let axes = figure.addAxes()
    let result = axes.histogram([0, 0.1, 0.5, 0.9, 1.0], bins: 2)
    #expect(result.counts == [2, 3], "got \(result.counts)")
    #expect(result.edges == [0, 0.5, 1], "got \(result.edges)")
}

@Test func pngHasRequestedDensity() throws {
    let figure = Figure(width: 2, height: 1, dpi: 150)
    _ = figure.addAxes()
    let image = try RasterImage(pngData: figure.pngData())
    #expect(image.width == 300, "got width \(image.width)")
    #expect(image.height == 150, "got height \(image.height)")
}

@Test func logAxisDropsWholePoint() throws {
    let figure = Figure(width: 4, height: 3)
    let axes = figure.addAxes()
    axes.plot([0, 1, 10, 100], [-50, 2, 3, 4])
    axes.xScale = .log
    let layout = try figure.layout()
    let box = layout.plottingBoxes[0]
    let yTickLabels = layout.labels.filter { $0.frame.maxX <= box.x }.map(\.text)
    let hasNegativeTick = yTickLabels.contains { $0.hasPrefix("\u{2212}") }
    #expect(!hasNegativeTick, "y ticks reach the dropped point's −50: \(yTickLabels)")
}

@Test func imageBicubicBlendsNeighbours() throws {
    let figure = Figure(width: 3, height: 2)
    let axes = figure.addAxes()
    axes.imshow([[0.0, 1.0]], colormap: .gray, interpolation: .bicubic)
    let box = try figure.layout().plottingBoxes[0]
    let pixels = try Pixels(figure)

    let middle = pixels[Int(box.x + box.width / 2), Int(box.y + box.height / 2)][0]
    let quarter = pixels[Int(box.x + box.width / 4), Int(box.y + box.height / 2)][0]
    #expect(middle > 90, "the middle should be mid-grey, got \(middle)")
    #expect(middle < 165, "the middle should be mid-grey, got \(middle)")
    #expect(quarter < middle, "grey should rise from left to right: \(quarter) then \(middle)")
}
