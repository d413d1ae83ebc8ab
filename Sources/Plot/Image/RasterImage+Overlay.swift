extension RasterImage {
    /// This image with a heatmap laid over it, as Grad-CAM figures show where a network looked.
    ///
    /// The single-channel `heatmap` (often 7×7 or 14×14) is resampled smoothly to this image's
    /// size, normalised over `valueRange` (its own range when `nil`), coloured with `colormap` and
    /// mixed in: each output sample is `(1 − alpha) · image + alpha · heatmapColour`. A greyscale
    /// image is first shown through `imageColormap` over its own range.
    public func overlaying(
        heatmap: RasterImage,
        colormap: Colormap = .jet,
        alpha: Double = 0.4,
        interpolation: Interpolation = .bicubic,
        valueRange: ClosedRange<Double>? = nil,
        imageColormap: Colormap = .gray
    ) -> RasterImage {
        precondition(heatmap.channels == 1, "overlaying(heatmap:) expects a single-channel heatmap, got \(heatmap.channels) channels")
        precondition((0...1).contains(alpha), "overlaying(heatmap:) expects alpha in 0...1, got \(alpha)")

        let base = rgb(colormap: imageColormap)
        let range = valueRange ?? heatmap.valueRange
        let upsampled = heatmap.resized(width: width, height: height, interpolation: interpolation)
        let coloured = upsampled.rgb(colormap: colormap, valueRange: range)

        let keep = Float(1 - alpha)
        let add = Float(alpha)
        var blended = [Float](repeating: 0, count: base.samples.count)
        for index in blended.indices {
            blended[index] = keep * base.samples[index] + add * coloured.samples[index]
        }
        return RasterImage(width: width, height: height, channels: 3, samples: blended)
    }

    /// Returns the overlay for a heatmap given as rows of values.
    public func overlaying<Value: PlotValue>(
        heatmap rows: [[Value]], colormap: Colormap = .jet, alpha: Double = 0.4, interpolation: Interpolation = .bicubic
    ) -> RasterImage {
        overlaying(heatmap: RasterImage(matrix: rows), colormap: colormap, alpha: alpha, interpolation: interpolation)
    }
}
