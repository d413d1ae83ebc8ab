import Foundation

extension Figure {
    /// Renders the figure as a PNG at `dpi` pixels per inch.
    ///
    /// Throws when a label has characters no installed font covers, or when Cairo fails.
    public func pngData() throws -> [UInt8] {
        try renderPixels().surface.pngData()
    }

    /// Writes the figure as a PNG file.
    public func writePNG(to path: String) throws {
        try write(pngData(), to: path)
    }

    /// Renders the figure as an SVG document, with text as glyph outlines so it looks the same anywhere.
    public func svgData() throws -> [UInt8] {
        let points = size.inPoints
        let surface = try CairoSurface.svg(widthInPoints: points.width, heightInPoints: points.height)
        do {
            let context = try CairoContext(surface: surface)
            try FigureRenderer(figure: self, context: context, snapScale: nil).render()
        }
        return try surface.finishSVG()
    }

    /// Writes the figure as an SVG file.
    public func writeSVG(to path: String) throws {
        try write(svgData(), to: path)
    }

    /// Renders the figure and returns its pixels as 8-bit RGBA, row by row, for inspecting output in code.
    public func rgbaPixels() throws -> (width: Int, height: Int, bytes: [UInt8]) {
        let (width, height, words) = try renderPixels().surface.argbPixels()
        var bytes = [UInt8](repeating: 0, count: width * height * 4)
        for (index, word) in words.enumerated() {
            let alpha = word >> 24
            func unpremultiply(_ component: UInt32) -> UInt8 {
                alpha == 0 ? 0 : UInt8(min(255, (component * 255 + alpha / 2) / alpha))
            }
            bytes[index * 4] = unpremultiply((word >> 16) & 0xff)
            bytes[index * 4 + 1] = unpremultiply((word >> 8) & 0xff)
            bytes[index * 4 + 2] = unpremultiply(word & 0xff)
            bytes[index * 4 + 3] = UInt8(alpha)
        }
        return (width, height, bytes)
    }

    /// Lays the figure out and reports where its boxes, labels and legends landed, in pixels.
    public func layout() throws -> FigureLayout {
        let renderer = try renderPixels().renderer
        return FigureLayout(
            plottingBoxes: renderer.plans.map { renderer.pixelFrame($0.box) },
            labels: renderer.labels,
            legends: renderer.legendFrames.map { ($0.0, renderer.pixelFrame($0.1)) },
            colorbars: renderer.plans.enumerated().compactMap { index, plan in
                plan.colorbarBox.map { (index, renderer.pixelFrame($0)) }
            })
    }

    private func renderPixels() throws -> (surface: CairoSurface, renderer: FigureRenderer) {
        let (width, height) = pixelSize
        let surface = try CairoSurface.image(width: width, height: height)
        let context = try CairoContext(surface: surface)
        let scale = dpi / 72
        context.scale(scale)
        let renderer = FigureRenderer(figure: self, context: context, snapScale: scale)
        try renderer.render()
        return (surface, renderer)
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            throw PlotError.fileWrite(path: path, reason: error.localizedDescription)
        }
    }
}
