import Foundation
import Testing
import NotebookEngine

/// Returns a 100×100 grey RGB image. Its 10,000 pixels let the default fraction 0.001 allow 10 differing pixels.
private func greyImage(changing pixels: [(x: Int, y: Int)] = [], by levels: Int = 0, everywhereBy shift: Int = 0) -> PNGImage {
    var samples = [UInt8](repeating: UInt8(100 + shift), count: 100 * 100 * 3)
    for pixel in pixels {
        samples[(pixel.y * 100 + pixel.x) * 3 + 1] = UInt8(100 + shift + levels)
    }
    return PNGImage(width: 100, height: 100, channels: 3, samples: samples)
}

@Test func imageComparisonUnderChannelTolerance() {
    let stored = greyImage()
    let fresh = greyImage(everywhereBy: 16)

    #expect(stored.difference(from: fresh, tolerance: PixelTolerance()) == nil)
    #expect(stored.difference(from: fresh, tolerance: PixelTolerance(channelLevels: 15)) != nil)
}

@Test func imageComparisonPixelFraction() throws {
    let stored = greyImage()
    let tenPixels = (0..<10).map { (x: 20 + $0, y: 30 + $0 % 3) }
    let elevenPixels = tenPixels + [(x: 70, y: 5)]

    #expect(stored.difference(from: greyImage(changing: tenPixels, by: 17), tolerance: PixelTolerance()) == nil)
    let difference = try #require(stored.difference(from: greyImage(changing: elevenPixels, by: 17), tolerance: PixelTolerance()))

    guard case let .pixels(pixels) = difference else {
        Issue.record("expected a pixel difference, got \(difference)")
        return
    }
    #expect(pixels.differingPixels == 11)
    #expect(pixels.totalPixels == 10_000)
    #expect(pixels.maximumDifference == 17)
    let boundingBox: [Int] = [pixels.minX, pixels.maxX, pixels.minY, pixels.maxY]
    #expect(boundingBox == [20, 70, 5, 32])
    #expect(difference.description
        == "11 of 10000 pixels (0.11%) differ by more than 16 levels, largest difference 17, within x 20–70, y 5–32")
}

@Test func imageComparisonComparesAlpha() {
    let opaque = PNGImage(width: 1, height: 1, channels: 3, samples: [10, 20, 30])
    let transparent = PNGImage(width: 1, height: 1, channels: 4, samples: [10, 20, 30, 0])
    let alsoOpaque = PNGImage(width: 1, height: 1, channels: 4, samples: [10, 20, 30, 255])

    #expect(opaque.difference(from: transparent, tolerance: PixelTolerance()) != nil)
    #expect(opaque.difference(from: alsoOpaque, tolerance: PixelTolerance(channelLevels: 0, pixelFraction: 0)) == nil)
}

@Test func imageComparisonSizeMismatch() {
    let small = PNGImage(width: 640, height: 480, channels: 3, samples: [UInt8](repeating: 0, count: 640 * 480 * 3))
    let large = PNGImage(width: 800, height: 600, channels: 3, samples: [UInt8](repeating: 0, count: 800 * 600 * 3))

    let difference = small.difference(from: large, tolerance: PixelTolerance(channelLevels: 255, pixelFraction: 1))

    #expect(difference?.description == "size 640×480 vs 800×600")
}

@Test func figureDifferenceReadsFiles() throws {
    let directory = try TestSupport.temporaryDirectory()
    let storedPath = "\(directory)/stored.png"
    let freshPath = "\(directory)/fresh.png"
    try Data(PNGFixtures.rgbAllFilters).write(to: URL(fileURLWithPath: storedPath))
    try Data(PNGFixtures.rgbShifted).write(to: URL(fileURLWithPath: freshPath))
    let stored = StoredImage(file: "figures/aaaa.png", alt: "", caption: nil)
    let fresh = StoredImage(file: "figures/bbbb.png", alt: "", caption: nil)

    func compare(_ tolerance: PixelTolerance) -> FigureDifference? {
        OutputComparison.figureDifference(stored: stored, storedPath: storedPath, fresh: fresh, freshPath: freshPath,
                                          tolerance: tolerance)
    }

    #expect(compare(PixelTolerance(pixelFraction: 0.05)) == nil, "1 of 25 pixels differs, 5% are allowed")
    #expect(compare(PixelTolerance(channelLevels: 45)) == nil, "no channel differs by more than 45")
    #expect(compare(PixelTolerance(channelLevels: 44, pixelFraction: 0)) != nil, "pixel (1, 3) differs by 45")
    #expect(compare(PixelTolerance())?.description
        == "figure figures/aaaa.png -> figures/bbbb.png: 1 of 25 pixels (4.00%) differ by more than 16 levels, "
        + "largest difference 45, within x 1–1, y 3–3")
    #expect(compare(PixelTolerance(channelLevels: 4, pixelFraction: 0.05))?.description.contains("25 of 25 pixels") == true)
}

