/// The position of a legend inside its axes.
public enum LegendLocation: Sendable, Hashable, CaseIterable {
    /// The place among the others that covers the fewest data points and lines.
    case best
    case upperRight, upperLeft, lowerLeft, lowerRight, right, centerLeft, centerRight, lowerCenter, upperCenter, center
}

extension Axes {
    /// Shows a legend of every labelled series.
    public func legend(location: LegendLocation = .best, fontSize: Double = 10) {
        legend = LegendOptions(location: location, fontSize: fontSize)
    }

    /// The labelled series, each with the swatch its legend row shows.
    var legendEntries: [LegendEntry] {
        artists.compactMap { artist in
            switch artist {
            case .line(let line):
                return line.label.map { LegendEntry(label: $0, swatch: .line(line)) }
            case .scatter(let scatter):
                return scatter.label.map { LegendEntry(label: $0, swatch: .marker(scatter.marker, scatter.colors[0], scatter.size, scatter.alpha)) }
            case .bars(let bars):
                return bars.label.map { LegendEntry(label: $0, swatch: .patch(bars.color, bars.alpha)) }
            case .band(let band):
                return band.label.map { LegendEntry(label: $0, swatch: .patch(band.color, band.alpha)) }
            case .referenceLine(let reference):
                return reference.label.map { label in
                    LegendEntry(label: label, swatch: .line(LineArtist(
                        x: [], y: [], color: reference.color, lineStyle: reference.lineStyle, lineWidth: reference.lineWidth,
                        marker: .none, markerSize: 0, alpha: 1, label: label)))
                }
            case .image, .text:
                return nil
            }
        }
    }
}

struct LegendEntry {
    enum Swatch {
        case line(LineArtist)
        case marker(Marker, Color, Double, Double)
        case patch(Color, Double)
    }

    var label: String
    var swatch: Swatch
}

/// Picks the legend's box: a fixed location, or for `.best` the candidate covering the least data.
enum LegendPlacement {
    /// Candidate order for `.best`; on a tie the earlier one wins, as matplotlib does.
    static let candidates: [LegendLocation] = [
        .upperRight, .upperLeft, .lowerLeft, .lowerRight, .right, .centerLeft, .centerRight, .lowerCenter, .upperCenter, .center,
    ]

    static func frame(for location: LegendLocation, size: (width: Double, height: Double), in box: Rect, inset: Double) -> Rect {
        let left = box.minX + inset
        let right = box.maxX - inset - size.width
        let centerX = box.center.x - size.width / 2
        let top = box.minY + inset
        let bottom = box.maxY - inset - size.height
        let centerY = box.center.y - size.height / 2
        let (x, y): (Double, Double)
        switch location {
        case .best, .upperRight: (x, y) = (right, top)
        case .upperLeft: (x, y) = (left, top)
        case .lowerLeft: (x, y) = (left, bottom)
        case .lowerRight: (x, y) = (right, bottom)
        case .right, .centerRight: (x, y) = (right, centerY)
        case .centerLeft: (x, y) = (left, centerY)
        case .lowerCenter: (x, y) = (centerX, bottom)
        case .upperCenter: (x, y) = (centerX, top)
        case .center: (x, y) = (centerX, centerY)
        }
        return Rect(x: x, y: y, width: size.width, height: size.height)
    }

    /// Returns the frame with the fewest data points inside, line segments crossing it and bars under it.
    static func bestFrame(size: (width: Double, height: Double), in box: Rect, inset: Double, points: [Point], segments: [(Point, Point)], areas: [Rect]) -> Rect {
        var best: (frame: Rect, badness: Int)?
        for location in candidates {
            let frame = frame(for: location, size: size, in: box, inset: inset)
            var badness = points.reduce(0) { $0 + (frame.contains($1) ? 1 : 0) }
            badness += segments.reduce(0) { $0 + (frame.intersectsSegment(from: $1.0, to: $1.1) ? 1 : 0) }
            badness += areas.reduce(0) { $0 + (frame.overlaps($1) ? 1 : 0) }
            if best == nil || badness < best!.badness {
                best = (frame, badness)
            }
        }
        return best!.frame
    }
}

extension Rect {
    func overlaps(_ other: Rect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }
}
