/// Straight-alpha RGBA bytes ready to hand to Cairo.
struct RGBAPixels {
    let width: Int
    let height: Int
    var bytes: [UInt8]

    /// Colours a raster: single-channel samples through `mapping`, colour samples as they are.
    init(_ image: RasterImage, mapping: ColorMapping?) {
        width = image.width
        height = image.height
        bytes = [UInt8](repeating: 255, count: width * height * 4)
        func byte(_ value: Double) -> UInt8 {
            value.isNaN ? 0 : UInt8((min(max(value, 0), 1) * 255).rounded())
        }
        for index in 0..<width * height {
            let pixel = image.samples[index * image.channels..<(index + 1) * image.channels]
            let start = pixel.startIndex
            if image.channels == 1 {
                let color = (mapping ?? ColorMapping(colormap: .gray, valueRange: image.valueRange)).color(for: Double(pixel[start]))
                bytes[index * 4] = byte(color.red)
                bytes[index * 4 + 1] = byte(color.green)
                bytes[index * 4 + 2] = byte(color.blue)
                bytes[index * 4 + 3] = byte(color.alpha)
            } else {
                for channel in 0..<image.channels {
                    bytes[index * 4 + channel] = byte(Double(pixel[start + channel]))
                }
            }
        }
    }

    func premultipliedARGB(column: Int, row: Int) -> UInt32 {
        let start = (row * width + column) * 4
        let alpha = UInt32(bytes[start + 3])
        func premultiply(_ component: UInt8) -> UInt32 { (UInt32(component) * alpha + 127) / 255 }
        return alpha << 24 | premultiply(bytes[start]) << 16 | premultiply(bytes[start + 1]) << 8 | premultiply(bytes[start + 2])
    }
}
