import Foundation

/// The method for resampling an image to a new size.
public enum Interpolation: Sendable, Hashable {
    /// Each output pixel copies the closest input pixel.
    case nearest
    /// Linear blend of the 2×2 closest pixels.
    case bilinear
    /// Keys' cubic convolution (a = −0.5) over the 4×4 closest pixels, clamped to the input's range.
    case bicubic
}

extension RasterImage {
    /// Returns this image resampled to `width` × `height`, pixel centres aligned as in image editors.
    public func resized(width newWidth: Int, height newHeight: Int, interpolation: Interpolation = .bilinear) -> RasterImage {
        precondition(newWidth > 0 && newHeight > 0, "resized(width:height:) needs a positive size, got \(newWidth)×\(newHeight)")
        let range = valueRange
        var output = [Float](repeating: 0, count: newWidth * newHeight * channels)
        let scaleX = Double(width) / Double(newWidth)
        let scaleY = Double(height) / Double(newHeight)

        for row in 0..<newHeight {
            let sourceY = (Double(row) + 0.5) * scaleY - 0.5
            for column in 0..<newWidth {
                let sourceX = (Double(column) + 0.5) * scaleX - 0.5
                for channel in 0..<channels {
                    var value: Double
                    switch interpolation {
                    case .nearest:
                        value = sample(x: Int(sourceX.rounded()), y: Int(sourceY.rounded()), channel: channel)
                    case .bilinear:
                        value = filtered(x: sourceX, y: sourceY, channel: channel, radius: 1, kernel: Self.triangle)
                    case .bicubic:
                        value = filtered(x: sourceX, y: sourceY, channel: channel, radius: 2, kernel: Self.keysCubic)
                        value = min(max(value, range.lowerBound), range.upperBound)
                    }
                    output[(row * newWidth + column) * channels + channel] = Float(value)
                }
            }
        }
        return RasterImage(width: newWidth, height: newHeight, channels: channels, samples: output)
    }

    /// Returns the sample at a pixel, with coordinates clamped to the edge.
    private func sample(x: Int, y: Int, channel: Int) -> Double {
        let clampedX = min(max(x, 0), width - 1)
        let clampedY = min(max(y, 0), height - 1)
        return Double(samples[(clampedY * width + clampedX) * channels + channel])
    }

    private func filtered(x: Double, y: Double, channel: Int, radius: Int, kernel: (Double) -> Double) -> Double {
        let baseX = Int(floor(x))
        let baseY = Int(floor(y))
        var total = 0.0
        var weightSum = 0.0
        for j in (baseY - radius + 1)...(baseY + radius) {
            let weightY = kernel(y - Double(j))
            if weightY == 0 { continue }
            for i in (baseX - radius + 1)...(baseX + radius) {
                let weight = weightY * kernel(x - Double(i))
                total += weight * sample(x: i, y: j, channel: channel)
                weightSum += weight
            }
        }
        return weightSum != 0 ? total / weightSum : 0
    }

    private static func triangle(_ distance: Double) -> Double {
        max(0, 1 - abs(distance))
    }

    private static func keysCubic(_ distance: Double) -> Double {
        let a = -0.5
        let t = abs(distance)
        if t <= 1 { return (a + 2) * t * t * t - (a + 3) * t * t + 1 }
        if t < 2 { return a * t * t * t - 5 * a * t * t + 8 * a * t - 4 * a }
        return 0
    }
}
