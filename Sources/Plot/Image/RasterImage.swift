/// An image as numbers: one channel (greyscale or any scalar field, shown through a colormap),
/// three (RGB) or four (RGBA). Colour samples are in 0...1; single-channel samples keep their
/// raw values, which a colormap and a value range turn into colours when drawn.
public struct RasterImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public let channels: Int
    /// Row-major samples, channels interleaved: `(row * width + column) * channels + channel`.
    public let samples: [Float]

    /// Creates an image from interleaved samples. Traps when the count does not match the shape.
    public init(width: Int, height: Int, channels: Int, samples: [Float]) {
        precondition([1, 3, 4].contains(channels), "RasterImage expects 1, 3 or 4 channels, got \(channels)")
        precondition(
            width > 0 && height > 0 && samples.count == width * height * channels,
            "RasterImage(width: \(width), height: \(height), channels: \(channels)) needs "
                + "\(width * height * channels) samples, got \(samples.count)")
        self.width = width
        self.height = height
        self.channels = channels
        self.samples = samples
    }

    /// Creates a greyscale image or scalar field from row-major values of any numeric type.
    public init<Value: PlotValue>(gray values: [Value], width: Int, height: Int) {
        self.init(width: width, height: height, channels: 1, samples: values.map { Float($0.plotValue) })
    }

    /// Creates a scalar field from rows of values (a matrix, a heatmap, a confusion matrix).
    public init<Value: PlotValue>(matrix rows: [[Value]]) {
        let width = rows.first?.count ?? 0
        precondition(
            rows.allSatisfy { $0.count == width },
            "RasterImage(matrix:) needs rows of equal length, got lengths \(rows.map(\.count))")
        self.init(gray: rows.flatMap { $0 }, width: width, height: rows.count)
    }

    /// Creates an RGB image from bytes (0...255), three per pixel.
    public init(rgb bytes: [UInt8], width: Int, height: Int) {
        self.init(width: width, height: height, channels: 3, samples: bytes.map { Float($0) / 255 })
    }

    /// Creates an RGBA image from bytes (0...255), four per pixel.
    public init(rgba bytes: [UInt8], width: Int, height: Int) {
        self.init(width: width, height: height, channels: 4, samples: bytes.map { Float($0) / 255 })
    }

    /// Creates an RGB image from floating-point samples in 0...1, three per pixel.
    public init<Value: BinaryFloatingPoint>(rgb values: [Value], width: Int, height: Int) {
        self.init(width: width, height: height, channels: 3, samples: values.map { Float($0) })
    }

    /// Creates an RGBA image from floating-point samples in 0...1, four per pixel.
    public init<Value: BinaryFloatingPoint>(rgba values: [Value], width: Int, height: Int) {
        self.init(width: width, height: height, channels: 4, samples: values.map { Float($0) })
    }

    /// Returns the samples of one pixel.
    public func pixel(x: Int, y: Int) -> ArraySlice<Float> {
        let start = (y * width + x) * channels
        return samples[start..<start + channels]
    }

    /// The smallest and largest finite sample, or `0...1` for an image without finite samples.
    public var valueRange: ClosedRange<Double> {
        var low = Float.infinity
        var high = -Float.infinity
        for sample in samples where sample.isFinite {
            low = min(low, sample)
            high = max(high, sample)
        }
        return low <= high ? Double(low)...Double(high) : 0...1
    }

    /// Returns this image as RGB, mapping a single channel through `colormap` over `valueRange`
    /// (the image's own range when `nil`) and dropping any alpha channel.
    public func rgb(colormap: Colormap = .gray, valueRange: ClosedRange<Double>? = nil) -> RasterImage {
        switch channels {
        case 3:
            return self
        case 4:
            var rgb = [Float]()
            rgb.reserveCapacity(width * height * 3)
            for index in 0..<width * height {
                rgb.append(contentsOf: samples[index * 4..<index * 4 + 3])
            }
            return RasterImage(width: width, height: height, channels: 3, samples: rgb)
        default:
            let mapping = ColorMapping(colormap: colormap, valueRange: valueRange ?? self.valueRange)
            var rgb = [Float]()
            rgb.reserveCapacity(width * height * 3)
            for sample in samples {
                let color = mapping.color(for: Double(sample))
                rgb.append(contentsOf: [Float(color.red), Float(color.green), Float(color.blue)])
            }
            return RasterImage(width: width, height: height, channels: 3, samples: rgb)
        }
    }
}

/// A colormap spread over a value range: values at the range's ends get the colormap's ends.
struct ColorMapping: Equatable {
    var colormap: Colormap
    var valueRange: ClosedRange<Double>

    func normalized(_ value: Double) -> Double {
        let span = valueRange.upperBound - valueRange.lowerBound
        return span > 0 ? (value - valueRange.lowerBound) / span : 0.5
    }

    func color(for value: Double) -> Color {
        colormap.color(at: normalized(value))
    }
}