@Test func figureDifferenceSkipsEqualNames() {
    let image = StoredImage(file: "figures/aaaa.png", alt: "", caption: nil)

    let difference = OutputComparison.figureDifference(stored: image, storedPath: "/no/such/a.png", fresh: image,
                                                       freshPath: "/no/such/b.png", tolerance: PixelTolerance())

    #expect(difference == nil, "equal content hashes must not read the files")
}

@Test func figureDifferenceReportsUnreadableFile() throws {
    let directory = try TestSupport.temporaryDirectory()
    let storedPath = "\(directory)/stored.png"
    try Data(PNGFixtures.greyscale).write(to: URL(fileURLWithPath: storedPath))
    let stored = StoredImage(file: "figures/aaaa.png", alt: "", caption: nil)
    let fresh = StoredImage(file: "figures/bbbb.png", alt: "", caption: nil)

    let difference = OutputComparison.figureDifference(stored: stored, storedPath: storedPath, fresh: fresh,
                                                       freshPath: "/no/such/b.png", tolerance: PixelTolerance())

    #expect(difference?.description == "figure figures/aaaa.png -> figures/bbbb.png: not compared: "
        + "\(storedPath): cannot decode PNG: colour type 0 (greyscale) is not supported (only RGB or RGBA)")
}

@Test func commandLineDiffPixelOptions() throws {
    let defaults = try RedbookCommand.parse(["diff", "nb.md"], language: .english)
    let command = try RedbookCommand.parse(["diff", "--pixel-tolerance", "40", "--pixel-fraction=0.02", "nb.md"], language: .english)
    var expected = RenderArguments()
    expected.inputs = ["nb.md"]

    #expect(defaults == .diff(expected))
    #expect(expected.pixelTolerance == PixelTolerance(channelLevels: 16, pixelFraction: 0.001))
    expected.pixelTolerance = PixelTolerance(channelLevels: 40, pixelFraction: 0.02)
    #expect(command == .diff(expected))
}

@Test(arguments: [
    (["diff", "--pixel-tolerance", "256", "a.md"], "--pixel-tolerance expects a whole number of channel levels from 0 to 255, found '256'"),
    (["diff", "--pixel-tolerance", "-1", "a.md"], "--pixel-tolerance expects a whole number of channel levels from 0 to 255, found '-1'"),
    (["diff", "--pixel-tolerance=1.5", "a.md"], "--pixel-tolerance expects a whole number of channel levels from 0 to 255, found '1.5'"),
    (["diff", "--pixel-fraction", "1.5", "a.md"], "--pixel-fraction expects a fraction of pixels from 0 to 1, found '1.5'"),
    (["diff", "--pixel-fraction", "nan", "a.md"], "--pixel-fraction expects a fraction of pixels from 0 to 1, found 'nan'"),
    (["diff", "--pixel-fraction"], "option --pixel-fraction needs a value"),
    (["render", "--pixel-tolerance", "3", "a.md"], "unknown option '--pixel-tolerance' (see redbook render --help)"),
])
func commandLinePixelOptionErrors(_ arguments: [String], message: String) {
    #expect("\(arguments)") {
        try RedbookCommand.parse(arguments, language: .english)
    } throws: { error in
        (error as? UsageError)?.message == message
    }
}

@Test func diffComparesFigurePixels() throws {
    let root = try TestSupport.temporaryDirectory()
    let directory = try TestSupport.temporaryDirectory()
    let path = "\(directory)/figure.md"
    let figurePath = "\(directory)/input.png"
    var options = RenderOptions()
    options.outputRoot = root
    let renderer = NotebookRenderer(toolchain: try TestSupport.toolchain(), options: options)

    try "```swift\n//| label: plot\ntry show(pngFile: \"\(figurePath)\", alt: \"figure\")\n```\n"
        .write(toFile: path, atomically: true, encoding: .utf8)
    try Data(PNGFixtures.rgbAllFilters).write(to: URL(fileURLWithPath: figurePath))
    _ = try renderer.render(notebookAt: path, outputName: "figure")
    try Data(PNGFixtures.rgbShifted).write(to: URL(fileURLWithPath: figurePath))

    let strict = try renderer.diff(notebookAt: path, outputName: "figure", tolerance: 1e-6)
    let loose = try renderer.diff(notebookAt: path, outputName: "figure", tolerance: 1e-6,
                                  pixelTolerance: PixelTolerance(channelLevels: 45))

    #expect(strict.map(\.index) == [0], "\(strict)")
    #expect(strict.first?.outputsDiffer == false)
    #expect(strict.first?.figures.count == 1)
    let report = strict.first?.description ?? ""
    #expect(report.hasPrefix("cell 1 (plot): figure figures/"), "\(report)")
    #expect(report.hasSuffix(": 1 of 25 pixels (4.00%) differ by more than 16 levels, largest difference 45, within x 1–1, y 3–3"),
            "\(report)")
    #expect(loose.isEmpty, "\(loose)")
}
