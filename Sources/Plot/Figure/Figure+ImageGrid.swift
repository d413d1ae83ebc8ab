extension Figure {
    /// Creates a figure with a grid of images without axes, each with an optional title above it,
    /// for sample images, activation maps of one layer or filter patterns.
    ///
    /// Single-channel images go through `colormap`, each over its own range unless `valueRange`
    /// fixes one for all tiles. `tileSize` is the side of a tile's cell in inches.
    public static func imageGrid(
        _ images: [RasterImage],
        columns: Int,
        titles: [String]? = nil,
        colormap: Colormap = .gray,
        valueRange: ClosedRange<Double>? = nil,
        tileSize: Double = 1.2,
        title: String? = nil,
        dpi: Double = 100
    ) -> Figure {
        precondition(!images.isEmpty, "imageGrid needs at least one image")
        precondition(columns > 0, "imageGrid needs at least one column, got \(columns)")
        precondition(titles == nil || titles!.count == images.count,
                     "imageGrid got \(images.count) images but \(titles!.count) titles")
        let rows = (images.count + columns - 1) / columns
        let titleHeight = titles == nil ? 0 : 0.22
        let width = Double(columns) * tileSize + 0.2
        let height = Double(rows) * (tileSize + titleHeight) + (title == nil ? 0.2 : 0.5)

        let figure = Figure(width: width, height: height, dpi: dpi)
        figure.title = title
        figure.padding = 5
        let axes = figure.subplots(rows: rows, columns: columns)
        for (index, tile) in axes.enumerated() {
            tile.showsAxes = false
            guard index < images.count else { continue }
            tile.imshow(images[index], colormap: colormap, valueRange: valueRange)
            tile.title = titles?[index]
            tile.titleFontSize = 9
        }
        return figure
    }
}
