extension Axes {
    /// Shows an image with square pixels, row 0 at the top, like matplotlib's `imshow`.
    ///
    /// A single-channel image goes through `colormap` over `valueRange` (its own range when
    /// `nil`). RGB and RGBA images show their own colours. Pixels stay sharp squares unless
    /// `interpolation` selects smoothing.
    public func imshow(
        _ image: RasterImage,
        colormap: Colormap = .viridis,
        valueRange: ClosedRange<Double>? = nil,
        interpolation: Interpolation = .nearest,
        alpha: Double = 1
    ) {
        let mapping = image.channels == 1 ? ColorMapping(colormap: colormap, valueRange: valueRange ?? image.valueRange) : nil
        artists.append(.image(ImageArtist(
            image: image, mapping: mapping,
            left: -0.5, right: Double(image.width) - 0.5, top: -0.5, bottom: Double(image.height) - 0.5,
            interpolation: interpolation, alpha: alpha)))
        aspect = .equal
        invertsY = true
    }

    /// Shows a matrix of values (rows top to bottom) through a colormap.
    public func imshow<Value: PlotValue>(
        _ matrix: [[Value]],
        colormap: Colormap = .viridis,
        valueRange: ClosedRange<Double>? = nil,
        interpolation: Interpolation = .nearest
    ) {
        imshow(RasterImage(matrix: matrix), colormap: colormap, valueRange: valueRange, interpolation: interpolation)
    }

    /// Draws a matrix as coloured cells with optional row and column labels and each cell's
    /// value written in it, in black or white for contrast. This is how to show a confusion matrix.
    public func heatmap<Value: PlotValue>(
        _ matrix: [[Value]],
        colormap: Colormap = .viridis,
        valueRange: ClosedRange<Double>? = nil,
        columnLabels: [String]? = nil,
        rowLabels: [String]? = nil,
        annotate: Bool = false,
        decimals: Int = 0,
        fontSize: Double = 9
    ) {
        let image = RasterImage(matrix: matrix)
        let range = valueRange ?? image.valueRange
        imshow(image, colormap: colormap, valueRange: range)
        let mapping = ColorMapping(colormap: colormap, valueRange: range)

        if let columnLabels {
            precondition(columnLabels.count == image.width, "heatmap(columnLabels:) needs \(image.width) labels, got \(columnLabels.count)")
            setXTicks((0..<image.width).map(Double.init), labels: columnLabels)
        }
        if let rowLabels {
            precondition(rowLabels.count == image.height, "heatmap(rowLabels:) needs \(image.height) labels, got \(rowLabels.count)")
            setYTicks((0..<image.height).map(Double.init), labels: rowLabels)
        }
        guard annotate else { return }
        for (row, values) in matrix.enumerated() {
            for (column, value) in values.enumerated() {
                let number = value.plotValue
                let textColor = mapping.color(for: number).contrastingTextColor
                let label = number.isFinite ? Ticks.format(number, decimals: decimals) : "–"
                text(label, x: Double(column), y: Double(row), color: textColor, size: fontSize)
            }
        }
    }

    /// Shows `image` with `heatmap` blended over it; see `RasterImage.overlaying(heatmap:...)`.
    public func overlay(
        heatmap: RasterImage, on image: RasterImage,
        colormap: Colormap = .jet, alpha: Double = 0.4, interpolation: Interpolation = .bicubic
    ) {
        imshow(image.overlaying(heatmap: heatmap, colormap: colormap, alpha: alpha, interpolation: interpolation))
    }

    /// Adds a colour scale beside the box for the last colour-mapped image or scatter.
    public func colorbar(label: String? = nil) {
        colorbar = ColorbarOptions(label: label)
    }

    /// The colour mapping of the last image or scatter that has one.
    var lastColorMapping: ColorMapping? {
        for artist in artists.reversed() {
            switch artist {
            case .image(let image): if let mapping = image.mapping { return mapping }
            case .scatter(let scatter): if let mapping = scatter.mapping { return mapping }
            default: continue
            }
        }
        return nil
    }
}
