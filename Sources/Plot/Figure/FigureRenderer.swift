import Foundation

/// Ticks along one axis: positions, their labels measured, and minor positions.
struct TickSet {
    var positions: [Double] = []
    var labels: [String] = []
    var blocks: [TextBlock] = []
    var minor: [Double] = []

    var maxLabelWidth: Double { blocks.map(\.width).max() ?? 0 }
    var maxLabelHeight: Double { blocks.map(\.height).max() ?? 0 }
}

/// Everything the renderer decided for one axes before drawing it.
struct AxesPlan {
    var xLimits: ClosedRange<Double>
    var yLimits: ClosedRange<Double>
    var xTicks = TickSet()
    var yTicks = TickSet()
    var colorbarTicks = TickSet()
    var box = Rect(x: 0, y: 0, width: 0, height: 0)
    var colorbarBox: Rect?
}

/// Space an axes needs around its plotting box for labels, ticks, title and colorbar.
struct Margins {
    var left = 0.0, right = 0.0, top = 0.0, bottom = 0.0
}

/// Lays out and draws a figure into one Cairo context, in points.
final class FigureRenderer {
    let figure: Figure
    let context: CairoContext
    let typesetter: Typesetter
    /// Device pixels per point, for snapping hairlines to whole pixels; `nil` draws unsnapped.
    let snapScale: Double?
    private(set) var labels: [FigureLayout.Label] = []
    private(set) var legendFrames: [(Int, Rect)] = []
    private(set) var plans: [AxesPlan] = []

    init(figure: Figure, context: CairoContext, snapScale: Double?) {
        self.figure = figure
        self.context = context
        self.typesetter = Typesetter(context: context)
        self.snapScale = snapScale
    }

    var pointsToPixels: Double { figure.dpi / 72 }

    func render() throws {
        let size = figure.size.inPoints
        context.setColor(figure.backgroundColor)
        context.rectangle(Rect(x: 0, y: 0, width: size.width, height: size.height))
        context.fill()

        plans = try layout()
        for (index, axes) in figure.axes.enumerated() {
            try draw(axes, plan: plans[index], index: index)
        }
        if let title = figure.title {
            let block = try typesetter.layout(title, size: figure.titleFontSize)
            try drawLabel(block, text: title, at: Point(x: size.width / 2, y: figure.padding), horizontal: .center, vertical: .top)
        }
    }

    // MARK: Layout

    /// Two passes: ticks need the box lengths and the margins need the tick labels, so the first
    /// pass guesses the boxes and the second measures again with the boxes the first found.
    private func layout() throws -> [AxesPlan] {
        let size = figure.size.inPoints
        let rows = max(figure.rows, 1)
        let columns = max(figure.columns, 1)
        let pad = figure.padding
        var top = pad
        if let title = figure.title {
            top += try typesetter.layout(title, size: figure.titleFontSize).height + pad / 2
        }
        let region = Rect(x: pad, y: top, width: size.width - 2 * pad, height: size.height - top - pad)
        let guess = Rect(x: 0, y: 0, width: region.width / Double(columns) * 0.75, height: region.height / Double(rows) * 0.75)

        var plans = figure.axes.map { axes -> AxesPlan in
            let limits = axes.resolvedLimits()
            var plan = AxesPlan(xLimits: limits.x, yLimits: limits.y)
            plan.box = guess
            return plan
        }
        for _ in 0..<2 {
            var margins: [Margins] = []
            for (index, axes) in figure.axes.enumerated() {
                try planTicks(for: axes, plan: &plans[index])
                margins.append(try self.margins(for: axes, plan: plans[index]))
            }
            let boxes = gridBoxes(margins: margins, region: region, rows: rows, columns: columns)
            for index in plans.indices {
                plans[index].box = boxes[index]
            }
        }
        for (index, axes) in figure.axes.enumerated() {
            if axes.aspect == .equal {
                plans[index].box = equalAspectBox(in: plans[index].box, plan: plans[index])
            }
            if axes.colorbar != nil, axes.lastColorMapping != nil {
                let box = plans[index].box
                let width = min(max(box.height * 0.05, 8), 14)
                plans[index].colorbarBox = Rect(x: box.maxX + Theme.colorbarGap, y: box.minY, width: width, height: box.height)
            }
        }
        return plans
    }

