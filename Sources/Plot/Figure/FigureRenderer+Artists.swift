import Foundation

extension FigureRenderer {
    func drawArtist(_ artist: Artist, transform: DataTransform) throws {
        switch artist {
        case .line(let line):
            drawLine(line, transform: transform)
        case .scatter(let scatter):
            for index in scatter.x.indices {
                let point = transform.point(scatter.x[index], scatter.y[index])
                guard point.x.isFinite, point.y.isFinite else { continue }
                let color = scatter.colors.count == 1 ? scatter.colors[0] : scatter.colors[index]
                drawMarker(scatter.marker, at: point, size: scatter.size, color: color, alpha: scatter.alpha)
            }
        case .bars(let bars):
            drawBars(bars, transform: transform)
        case .band(let band):
            drawBand(band, transform: transform)
        case .referenceLine(let reference):
            drawReferenceLine(reference, transform: transform)
        case .image(let image):
            let topLeft = transform.point(image.left, image.top)
            let bottomRight = transform.point(image.right, image.bottom)
            let rect = Rect(
                x: min(topLeft.x, bottomRight.x), y: min(topLeft.y, bottomRight.y),
                width: abs(bottomRight.x - topLeft.x), height: abs(bottomRight.y - topLeft.y))
            var raster = image.image
            if image.interpolation == .bicubic {
                // Cairo filters only bilinearly, so bicubic smoothing resamples the data to about
                // one sample per device pixel first, before colour mapping as matplotlib does.
                let density = snapScale ?? 2
                let width = min(max(Int((rect.width * density).rounded()), 1), 4096)
                let height = min(max(Int((rect.height * density).rounded()), 1), 4096)
                raster = raster.resized(width: width, height: height, interpolation: .bicubic)
            }
            let pixels = RGBAPixels(raster, mapping: image.mapping)
            try context.drawPixels(pixels, in: rect, smooth: image.interpolation != .nearest, alpha: image.alpha)
        case .text(let text):
            let block = try typesetter.layout(text.text, size: text.size, bold: text.bold)
            typesetter.draw(block, at: transform.point(text.x, text.y), color: text.color, horizontal: .center, vertical: .center)
        }
    }

