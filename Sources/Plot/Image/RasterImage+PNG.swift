import Foundation
internal import CCairo

extension RasterImage {
    /// Decodes PNG bytes into an RGBA image (RGB when the PNG has no alpha channel).
    public init(pngData bytes: [UInt8]) throws {
        let surface = try CairoSurface.decodingPNG(bytes)
        let (width, height, words) = surface.argbPixels()
        let hasAlpha = surface.hasAlpha
        let channels = hasAlpha ? 4 : 3
        var samples = [Float]()
        samples.reserveCapacity(width * height * channels)
        for word in words {
            let alpha = hasAlpha ? Float(word >> 24) / 255 : 1
            for shift in [16, 8, 0] as [UInt32] {
                let premultiplied = Float((word >> shift) & 0xff) / 255
                samples.append(alpha > 0 ? min(premultiplied / alpha, 1) : 0)
            }
            if hasAlpha { samples.append(alpha) }
        }
        self.init(width: width, height: height, channels: channels, samples: samples)
    }

    /// Reads a PNG file into an RGBA or RGB image.
    public init(contentsOfPNGFile path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PlotError.invalidImage(reason: "there is no readable file at \(path)")
        }
        try self.init(pngData: [UInt8](data))
    }

    /// Encodes the image as PNG, one image pixel per PNG pixel; a single channel is shown
    /// through `colormap` over `valueRange` (its own range when `nil`).
    public func pngData(colormap: Colormap = .gray, valueRange: ClosedRange<Double>? = nil) throws -> [UInt8] {
        let mapping = channels == 1 ? ColorMapping(colormap: colormap, valueRange: valueRange ?? self.valueRange) : nil
        let pixels = RGBAPixels(self, mapping: mapping)
        let surface = try CairoSurface.image(width: width, height: height)
        try surface.store(pixels)
        return try surface.pngData()
    }
}