    private func gridBoxes(margins: [Margins], region: Rect, rows: Int, columns: Int) -> [Rect] {
        let pad = figure.padding
        var left = [Double](repeating: 0, count: columns)
        var right = left
        var top = [Double](repeating: 0, count: rows)
        var bottom = top
        for (index, margin) in margins.enumerated() {
            let row = index / columns
            let column = index % columns
            left[column] = max(left[column], margin.left)
            right[column] = max(right[column], margin.right)
            top[row] = max(top[row], margin.top)
            bottom[row] = max(bottom[row], margin.bottom)
        }
        let width = max((region.width - left.reduce(0, +) - right.reduce(0, +) - Double(columns - 1) * pad) / Double(columns), 10)
        let height = max((region.height - top.reduce(0, +) - bottom.reduce(0, +) - Double(rows - 1) * pad) / Double(rows), 10)

        var xs: [Double] = []
        var cursor = region.minX
        for column in 0..<columns {
            xs.append(cursor + left[column])
            cursor += left[column] + width + right[column] + pad
        }
        var ys: [Double] = []
        cursor = region.minY
        for row in 0..<rows {
            ys.append(cursor + top[row])
            cursor += top[row] + height + bottom[row] + pad
        }
        return margins.indices.map { index in
            Rect(x: xs[index % columns], y: ys[index / columns], width: width, height: height)
        }
    }

    /// Returns the largest centred box inside `box` in which a data unit is as long on x as on y.
    private func equalAspectBox(in box: Rect, plan: AxesPlan) -> Rect {
        let xSpan = plan.xLimits.upperBound - plan.xLimits.lowerBound
        let ySpan = plan.yLimits.upperBound - plan.yLimits.lowerBound
        guard xSpan > 0, ySpan > 0 else { return box }
        let ratio = ySpan / xSpan
        if box.height / box.width > ratio {
            let height = box.width * ratio
            return Rect(x: box.x, y: box.y + (box.height - height) / 2, width: box.width, height: height)
        }
        let width = box.height / ratio
        return Rect(x: box.x + (box.width - width) / 2, y: box.y, width: width, height: box.height)
    }

    private func planTicks(for axes: Axes, plan: inout AxesPlan) throws {
        plan.xTicks = try ticks(
            limits: plan.xLimits, scale: axes.xScale, override: axes.xTickOverride, length: plan.box.width,
            spacing: 3, horizontal: true, hidesLabels: axes.hidesXTickLabels || !axes.showsAxes)
        plan.yTicks = try ticks(
            limits: plan.yLimits, scale: axes.yScale, override: axes.yTickOverride, length: plan.box.height,
            spacing: 2, horizontal: false, hidesLabels: axes.hidesYTickLabels || !axes.showsAxes)
        if axes.colorbar != nil, let mapping = axes.lastColorMapping {
            plan.colorbarTicks = try ticks(
                limits: mapping.valueRange, scale: .linear, override: nil, length: plan.box.height,
                spacing: 2.4, horizontal: false, hidesLabels: false)
        }
    }

    /// Ticks for one axis: the given ones, powers of ten, or nice linear steps, thinned until
    /// neighbouring labels along a horizontal axis no longer touch.
    func ticks(
        limits: ClosedRange<Double>, scale: AxisScale, override: (positions: [Double], labels: [String]?)?,
        length: Double, spacing: Double, horizontal: Bool, hidesLabels: Bool
    ) throws -> TickSet {
        let low = min(limits.lowerBound, limits.upperBound)
        let high = max(limits.lowerBound, limits.upperBound)
        let tolerance = (high - low) * 1e-9
        var set = TickSet()

        if let override {
            for (index, position) in override.positions.enumerated() where position >= low - tolerance && position <= high + tolerance {
                set.positions.append(position)
                set.labels.append(override.labels?[index] ?? Ticks.labels(for: override.positions)[index])
            }
        } else if scale == .log {
            set.positions = Ticks.logarithmic(from: low, to: high, maxCount: max(Int(length / (Theme.fontSize * spacing)), 2))
            set.labels = set.positions.map(Ticks.logarithmicLabel(for:))
            set.minor = Ticks.logarithmicMinor(from: low, to: high)
        } else {
            var intervals = min(max(Int(length / (Theme.fontSize * spacing)), 2), 9)
            while true {
                set.positions = Ticks.linear(from: low, to: high, maxIntervals: intervals)
                set.labels = Ticks.labels(for: set.positions)
                guard horizontal, intervals > 1, set.positions.count > 1 else { break }
                let widest = try set.labels.map { try typesetter.layout($0, size: Theme.fontSize).width }.max() ?? 0
                let gap = length * (set.positions[1] - set.positions[0]) / (high - low)
                if gap >= widest + Theme.fontSize * 0.8 { break }
                intervals -= 1
            }
        }
        if hidesLabels {
            set.labels = set.labels.map { _ in "" }
        }
        set.blocks = try set.labels.map { try typesetter.layout($0, size: Theme.fontSize) }
        return set
    }