    /// Converts a series to polylines in drawing coordinates, split where values are missing.
    static func polylines(x: [Double], y: [Double], transform: DataTransform) -> [[Point]] {
        var pieces: [[Point]] = []
        var current: [Point] = []
        for index in x.indices {
            let point = transform.point(x[index], y[index])
            if point.x.isFinite && point.y.isFinite {
                current.append(point)
            } else if !current.isEmpty {
                pieces.append(current)
                current = []
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    private func drawLine(_ line: LineArtist, transform: DataTransform) {
        let pieces = Self.polylines(x: line.x, y: line.y, transform: transform)
        if line.lineStyle != .none {
            context.save()
            context.setColor(line.color, alpha: line.alpha)
            context.setLineWidth(line.lineWidth)
            context.setLineJoin(round: true)
            context.setLineCap(round: false)
            context.setDash(line.lineStyle.dashPattern(width: line.lineWidth))
            context.newPath()
            for piece in pieces {
                context.move(to: piece[0])
                for point in piece.dropFirst() {
                    context.line(to: point)
                }
            }
            context.stroke()
            context.restore()
        }
        if line.marker != .none {
            for point in pieces.joined() {
                drawMarker(line.marker, at: point, size: line.markerSize, color: line.color, alpha: line.alpha)
            }
        }
    }

    private func drawBars(_ artist: BarArtist, transform: DataTransform) {
        context.save()
        for bar in artist.bars {
            let corner = transform.point(bar.x0, bar.y1)
            let opposite = transform.point(bar.x1, bar.y0)
            guard corner.x.isFinite, corner.y.isFinite, opposite.x.isFinite, opposite.y.isFinite else { continue }
            let rect = Rect(x: min(corner.x, opposite.x), y: min(corner.y, opposite.y),
                            width: abs(opposite.x - corner.x), height: abs(opposite.y - corner.y))
            context.newPath()
            context.rectangle(rect)
            context.setColor(artist.color, alpha: artist.alpha)
            if let edge = artist.edgeColor {
                context.fillPreservingPath()
                context.setColor(edge)
                context.setLineWidth(0.6)
                context.stroke()
            } else {
                context.fill()
            }
        }
        context.restore()
    }

    private func drawBand(_ band: BandArtist, transform: DataTransform) {
        let upper = band.x.indices.map { transform.point(band.x[$0], band.upper[$0]) }.filter { $0.x.isFinite && $0.y.isFinite }
        let lower = band.x.indices.map { transform.point(band.x[$0], band.lower[$0]) }.filter { $0.x.isFinite && $0.y.isFinite }
        guard let first = upper.first else { return }
        context.newPath()
        context.move(to: first)
        for point in upper.dropFirst() { context.line(to: point) }
        for point in lower.reversed() { context.line(to: point) }
        context.closePath()
        context.setColor(band.color, alpha: band.alpha)
        context.fill()
    }

    private func drawReferenceLine(_ reference: ReferenceLineArtist, transform: DataTransform) {
        let box = transform.box
        context.save()
        context.setColor(reference.color)
        context.setLineWidth(reference.lineWidth)
        context.setDash(reference.lineStyle.dashPattern(width: reference.lineWidth))
        context.newPath()
        switch reference.orientation {
        case .horizontal:
            let y = snapped(transform.vertical(reference.value), width: reference.lineWidth)
            context.move(to: Point(x: box.minX, y: y))
            context.line(to: Point(x: box.maxX, y: y))
        case .vertical:
            let x = snapped(transform.horizontal(reference.value), width: reference.lineWidth)
            context.move(to: Point(x: x, y: box.minY))
            context.line(to: Point(x: x, y: box.maxY))
        }
        context.stroke()
        context.restore()
    }

    /// Draws one marker `size` points across, filled and outlined in `color`.
    func drawMarker(_ marker: Marker, at center: Point, size: Double, color: Color, alpha: Double) {
        let radius = size / 2
        context.save()
        context.setColor(color, alpha: alpha)
        context.setLineWidth(1)
        context.setDash([])
        context.newPath()
        switch marker {
        case .none:
            break
        case .circle:
            context.circle(center: center, radius: radius)
        case .point:
            context.circle(center: center, radius: radius * 0.5)
        case .square:
            let side = size * 0.8
            context.rectangle(Rect(x: center.x - side / 2, y: center.y - side / 2, width: side, height: side))
        case .diamond:
            polygon(center: center, radius: radius, corners: 4, rotation: 0)
        case .triangleUp:
            polygon(center: center, radius: radius, corners: 3, rotation: -Double.pi / 2)
        case .triangleDown:
            polygon(center: center, radius: radius, corners: 3, rotation: Double.pi / 2)
        case .star:
            star(center: center, radius: radius)
        case .plus, .cross:
            let angle = marker == .plus ? 0 : Double.pi / 4
            for turn in 0..<2 {
                let theta = angle + Double(turn) * Double.pi / 2
                let dx = cos(theta) * radius
                let dy = sin(theta) * radius
                context.move(to: Point(x: center.x - dx, y: center.y - dy))
                context.line(to: Point(x: center.x + dx, y: center.y + dy))
            }
            context.setLineWidth(1.2)
            context.stroke()
            context.restore()
            return
        }
        context.fillPreservingPath()
        context.stroke()
        context.restore()
    }

    private func polygon(center: Point, radius: Double, corners: Int, rotation: Double) {
        for corner in 0..<corners {
            let theta = rotation + Double(corner) * 2 * Double.pi / Double(corners)
            let point = Point(x: center.x + cos(theta) * radius, y: center.y + sin(theta) * radius)
            corner == 0 ? context.move(to: point) : context.line(to: point)
        }
        context.closePath()
    }

    private func star(center: Point, radius: Double) {
        for corner in 0..<10 {
            let theta = -Double.pi / 2 + Double(corner) * Double.pi / 5
            let distance = corner.isMultiple(of: 2) ? radius : radius * 0.4
            let point = Point(x: center.x + cos(theta) * distance, y: center.y + sin(theta) * distance)
            corner == 0 ? context.move(to: point) : context.line(to: point)
        }
        context.closePath()
    }
}
