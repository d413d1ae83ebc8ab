import Foundation
import Plot
import Testing

/// A rendered figure's pixels with lookups by coordinate.
struct Pixels {
    let width: Int
    let height: Int
    let bytes: [UInt8]

    init(_ figure: Figure) throws {
        (width, height, bytes) = try figure.rgbaPixels()
    }

    init(_ image: RasterImage) {
        width = image.width
        height = image.height
        let rgba = image.channels == 4 ? image : nil
        var bytes = [UInt8]()
        for y in 0..<image.height {
            for x in 0..<image.width {
                let pixel = Array(image.pixel(x: x, y: y))
                let rgb = image.channels == 1 ? [pixel[0], pixel[0], pixel[0]] : Array(pixel.prefix(3))
                bytes += rgb.map { UInt8(($0 * 255).rounded()) }
                bytes.append(rgba == nil ? 255 : UInt8((pixel[3] * 255).rounded()))
            }
        }
        self.bytes = bytes
    }

    /// The RGB bytes at a pixel.
    subscript(x: Int, y: Int) -> [Int] {
        let start = (y * width + x) * 4
        return bytes[start..<start + 3].map(Int.init)
    }

    /// Returns whether a pixel is within `tolerance` of `rgb` on every channel.
    func matches(x: Int, y: Int, rgb: [Int], tolerance: Int = 8) -> Bool {
        zip(self[x, y], rgb).allSatisfy { abs($0 - $1) <= tolerance }
    }

    /// Pixels inside a frame darker than mid-grey.
    func darkPixelCount(in frame: FigureLayout.Frame) -> Int {
        var count = 0
        for y in max(Int(frame.y), 0)..<min(Int(frame.maxY.rounded(.up)), height) {
            for x in max(Int(frame.x), 0)..<min(Int(frame.maxX.rounded(.up)), width) where self[x, y].reduce(0, +) < 3 * 128 {
                count += 1
            }
        }
        return count
    }
}

/// Compares a figure with a stored PNG, pixel by pixel, with a tolerance for antialiasing.
///
/// A pixel differs when any channel is off by more than `channelTolerance`; the figure passes
/// when at most `allowedFraction` of its pixels differ. On failure the actual image and a diff
/// (differing pixels red on a faded copy) go to a temporary folder named in the message.
/// Set `PLOT_UPDATE_GOLDEN=1` to write the figure as the new golden image instead.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func compare(_ figure: Figure, name: String, channelTolerance: Int = 40, allowedFraction: Double = 0.002) throws -> String? {
        let path = folder.appendingPathComponent("\(name).png").path
        if ProcessInfo.processInfo.environment["PLOT_UPDATE_GOLDEN"] == "1" {
            try figure.writePNG(to: path)
            return nil
        }
        guard FileManager.default.fileExists(atPath: path) else {
            return "missing golden image \(path); run the tests with PLOT_UPDATE_GOLDEN=1 to create it"
        }
        let expected = Pixels(try RasterImage(contentsOfPNGFile: path))
        let actual = try Pixels(figure)
        guard expected.width == actual.width, expected.height == actual.height else {
            return "size differs: expected \(expected.width)×\(expected.height), got \(actual.width)×\(actual.height)"
        }

        var differing = 0
        var diff = [UInt8]()
        diff.reserveCapacity(actual.width * actual.height * 3)
        for y in 0..<actual.height {
            for x in 0..<actual.width {
                let a = actual[x, y]
                let e = expected[x, y]
                let off = zip(a, e).map { abs($0 - $1) }.max()!
                if off > channelTolerance {
                    differing += 1
                    diff += [255, 0, 0]
                } else {
                    diff += a.map { UInt8(191 + $0 / 4) }
                }
            }
        }
        let fraction = Double(differing) / Double(actual.width * actual.height)
        if fraction <= allowedFraction { return nil }

        let output = FileManager.default.temporaryDirectory.appendingPathComponent("plot-golden-\(name)")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try figure.writePNG(to: output.appendingPathComponent("actual.png").path)
        let diffImage = RasterImage(rgb: diff, width: actual.width, height: actual.height)
        try Data(diffImage.pngData()).write(to: output.appendingPathComponent("diff.png"))
        return String(format: "%.3f%% of pixels differ (allowed %.3f%%); actual and diff images are in %@",
                      fraction * 100, allowedFraction * 100, output.path)
    }
}

extension Pixels: CustomTestStringConvertible {
    var testDescription: String { "\(width)×\(height) pixels" }
}
