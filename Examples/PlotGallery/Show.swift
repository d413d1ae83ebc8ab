import Foundation
import Plot

/// The folder the gallery writes its figures to: the first argument, or `Output/plot-gallery`.
let galleryFolder = CommandLine.arguments.dropFirst().first ?? "Output/plot-gallery"
nonisolated(unsafe) var galleryCount = 0

/// Writes the figure as PNG and SVG and prints how long rendering took. This replaces the
/// notebook runtime's `show`, so the notebook's cells run unchanged.
func show(_ figure: Figure, alt: String, caption: String) throws {
    galleryCount += 1
    let name = String(format: "figure-%02d", galleryCount)
    do {
        try FileManager.default.createDirectory(atPath: galleryFolder, withIntermediateDirectories: true)
        let start = Date()
        let png = try figure.pngData()
        let pngSeconds = Date().timeIntervalSince(start)
        try Data(png).write(to: URL(fileURLWithPath: "\(galleryFolder)/\(name).png"))
        let svgStart = Date()
        try figure.writeSVG(to: "\(galleryFolder)/\(name).svg")
        let svgSeconds = Date().timeIntervalSince(svgStart)
        let size = figure.pixelSize
        print(String(format: "%@  %4d×%-4d  png %6.1f ms  svg %6.1f ms  %@", name, size.width, size.height,
                     pngSeconds * 1000, svgSeconds * 1000, caption))
    } catch {
        print("\(name): \(error)")
        exit(1)
    }
}
