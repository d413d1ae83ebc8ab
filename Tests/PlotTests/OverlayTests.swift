import Testing
import Plot

@Test func overlayMixesWithAlpha() {
    let image = RasterImage(rgb: [Float](repeating: 0.2, count: 4 * 4 * 3), width: 4, height: 4)
    let heatmap = RasterImage(gray: [1.0, 1, 1, 1], width: 2, height: 2)
    let blended = image.overlaying(heatmap: heatmap, colormap: .gray, alpha: 0.3, valueRange: 0...1)
    let expected: Float = 0.7 * 0.2 + 0.3 * 1.0
    for sample in blended.samples {
        #expect(abs(sample - expected) < 1e-4, "expected \(expected), got \(sample)")
    }
}

@Test func overlayUsesColormapColours() {
    let image = RasterImage(rgb: [Float](repeating: 0, count: 2 * 2 * 3), width: 2, height: 2)
    let heatmap = RasterImage(gray: [0.0, 0, 0, 0], width: 2, height: 2)
    let blended = image.overlaying(heatmap: heatmap, colormap: .jet, alpha: 1, valueRange: 0...1)
    let pixel = Array(blended.pixel(x: 1, y: 1))
    let jetLow = Colormap.jet.color(at: 0)
    #expect(abs(Double(pixel[2]) - jetLow.blue) < 1e-4, "got \(pixel), jet(0) = \(jetLow)")
    #expect(pixel[0] == 0, "got \(pixel)")
}

@Test func overlayUpsamplesToImageSize() {
    let image = RasterImage(gray: [UInt8](repeating: 128, count: 224 * 224), width: 224, height: 224)
    let heatmap = RasterImage(matrix: (0..<7).map { row in (0..<7).map { Double($0 + row) } })
    let blended = image.overlaying(heatmap: heatmap)
    #expect(blended.width == 224, "got width \(blended.width)")
    #expect(blended.height == 224, "got height \(blended.height)")
    #expect(blended.channels == 3)
}

@Test func resizeBilinearIsSmooth() {
    let ramp = RasterImage(gray: [0.0, 1.0], width: 2, height: 1)
    let wide = ramp.resized(width: 8, height: 1, interpolation: .bilinear)
    let values = wide.samples
    for (left, right) in zip(values, values.dropFirst()) {
        #expect(right >= left, "bilinear ramp should not decrease: \(values)")
    }
    #expect(values.first == 0, "the left edge should keep 0: \(values)")
    #expect(values.last == 1, "the right edge should keep 1: \(values)")
}

@Test func resizeBicubicStaysInRange() {
    let step = RasterImage(gray: [0.0, 0, 1, 1], width: 4, height: 1)
    let wide = step.resized(width: 32, height: 1, interpolation: .bicubic)
    #expect(wide.samples.min()! >= 0, "undershoot: \(wide.samples.min()!)")
    #expect(wide.samples.max()! <= 1, "overshoot: \(wide.samples.max()!)")
}

@Test func resizeNearestCopiesPixels() {
    let image = RasterImage(gray: [1.0, 2, 3, 4], width: 2, height: 2)
    let big = image.resized(width: 4, height: 4, interpolation: .nearest)
    #expect(Array(big.samples.prefix(4)) == [1, 1, 2, 2], "got \(big.samples)")
}

@Test func rasterPNGRoundTrip() throws {
    let bytes: [UInt8] = [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]
    let image = RasterImage(rgb: bytes, width: 2, height: 2)
    let decoded = try RasterImage(pngData: image.pngData())
    #expect(decoded.width == 2, "got width \(decoded.width)")
    #expect(decoded.height == 2, "got height \(decoded.height)")
    #expect(Array(decoded.pixel(x: 1, y: 0).prefix(3)) == [0, 1, 0], "got \(Array(decoded.pixel(x: 1, y: 0)))")
}

@Test func rasterPNGRejectsGarbage() {
    #expect(throws: PlotError.self) { try RasterImage(pngData: [1, 2, 3, 4]) }
}
