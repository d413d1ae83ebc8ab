import Foundation

/// The extent of an axes' data along one axis, and values the margin must not cross.
struct DataExtent {
    var lower = Double.infinity
    var upper = -Double.infinity
    /// Edges that stay where the data ends: a bar's baseline at zero, an image's border.
    var sticky: [Double] = []

    var isEmpty: Bool { lower > upper }

    mutating func include(_ value: Double, scale: AxisScale) {
        guard value.isFinite, scale == .linear || value > 0 else { return }
        lower = min(lower, value)
        upper = max(upper, value)
    }

    mutating func merge(_ other: DataExtent) {
        lower = min(lower, other.lower)
        upper = max(upper, other.upper)
        sticky += other.sticky
    }
}

extension Axes {
    func dataExtents() -> (x: DataExtent, y: DataExtent) {
        var x = DataExtent()
        var y = DataExtent()
        for artist in artists {
            switch artist {
            case .line(let line):
                includePoints(x: line.x, y: line.y, into: &x, &y)
            case .scatter(let scatter):
                includePoints(x: scatter.x, y: scatter.y, into: &x, &y)
            case .bars(let bars):
                for bar in bars.bars {
                    x.include(bar.x0, scale: xScale)
                    x.include(bar.x1, scale: xScale)
                    y.include(bar.y0, scale: yScale)
                    y.include(bar.y1, scale: yScale)
                }
                y.sticky.append(0)
            case .band(let band):
                band.x.forEach { x.include($0, scale: xScale) }
                band.lower.forEach { y.include($0, scale: yScale) }
                band.upper.forEach { y.include($0, scale: yScale) }
            case .referenceLine(let reference):
                if reference.orientation == .horizontal {
                    y.include(reference.value, scale: yScale)
                } else {
                    x.include(reference.value, scale: xScale)
                }
            case .image(let image):
                x.include(image.left, scale: xScale)
                x.include(image.right, scale: xScale)
                y.include(image.top, scale: yScale)
                y.include(image.bottom, scale: yScale)
                x.sticky += [image.left, image.right]
                y.sticky += [image.top, image.bottom]
            case .text:
                continue
            }
        }
        return (x, y)
    }

    /// Widens the extents by the points that can be drawn: a point with a missing coordinate, or
    /// one at or below zero on a log axis, does not stretch the other axis either.
    private func includePoints(x xs: [Double], y ys: [Double], into x: inout DataExtent, _ y: inout DataExtent) {
        for (xValue, yValue) in zip(xs, ys) {
            guard Self.isDrawable(xValue, scale: xScale), Self.isDrawable(yValue, scale: yScale) else { continue }
            x.include(xValue, scale: xScale)
            y.include(yValue, scale: yScale)
        }
    }

    private static func isDrawable(_ value: Double, scale: AxisScale) -> Bool {
        value.isFinite && (scale == .linear || value > 0)
    }

    /// Returns the x and y view limits: fixed limits, or the (shared) data extent with a 5% margin.
    func resolvedLimits() -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        var extents = dataExtents()
        if let group = sharedXGroup {
            extents.x = group.members.reduce(into: DataExtent()) { $0.merge($1.dataExtents().x) }
        }
        if let group = sharedYGroup {
            extents.y = group.members.reduce(into: DataExtent()) { $0.merge($1.dataExtents().y) }
        }
        let fixedX = xLimits ?? sharedXGroup?.members.lazy.compactMap(\.xLimits).first
        let fixedY = yLimits ?? sharedYGroup?.members.lazy.compactMap(\.yLimits).first
        return (fixedX ?? Self.autoscale(extents.x, scale: xScale), fixedY ?? Self.autoscale(extents.y, scale: yScale))
    }

    static func autoscale(_ extent: DataExtent, scale: AxisScale) -> ClosedRange<Double> {
        guard !extent.isEmpty else { return scale == .log ? 1...10 : 0...1 }
        if scale == .log {
            var low = log10(extent.lower)
            var high = log10(extent.upper)
            if low == high {
                low -= 1
                high += 1
            }
            let margin = (high - low) * 0.05
            return pow(10, low - margin)...pow(10, high + margin)
        }
        var low = extent.lower
        var high = extent.upper
        if low == high {
            let delta = low == 0 ? 1 : abs(low) * 0.1
            return (low - delta)...(high + delta)
        }
        let margin = (high - low) * 0.05
        // A margin never crosses a sticky edge the data touches: bars keep standing on zero.
        let lowSticks = extent.sticky.contains { abs($0 - low) < 1e-12 * max(1, abs(low)) }
        let highSticks = extent.sticky.contains { abs($0 - high) < 1e-12 * max(1, abs(high)) }
        if !lowSticks { low -= margin }
        if !highSticks { high += margin }
        return low...high
    }
}

/// Maps data coordinates to drawing coordinates inside an axes' plotting box.
struct DataTransform {
    var box: Rect
    var x: ClosedRange<Double>
    var y: ClosedRange<Double>
    var xScale: AxisScale
    var yScale: AxisScale
    var invertsY: Bool

    private static func fraction(_ value: Double, in range: ClosedRange<Double>, scale: AxisScale) -> Double {
        switch scale {
        case .linear:
            return (value - range.lowerBound) / (range.upperBound - range.lowerBound)
        case .log:
            guard value > 0 else { return .nan }
            return log10(value / range.lowerBound) / log10(range.upperBound / range.lowerBound)
        }
    }

    func horizontal(_ value: Double) -> Double {
        box.minX + Self.fraction(value, in: x, scale: xScale) * box.width
    }

    func vertical(_ value: Double) -> Double {
        let t = Self.fraction(value, in: y, scale: yScale)
        return invertsY ? box.minY + t * box.height : box.maxY - t * box.height
    }

    func point(_ xValue: Double, _ yValue: Double) -> Point {
        Point(x: horizontal(xValue), y: vertical(yValue))
    }
}
