extension FigureRenderer {
    func drawLegend(_ axes: Axes, options: LegendOptions, transform: DataTransform, index: Int) throws {
        let entries = axes.legendEntries
        guard !entries.isEmpty else { return }
        let size = options.fontSize
        let blocks = try entries.map { try typesetter.layout($0.label, size: size) }

        let borderPad = 0.4 * size
        let rowGap = 0.5 * size
        let handleLength = 2.0 * size
        let handleGap = 0.8 * size
        let rowHeights = blocks.map(\.height)
        let width = 2 * borderPad + handleLength + handleGap + (blocks.map(\.width).max() ?? 0)
        let height = 2 * borderPad + rowHeights.reduce(0, +) + Double(entries.count - 1) * rowGap
        let inset = 0.5 * size

        let frame: Rect
        if options.location == .best {
            let obstacles = legendObstacles(axes, transform: transform)
            frame = LegendPlacement.bestFrame(
                size: (width, height), in: transform.box, inset: inset,
                points: obstacles.points, segments: obstacles.segments, areas: obstacles.areas)
        } else {
            frame = LegendPlacement.frame(for: options.location, size: (width, height), in: transform.box, inset: inset)
        }
        recordLegend(frame, axesIndex: index)

        roundedRectangle(frame, radius: 0.2 * size)
        context.setColor(.white, alpha: Theme.legendFrameAlpha)
        context.fillPreservingPath()
        context.setColor(Theme.legendFrameColor)
        context.setLineWidth(0.8)
        context.stroke()

        var y = frame.minY + borderPad
        for (row, entry) in entries.enumerated() {
            let middle = y + rowHeights[row] / 2
            let handleStart = frame.minX + borderPad
            drawSwatch(entry.swatch, from: handleStart, to: handleStart + handleLength, middle: middle, fontSize: size)
            try drawLabel(blocks[row], text: entry.label, at: Point(x: handleStart + handleLength + handleGap, y: y),
                          horizontal: .left, vertical: .top)
            y += rowHeights[row] + rowGap
        }
    }

    private func drawSwatch(_ swatch: LegendEntry.Swatch, from start: Double, to end: Double, middle: Double, fontSize: Double) {
        switch swatch {
        case .line(let line):
            if line.lineStyle != .none {
                context.save()
                context.setColor(line.color, alpha: line.alpha)
                context.setLineWidth(line.lineWidth)
                context.setDash(line.lineStyle.dashPattern(width: line.lineWidth))
                context.newPath()
                context.move(to: Point(x: start, y: middle))
                context.line(to: Point(x: end, y: middle))
                context.stroke()
                context.restore()
            }
            if line.marker != .none {
                drawMarker(line.marker, at: Point(x: (start + end) / 2, y: middle), size: line.markerSize, color: line.color, alpha: line.alpha)
            }
        case .marker(let marker, let color, let size, let alpha):
            drawMarker(marker, at: Point(x: (start + end) / 2, y: middle), size: size, color: color, alpha: alpha)
        case .patch(let color, let alpha):
            let height = 0.7 * fontSize
            context.newPath()
            context.rectangle(Rect(x: start, y: middle - height / 2, width: end - start, height: height))
            context.setColor(color, alpha: alpha)
            context.fill()
        }
    }

    /// The data a legend should avoid, in drawing coordinates; long series are thinned.
    private func legendObstacles(_ axes: Axes, transform: DataTransform) -> (points: [Point], segments: [(Point, Point)], areas: [Rect]) {
        var points: [Point] = []
        var segments: [(Point, Point)] = []
        var areas: [Rect] = []
        func addPolyline(x: [Double], y: [Double], connected: Bool) {
            let stride = max(1, x.count / 500)
            let thinnedX = Swift.stride(from: 0, to: x.count, by: stride).map { x[$0] }
            let thinnedY = Swift.stride(from: 0, to: y.count, by: stride).map { y[$0] }
            for piece in Self.polylines(x: thinnedX, y: thinnedY, transform: transform) {
                points += piece
                if connected {
                    segments += zip(piece, piece.dropFirst()).map { ($0, $1) }
                }
            }
        }
        for artist in axes.artists {
            switch artist {
            case .line(let line):
                addPolyline(x: line.x, y: line.y, connected: line.lineStyle != .none)
            case .scatter(let scatter):
                addPolyline(x: scatter.x, y: scatter.y, connected: false)
            case .band(let band):
                addPolyline(x: band.x, y: band.lower, connected: true)
                addPolyline(x: band.x, y: band.upper, connected: true)
            case .bars(let bars):
                for bar in bars.bars {
                    let a = transform.point(bar.x0, bar.y0)
                    let b = transform.point(bar.x1, bar.y1)
                    guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { continue }
                    areas.append(Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(b.x - a.x), height: abs(b.y - a.y)))
                }
            case .referenceLine(let reference):
                let box = transform.box
                if reference.orientation == .horizontal {
                    let y = transform.vertical(reference.value)
                    segments.append((Point(x: box.minX, y: y), Point(x: box.maxX, y: y)))
                } else {
                    let x = transform.horizontal(reference.value)
                    segments.append((Point(x: x, y: box.minY), Point(x: x, y: box.maxY)))
                }
            case .image, .text:
                continue
            }
        }
        return (points, segments, areas)
    }

    private func roundedRectangle(_ rect: Rect, radius: Double) {
        let r = min(radius, rect.width / 2, rect.height / 2)
        context.newPath()
        context.arc(center: Point(x: rect.maxX - r, y: rect.minY + r), radius: r, from: -Double.pi / 2, to: 0)
        context.arc(center: Point(x: rect.maxX - r, y: rect.maxY - r), radius: r, from: 0, to: Double.pi / 2)
        context.arc(center: Point(x: rect.minX + r, y: rect.maxY - r), radius: r, from: Double.pi / 2, to: Double.pi)
        context.arc(center: Point(x: rect.minX + r, y: rect.minY + r), radius: r, from: Double.pi, to: 3 * Double.pi / 2)
        context.closePath()
    }
}
