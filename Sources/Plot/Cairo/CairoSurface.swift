internal import CCairo

/// Owns one `cairo_surface_t`: an image (pixel) surface or an SVG surface writing to a byte stream.
final class CairoSurface {
    let pointer: OpaquePointer

    /// The bytes an SVG surface has written so far; `nil` for pixel surfaces.
    private let sink: ByteSink?

    private init(pointer: OpaquePointer, sink: ByteSink?) {
        self.pointer = pointer
        self.sink = sink
    }

    deinit {
        cairo_surface_destroy(pointer)
    }

    /// Creates an ARGB pixel surface, cleared to transparent.
    static func image(width: Int, height: Int) throws -> CairoSurface {
        let pointer = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))!
        let surface = CairoSurface(pointer: pointer, sink: nil)
        try surface.checkStatus(operation: "creating a \(width)×\(height) pixel surface")
        return surface
    }

    /// Creates an SVG surface whose document is collected in memory. Read it with `finishSVG()`.
    static func svg(widthInPoints: Double, heightInPoints: Double) throws -> CairoSurface {
        let sink = ByteSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let pointer = cairo_svg_surface_create_for_stream(writeToSink, closure, widthInPoints, heightInPoints)!
        let surface = CairoSurface(pointer: pointer, sink: sink)
        try surface.checkStatus(operation: "creating an SVG surface")
        return surface
    }

    /// Decodes PNG bytes into a pixel surface.
    static func decodingPNG(_ bytes: [UInt8]) throws -> CairoSurface {
        let source = ByteSource(bytes: bytes)
        let closure = Unmanaged.passUnretained(source).toOpaque()
        let pointer = withExtendedLifetime(source) {
            cairo_image_surface_create_from_png_stream(readFromSource, closure)!
        }
        let surface = CairoSurface(pointer: pointer, sink: nil)
        let status = cairo_surface_status(pointer)
        if status != CAIRO_STATUS_SUCCESS {
            throw PlotError.invalidImage(reason: "the bytes are not a PNG image Cairo can read (\(String(cString: cairo_status_to_string(status))))")
        }
        return surface
    }

    /// Whether the pixel format stores alpha; without it the top byte of each pixel is unused.
    var hasAlpha: Bool {
        cairo_image_surface_get_format(pointer) == CAIRO_FORMAT_ARGB32
    }

    /// Encodes a pixel surface as PNG.
    func pngData() throws -> [UInt8] {
        cairo_surface_flush(pointer)
        let sink = ByteSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let status = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(pointer, writeToSink, closure)
        }
        if status != CAIRO_STATUS_SUCCESS {
            throw PlotError.cairo(operation: "encoding PNG", message: String(cString: cairo_status_to_string(status)))
        }
        return sink.bytes
    }

    /// Ends an SVG surface and returns the finished document.
    func finishSVG() throws -> [UInt8] {
        cairo_surface_finish(pointer)
        try checkStatus(operation: "writing SVG")
        return sink?.bytes ?? []
    }

    /// Returns the surface's pixels as premultiplied native-endian ARGB words, row by row.
    func argbPixels() -> (width: Int, height: Int, pixels: [UInt32]) {
        cairo_surface_flush(pointer)
        let width = Int(cairo_image_surface_get_width(pointer))
        let height = Int(cairo_image_surface_get_height(pointer))
        let stride = Int(cairo_image_surface_get_stride(pointer))
        guard let data = cairo_image_surface_get_data(pointer) else { return (width, height, []) }
        var pixels = [UInt32](repeating: 0, count: width * height)
        for row in 0..<height {
            let rowStart = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            for column in 0..<width {
                pixels[row * width + column] = rowStart[column]
            }
        }
        return (width, height, pixels)
    }

    /// Replaces a pixel surface's contents with `pixels`, which must have the surface's size.
    func store(_ pixels: RGBAPixels) throws {
        cairo_surface_flush(pointer)
        let stride = Int(cairo_image_surface_get_stride(pointer))
        guard let data = cairo_image_surface_get_data(pointer) else {
            throw PlotError.cairo(operation: "storing pixels", message: "the surface has no pixel memory")
        }
        for row in 0..<pixels.height {
            let rowStart = UnsafeMutableRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            for column in 0..<pixels.width {
                rowStart[column] = pixels.premultipliedARGB(column: column, row: row)
            }
        }
        cairo_surface_mark_dirty(pointer)
    }

    func checkStatus(operation: String) throws {
        let status = cairo_surface_status(pointer)
        if status != CAIRO_STATUS_SUCCESS {
            throw PlotError.cairo(operation: operation, message: String(cString: cairo_status_to_string(status)))
        }
    }
}

/// Collects the bytes Cairo hands to a write callback.
private final class ByteSink {
    var bytes: [UInt8] = []
}

/// Hands stored bytes to a read callback piece by piece.
private final class ByteSource {
    let bytes: [UInt8]
    var offset = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }
}

private func readFromSource(
    closure: UnsafeMutableRawPointer?, data: UnsafeMutablePointer<UInt8>?, length: UInt32
) -> cairo_status_t {
    guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
    let source = Unmanaged<ByteSource>.fromOpaque(closure).takeUnretainedValue()
    let count = Int(length)
    guard source.offset + count <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
    source.bytes.withUnsafeBufferPointer { buffer in
        data.update(from: buffer.baseAddress! + source.offset, count: count)
    }
    source.offset += count
    return CAIRO_STATUS_SUCCESS
}

private func writeToSink(
    closure: UnsafeMutableRawPointer?, data: UnsafePointer<UInt8>?, length: UInt32
) -> cairo_status_t {
    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    return CAIRO_STATUS_SUCCESS
}
