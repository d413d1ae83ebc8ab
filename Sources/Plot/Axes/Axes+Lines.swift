extension Axes {
    /// Draws `y` against `x` as a line, markers, or both.
    ///
    /// `style` is a matplotlib format string ("bo" blue dots, "b" blue line, "r--" red dashes);
    /// explicit `color`, `lineStyle` and `marker` override it. Without either, the series takes
    /// the next colour of the default cycle and a solid line. NaN values leave gaps.
    public func plot<X: Sequence, Y: Sequence>(
        _ x: X, _ y: Y,
        style: String? = nil,
        color: Color? = nil,
        lineStyle: LineStyle? = nil,
        lineWidth: Double = 1.5,
        marker: Marker? = nil,
        markerSize: Double = 6,
        alpha: Double = 1,
        label: String? = nil
    ) where X.Element: PlotValue, Y.Element: PlotValue {
        let xs = x.plotValues
        let ys = y.plotValues
        precondition(xs.count == ys.count, "plot(x, y) needs as many x as y values, got \(xs.count) and \(ys.count)")

        let format = style.map(FormatString.init)
        let chosenMarker = marker ?? format?.marker ?? Marker.none
        let defaultLine: LineStyle = (format?.marker != nil && format?.lineStyle == nil) || marker != nil ? .none : .solid
        let chosenLine = lineStyle ?? format?.lineStyle ?? defaultLine
        let chosenColor = color ?? format?.color ?? nextLineColor()
        artists.append(.line(LineArtist(
            x: xs, y: ys, color: chosenColor, lineStyle: chosenLine, lineWidth: lineWidth,
            marker: chosenMarker, markerSize: markerSize, alpha: alpha, label: label)))
    }

    /// Draws `y` against its indices 0, 1, 2, ...
    public func plot<Y: Sequence>(
        _ y: Y,
        style: String? = nil,
        color: Color? = nil,
        lineStyle: LineStyle? = nil,
        lineWidth: Double = 1.5,
        marker: Marker? = nil,
        markerSize: Double = 6,
        alpha: Double = 1,
        label: String? = nil
    ) where Y.Element: PlotValue {
        let ys = y.plotValues
        plot(0..<ys.count, ys, style: style, color: color, lineStyle: lineStyle, lineWidth: lineWidth,
             marker: marker, markerSize: markerSize, alpha: alpha, label: label)
    }

    /// Draws one marker per point. `values` with a `colormap` colour each point by a number and
    /// feed a colorbar. `colors` gives each point its own colour.
    public func scatter<X: Sequence, Y: Sequence>(
        _ x: X, _ y: Y,
        color: Color? = nil,
        colors: [Color]? = nil,
        values: [Double]? = nil,
        colormap: Colormap = .viridis,
        size: Double = 6,
        marker: Marker = .circle,
        alpha: Double = 1,
        label: String? = nil
    ) where X.Element: PlotValue, Y.Element: PlotValue {
        let xs = x.plotValues
        let ys = y.plotValues
        precondition(xs.count == ys.count, "scatter(x, y) needs as many x as y values, got \(xs.count) and \(ys.count)")
        var pointColors = [color ?? nextPatchColor()]
        var mapping: ColorMapping?
        if let colors {
            precondition(colors.count == xs.count, "scatter(colors:) needs one colour per point, got \(colors.count) for \(xs.count) points")
            pointColors = colors
        } else if let values {
            precondition(values.count == xs.count, "scatter(values:) needs one value per point, got \(values.count) for \(xs.count) points")
            let finite = values.filter(\.isFinite)
            let range = (finite.min() ?? 0)...(finite.max() ?? 1)
            let valueMapping = ColorMapping(colormap: colormap, valueRange: range)
            pointColors = values.map(valueMapping.color(for:))
            mapping = valueMapping
        }
        artists.append(.scatter(ScatterArtist(
            x: xs, y: ys, colors: pointColors, size: size, marker: marker, alpha: alpha, label: label, mapping: mapping)))
    }

    /// Fills the band between `lower` and `upper` over `x`, as for a spread around a mean.
    public func fillBetween<X: Sequence, L: Sequence, U: Sequence>(
        _ x: X, _ lower: L, _ upper: U,
        color: Color? = nil,
        alpha: Double = 0.25,
        label: String? = nil
    ) where X.Element: PlotValue, L.Element: PlotValue, U.Element: PlotValue {
        let xs = x.plotValues
        let lows = lower.plotValues
        let highs = upper.plotValues
        precondition(
            xs.count == lows.count && xs.count == highs.count,
            "fillBetween(x, lower, upper) needs equal lengths, got \(xs.count), \(lows.count) and \(highs.count)")
        artists.append(.band(BandArtist(
            x: xs, lower: lows, upper: highs, color: color ?? nextPatchColor(), alpha: alpha, label: label)))
    }

    /// Draws a line across the whole plotting box at height `y`.
    public func horizontalLine(
        at y: Double, color: Color = .black, lineStyle: LineStyle = .dashed, lineWidth: Double = 1, label: String? = nil
    ) {
        artists.append(.referenceLine(ReferenceLineArtist(
            orientation: .horizontal, value: y, color: color, lineStyle: lineStyle, lineWidth: lineWidth, label: label)))
    }

    /// Draws a line across the whole plotting box at `x`.
    public func verticalLine(
        at x: Double, color: Color = .black, lineStyle: LineStyle = .dashed, lineWidth: Double = 1, label: String? = nil
    ) {
        artists.append(.referenceLine(ReferenceLineArtist(
            orientation: .vertical, value: x, color: color, lineStyle: lineStyle, lineWidth: lineWidth, label: label)))
    }

    /// Writes text centred on a data point.
    public func text(_ text: String, x: Double, y: Double, color: Color = .black, size: Double = 10, bold: Bool = false) {
        artists.append(.text(TextArtist(text: text, x: x, y: y, color: color, size: size, bold: bold)))
    }
}
