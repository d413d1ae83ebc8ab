/// How far two figures may differ and still match in `redbook diff`.
///
/// A pixel differs when its largest channel difference (0–255, alpha included) exceeds
/// `channelLevels`. Two images of the same size match unless more than `pixelFraction` of their
/// pixels differ.
public struct PixelTolerance: Equatable, Sendable {
    /// Channel levels (0–255) by which a pixel may differ without counting as a differing pixel.
    public var channelLevels: Int
    /// Fraction of pixels (0–1) that may differ before the images count as different.
    public var pixelFraction: Double

    public init(channelLevels: Int = 16, pixelFraction: Double = 0.001) {
        self.channelLevels = channelLevels
        self.pixelFraction = pixelFraction
    }
}

/// The way two decoded images differ beyond a `PixelTolerance`.
public enum ImageDifference: Equatable, Sendable, CustomStringConvertible {
    /// The images have different sizes, so no pixels were compared.
    case size(stored: (width: Int, height: Int), fresh: (width: Int, height: Int))
    /// Too many pixels differ by more than the channel tolerance.
    case pixels(PixelDifference)

    public var description: String {
        switch self {
        case let .size(stored, fresh):
            return "size \(stored.width)×\(stored.height) vs \(fresh.width)×\(fresh.height)"
        case let .pixels(difference):
            return difference.description
        }
    }

    public static func == (left: ImageDifference, right: ImageDifference) -> Bool {
        switch (left, right) {
        case let (.size(leftStored, leftFresh), .size(rightStored, rightFresh)):
            return leftStored == rightStored && leftFresh == rightFresh
        case let (.pixels(leftPixels), .pixels(rightPixels)):
            return leftPixels == rightPixels
        default:
            return false
        }
    }
}

/// The pixels that differ between two images of the same size.
public struct PixelDifference: Equatable, Sendable, CustomStringConvertible {
    /// Pixels whose largest channel difference exceeds the channel tolerance.
    public var differingPixels: Int
    public var totalPixels: Int
    /// The largest channel difference over all pixels, 0–255.
    public var maximumDifference: Int
    /// The channel tolerance the pixels were counted with.
    public var channelLevels: Int
    /// Smallest rectangle, in pixel coordinates with inclusive bounds, that contains every differing pixel.
    public var minX: Int, minY: Int, maxX: Int, maxY: Int

    public var description: String {
        let percent = Double(differingPixels) / Double(totalPixels) * 100
        let share = percent < 0.01 ? String(format: "%.4f", percent) : String(format: "%.2f", percent)
        return "\(differingPixels) of \(totalPixels) pixels (\(share)%) differ by more than \(channelLevels) levels, "
            + "largest difference \(maximumDifference), within x \(minX)–\(maxX), y \(minY)–\(maxY)"
    }
}

extension PNGImage {
    /// Compares this stored image with a fresh one and returns nil when they match within `tolerance`.
    ///
    /// An RGB and an RGBA image are compared as if the RGB image had an alpha of 255 everywhere.
    public func difference(from fresh: PNGImage, tolerance: PixelTolerance) -> ImageDifference? {
        guard width == fresh.width, height == fresh.height else {
            return .size(stored: (width, height), fresh: (fresh.width, fresh.height))
        }
        var result = PixelDifference(differingPixels: 0, totalPixels: width * height, maximumDifference: 0,
                                     channelLevels: tolerance.channelLevels,
                                     minX: width, minY: height, maxX: -1, maxY: -1)
        for y in 0..<height {
            for x in 0..<width {
                let pixelDifference = largestChannelDifference(from: fresh, x: x, y: y)
                result.maximumDifference = max(result.maximumDifference, pixelDifference)
                guard pixelDifference > tolerance.channelLevels else { continue }
                result.differingPixels += 1
                result.minX = min(result.minX, x)
                result.minY = min(result.minY, y)
                result.maxX = max(result.maxX, x)
                result.maxY = max(result.maxY, y)
            }
        }
        let allowedPixels = tolerance.pixelFraction * Double(result.totalPixels)
        return Double(result.differingPixels) > allowedPixels ? .pixels(result) : nil
    }

    private func largestChannelDifference(from other: PNGImage, x: Int, y: Int) -> Int {
        let mine = rgba(x: x, y: y)
        let theirs = other.rgba(x: x, y: y)
        return max(abs(Int(mine.red) - Int(theirs.red)), abs(Int(mine.green) - Int(theirs.green)),
                   abs(Int(mine.blue) - Int(theirs.blue)), abs(Int(mine.alpha) - Int(theirs.alpha)))
    }
}
