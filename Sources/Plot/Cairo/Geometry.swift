/// A point in drawing units (typographic points, y growing downwards).
struct Point: Equatable {
    var x: Double
    var y: Double
}

/// An axis-aligned rectangle in drawing units.
struct Rect: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var minX: Double { x }
    var maxX: Double { x + width }
    var minY: Double { y }
    var maxY: Double { y + height }
    var center: Point { Point(x: x + width / 2, y: y + height / 2) }

    func contains(_ point: Point) -> Bool {
        point.x >= minX && point.x <= maxX && point.y >= minY && point.y <= maxY
    }

    /// Returns whether the segment from `a` to `b` touches this rectangle (Liang–Barsky clipping).
    func intersectsSegment(from a: Point, to b: Point) -> Bool {
        var low = 0.0
        var high = 1.0
        let dx = b.x - a.x
        let dy = b.y - a.y
        let edges: [(Double, Double)] = [(-dx, a.x - minX), (dx, maxX - a.x), (-dy, a.y - minY), (dy, maxY - a.y)]
        for (p, q) in edges {
            if p == 0 {
                if q < 0 { return false }
                continue
            }
            let t = q / p
            if p < 0 {
                low = max(low, t)
            } else {
                high = min(high, t)
            }
            if low > high { return false }
        }
        return true
    }
}
