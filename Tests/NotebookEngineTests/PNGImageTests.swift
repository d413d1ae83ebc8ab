import Foundation
import Testing
import NotebookEngine

@Test func pngDecodesRGBWithEveryFilter() throws {
    let image = try PNGImage(data: Data(PNGFixtures.rgbAllFilters), file: "rgb.png")

    #expect(image.width == 5)
    #expect(image.height == 5)
    #expect(image.channels == 3)
    for y in 0..<5 {
        for x in 0..<5 {
            let pixel = image.rgba(x: x, y: y)
            #expect([pixel.red, pixel.green, pixel.blue] == PNGFixtures.rgbSample(x, y), "pixel (\(x), \(y)), filter type \(y)")
            #expect(pixel.alpha == 255)
        }
    }
}

@Test func pngDecodesRGBAWithEveryFilter() throws {
    let image = try PNGImage(data: Data(PNGFixtures.rgbaAllFilters), file: "rgba.png")

    #expect(image.width == 3)
    #expect(image.height == 5)
    #expect(image.channels == 4)
    for y in 0..<5 {
        for x in 0..<3 {
            let pixel = image.rgba(x: x, y: y)
            #expect([pixel.red, pixel.green, pixel.blue] == PNGFixtures.rgbSample(x, y), "pixel (\(x), \(y))")
            #expect(pixel.alpha == PNGFixtures.rgbaAlpha(x, y), "alpha of pixel (\(x), \(y))")
        }
    }
}

/// Cairo PNGs from the plotting tests. The expected sums and centre pixels were computed with a
/// separate PNG decoder in Python, not with this one. Between them the three files use all five filter types.
@Test(arguments: [
    ("confusion-matrix.png", 360, 288, 3, 54_044_768, [254, 167, 114]),
    ("image-grid.png", 304, 154, 4, 35_314_743, [65, 68, 135, 255]),
    ("training-curves.png", 400, 280, 3, 83_387_230, [255, 255, 255]),
])
func pngDecodesCairoFigures(name: String, width: Int, height: Int, channels: Int, sampleSum: Int, centre: [Int]) throws {
    let image = try PNGImage(contentsOf: "\(TestSupport.packageRoot)/Tests/PlotTests/Golden/\(name)")

    #expect(image.width == width)
    #expect(image.height == height)
    #expect(image.channels == channels)
    #expect(image.samples.reduce(0) { $0 + Int($1) } == sampleSum)
    let start = (height / 2 * width + width / 2) * channels
    #expect(image.samples[start..<(start + channels)].map(Int.init) == centre)
}

@Test func pngRejectsBadCRC() {
    var bytes = PNGFixtures.rgbAllFilters
    // A byte of IDAT data: the file ends with the 12-byte IEND chunk, and IDAT's 4-byte CRC precedes it.
    let idat = bytes.count - 12 - 10
    bytes[idat] ^= 0x01

    #expect {
        try PNGImage(data: Data(bytes), file: "broken.png")
    } throws: { error in
        let message = "\(error)"
        return message.hasPrefix("broken.png: cannot decode PNG:") && message.contains("CRC of chunk IDAT")
    }
}

@Test func pngRejectsGreyscale() {
    #expect {
        try PNGImage(data: Data(PNGFixtures.greyscale), file: "grey.png")
    } throws: { error in
        "\(error)" == "grey.png: cannot decode PNG: colour type 0 (greyscale) is not supported (only RGB or RGBA)"
    }
}

@Test func pngRejectsTruncatedFile() {
    let bytes = Array(PNGFixtures.rgbAllFilters.dropLast(20))

    #expect {
        try PNGImage(data: Data(bytes), file: "short.png")
    } throws: { error in
        "\(error)".contains("runs past the end of the file")
    }
}

@Test func pngRejectsOtherFiles() {
    #expect(throws: PNGError(file: "page.html", reason: "the PNG signature is missing")) {
        try PNGImage(data: Data("<html>".utf8), file: "page.html")
    }
    #expect(throws: PNGError(file: "/no/such/figure.png", reason: "the file cannot be read")) {
        try PNGImage(contentsOf: "/no/such/figure.png")
    }
}