    private func margins(for axes: Axes, plan: AxesPlan) throws -> Margins {
        var margins = Margins()
        let tickSpace = Theme.tickLength + Theme.tickPad
        if axes.showsAxes {
            let yLabelWidth = plan.yTicks.maxLabelWidth
            margins.left = tickSpace + yLabelWidth
            let xLabelHeight = plan.xTicks.maxLabelHeight
            margins.bottom = tickSpace + xLabelHeight
            // Labels centred on the first and last ticks may reach past the box's sides and top.
            if let last = plan.xTicks.blocks.last, let position = plan.xTicks.positions.last {
                let fromRight = (1 - fraction(position, in: plan.xLimits, scale: axes.xScale)) * plan.box.width
                margins.right = max(0, last.width / 2 - fromRight)
            }
            if let first = plan.xTicks.blocks.first, let position = plan.xTicks.positions.first {
                let fromLeft = fraction(position, in: plan.xLimits, scale: axes.xScale) * plan.box.width
                margins.left = max(margins.left, first.width / 2 - fromLeft)
            }
            margins.top = (plan.yTicks.maxLabelHeight) / 2
            margins.bottom = max(margins.bottom, plan.yTicks.maxLabelHeight / 2)
        }
        if let label = axes.yLabel {
            margins.left += Theme.labelPad + (try typesetter.layout(label, size: Theme.fontSize)).height
        }
        if let label = axes.xLabel {
            margins.bottom += Theme.labelPad + (try typesetter.layout(label, size: Theme.fontSize)).height
        }
        if let title = axes.title {
            margins.top = max(margins.top, Theme.titlePad + (try typesetter.layout(title, size: axes.titleFontSize)).height)
        }
        if axes.colorbar != nil, axes.lastColorMapping != nil {
            var width = Theme.colorbarGap + 14 + Theme.tickLength + Theme.tickPad + plan.colorbarTicks.maxLabelWidth
            if let label = axes.colorbar?.label {
                width += Theme.labelPad + (try typesetter.layout(label, size: Theme.fontSize)).height
            }
            margins.right = max(margins.right, width)
            margins.top = max(margins.top, plan.colorbarTicks.maxLabelHeight / 2)
        }
        return margins
    }

    private func fraction(_ value: Double, in limits: ClosedRange<Double>, scale: AxisScale) -> Double {
        let transform = DataTransform(
            box: Rect(x: 0, y: 0, width: 1, height: 1), x: limits, y: limits, xScale: scale, yScale: scale, invertsY: false)
        return transform.horizontal(value)
    }

    // MARK: Helpers for drawing

    /// Draws text and records where it landed.
    func drawLabel(
        _ block: TextBlock, text: String, at anchor: Point, color: Color = Theme.textColor,
        horizontal: HorizontalAlignment, vertical: VerticalAlignment, rotated: Bool = false
    ) throws {
        guard !block.isEmpty else { return }
        typesetter.draw(block, at: anchor, color: color, horizontal: horizontal, vertical: vertical, rotated: rotated)
        let bounds = typesetter.bounds(of: block, at: anchor, horizontal: horizontal, vertical: vertical, rotated: rotated)
        labels.append(FigureLayout.Label(text: text, frame: pixelFrame(bounds)))
    }

    func pixelFrame(_ rect: Rect) -> FigureLayout.Frame {
        let scale = pointsToPixels
        return FigureLayout.Frame(x: rect.x * scale, y: rect.y * scale, width: rect.width * scale, height: rect.height * scale)
    }

    func recordLegend(_ frame: Rect, axesIndex: Int) {
        legendFrames.append((axesIndex, frame))
    }

    /// Moves a coordinate so a line of `width` points covers whole device pixels.
    func snapped(_ value: Double, width: Double) -> Double {
        guard let scale = snapScale else { return value }
        let devicePixels = max((width * scale).rounded(), 1)
        let device = value * scale
        let snapped = devicePixels.truncatingRemainder(dividingBy: 2) == 1 ? (device - 0.5).rounded() + 0.5 : device.rounded()
        return snapped / scale
    }
}
