extension Axes {
    /// Vertical bars, one per category, labelled under the x axis.
    public func bar<V: Sequence>(
        _ categories: [String], _ heights: V,
        width: Double = 0.8,
        color: Color? = nil,
        alpha: Double = 1,
        label: String? = nil
    ) where V.Element: PlotValue {
        let values = heights.plotValues
        precondition(categories.count == values.count, "bar(categories, heights) needs one height per category, got \(values.count) for \(categories.count)")
        bar(at: Array(0..<values.count).map(Double.init), values, width: width, color: color, alpha: alpha, label: label)
        setXTicks(Array(0..<values.count).map(Double.init), labels: categories)
    }

    /// Vertical bars centred at `positions`.
    public func bar<P: Sequence, V: Sequence>(
        at positions: P, _ heights: V,
        width: Double = 0.8,
        color: Color? = nil,
        alpha: Double = 1,
        label: String? = nil
    ) where P.Element: PlotValue, V.Element: PlotValue {
        let centers = positions.plotValues
        let values = heights.plotValues
        precondition(centers.count == values.count, "bar(at:_:) needs one height per position, got \(values.count) for \(centers.count)")
        let bars = zip(centers, values).map { center, value in
            BarArtist.Bar(x0: center - width / 2, x1: center + width / 2, y0: 0, y1: value)
        }
        artists.append(.bars(BarArtist(
            bars: bars, color: color ?? nextPatchColor(), edgeColor: nil, alpha: alpha, label: label, horizontal: false)))
    }

    /// Side-by-side bars: for each category, one bar per series, with a legend entry per series.
    public func groupedBar(_ categories: [String], series: [(label: String, values: [Double])], groupWidth: Double = 0.8) {
        precondition(!series.isEmpty, "groupedBar needs at least one series")
        let barWidth = groupWidth / Double(series.count)
        for (index, entry) in series.enumerated() {
            precondition(entry.values.count == categories.count,
                         "groupedBar series \"\(entry.label)\" has \(entry.values.count) values for \(categories.count) categories")
            let offset = (Double(index) - Double(series.count - 1) / 2) * barWidth
            let positions = (0..<categories.count).map { Double($0) + offset }
            bar(at: positions, entry.values, width: barWidth, label: entry.label)
        }
        setXTicks(Array(0..<categories.count).map(Double.init), labels: categories)
    }

    /// Counts `values` in `bins` equal-width bins over `range` (the data's range when `nil`) and
    /// draws the counts as touching bars. Returns the counts (or densities) and the bin edges.
    @discardableResult
    public func histogram<V: Sequence>(
        _ values: V,
        bins: Int = 10,
        range: ClosedRange<Double>? = nil,
        density: Bool = false,
        color: Color? = nil,
        alpha: Double = 1,
        label: String? = nil
    ) -> (counts: [Double], edges: [Double]) where V.Element: PlotValue {
        let result = Histogram(values.plotValues, bins: bins, range: range, density: density)
        let bars = result.counts.indices.map { index in
            BarArtist.Bar(x0: result.edges[index], x1: result.edges[index + 1], y0: 0, y1: result.counts[index])
        }
        artists.append(.bars(BarArtist(
            bars: bars, color: color ?? nextPatchColor(), edgeColor: alpha < 1 ? nil : .white,
            alpha: alpha, label: label, horizontal: false)))
        return (result.counts, result.edges)
    }
}

/// Equal-width binning as numpy and matplotlib do it: the last bin includes its right edge.
struct Histogram {
    var counts: [Double]
    var edges: [Double]

    init(_ values: [Double], bins: Int, range: ClosedRange<Double>?, density: Bool) {
        precondition(bins > 0, "histogram(bins:) needs at least one bin, got \(bins)")
        let finite = values.filter(\.isFinite)
        var lower = range?.lowerBound ?? finite.min() ?? 0
        var upper = range?.upperBound ?? finite.max() ?? 1
        if lower == upper {
            lower -= 0.5
            upper += 0.5
        }
        let width = (upper - lower) / Double(bins)
        edges = (0...bins).map { lower + Double($0) * width }
        counts = [Double](repeating: 0, count: bins)
        for value in finite where value >= lower && value <= upper {
            let index = min(Int((value - lower) / width), bins - 1)
            counts[index] += 1
        }
        if density {
            let total = counts.reduce(0, +)
            if total > 0 { counts = counts.map { $0 / (total * width) } }
        }
    }
}
