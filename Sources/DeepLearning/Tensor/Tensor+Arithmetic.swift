// Element-wise arithmetic with NumPy broadcasting. Each operator records a pullback that sums the
// upstream gradient back over the axes its operand was broadcast along.

extension Tensor {
    public static func + (lhs: Tensor, rhs: Tensor) -> Tensor {
        let result = broadcastingMap(lhs, rhs, op: "+") { $0 + $1 }
        guard AutodiffContext.shouldRecord(lhs, rhs) else { return result }
        let (shapeA, shapeB) = (lhs.shape, rhs.shape)
        let (needsA, needsB) = (lhs.isTracked, rhs.isTracked)
        return result.recorded("+", inputs: [lhs, rhs]) { upstream in
            [needsA ? upstream.unbroadcast(to: shapeA) : nil,
             needsB ? upstream.unbroadcast(to: shapeB) : nil]
        }
    }

    public static func - (lhs: Tensor, rhs: Tensor) -> Tensor {
        let result = broadcastingMap(lhs, rhs, op: "-") { $0 - $1 }
        guard AutodiffContext.shouldRecord(lhs, rhs) else { return result }
        let (shapeA, shapeB) = (lhs.shape, rhs.shape)
        let (needsA, needsB) = (lhs.isTracked, rhs.isTracked)
        return result.recorded("-", inputs: [lhs, rhs]) { upstream in
            [needsA ? upstream.unbroadcast(to: shapeA) : nil,
             needsB ? upstream.map { -$0 }.unbroadcast(to: shapeB) : nil]
        }
    }

    public static func * (lhs: Tensor, rhs: Tensor) -> Tensor {
        let result = broadcastingMap(lhs, rhs, op: "*") { $0 * $1 }
        guard AutodiffContext.shouldRecord(lhs, rhs) else { return result }
        let (a, b) = (lhs.detached(), rhs.detached())
        let (needsA, needsB) = (lhs.isTracked, rhs.isTracked)
        return result.recorded("*", inputs: [lhs, rhs]) { upstream in
            [needsA ? broadcastingMap(upstream, b, op: "* pullback") { $0 * $1 }.unbroadcast(to: a.shape) : nil,
             needsB ? broadcastingMap(upstream, a, op: "* pullback") { $0 * $1 }.unbroadcast(to: b.shape) : nil]
        }
    }

    public static func / (lhs: Tensor, rhs: Tensor) -> Tensor {
        let result = broadcastingMap(lhs, rhs, op: "/") { $0 / $1 }
        guard AutodiffContext.shouldRecord(lhs, rhs) else { return result }
        let (a, b) = (lhs.detached(), rhs.detached())
        let (needsA, needsB) = (lhs.isTracked, rhs.isTracked)
        return result.recorded("/", inputs: [lhs, rhs]) { upstream in
            var gradientB: Tensor?
            if needsB {
                // d(a/b)/db = -a / b², computed as -(upstream * a / b) / b.
                let quotient = broadcastingMap(upstream, result.detached(), op: "/ pullback") { $0 * $1 }
                gradientB = broadcastingMap(quotient, b, op: "/ pullback") { -$0 / $1 }.unbroadcast(to: b.shape)
            }
            return [needsA ? broadcastingMap(upstream, b, op: "/ pullback") { $0 / $1 }.unbroadcast(to: a.shape) : nil,
                    gradientB]
        }
    }

    public static prefix func - (operand: Tensor) -> Tensor {
        let result = operand.map { -$0 }
        guard AutodiffContext.shouldRecord(operand) else { return result }
        return result.recorded("negate", inputs: [operand]) { upstream in [upstream.map { -$0 }] }
    }

    public static func + (lhs: Tensor, rhs: Float) -> Tensor { lhs + Tensor(rhs) }
    public static func + (lhs: Float, rhs: Tensor) -> Tensor { Tensor(lhs) + rhs }
    public static func - (lhs: Tensor, rhs: Float) -> Tensor { lhs - Tensor(rhs) }
    public static func - (lhs: Float, rhs: Tensor) -> Tensor { Tensor(lhs) - rhs }
    public static func * (lhs: Tensor, rhs: Float) -> Tensor { lhs * Tensor(rhs) }
    public static func * (lhs: Float, rhs: Tensor) -> Tensor { Tensor(lhs) * rhs }
    public static func / (lhs: Tensor, rhs: Float) -> Tensor { lhs / Tensor(rhs) }
    public static func / (lhs: Float, rhs: Tensor) -> Tensor { Tensor(lhs) / rhs }

    public static func += (lhs: inout Tensor, rhs: Tensor) { lhs = lhs + rhs }
    public static func -= (lhs: inout Tensor, rhs: Tensor) { lhs = lhs - rhs }
    public static func *= (lhs: inout Tensor, rhs: Tensor) { lhs = lhs * rhs }
    public static func /= (lhs: inout Tensor, rhs: Tensor) { lhs = lhs / rhs }
    public static func += (lhs: inout Tensor, rhs: Float) { lhs = lhs + rhs }
    public static func -= (lhs: inout Tensor, rhs: Float) { lhs = lhs - rhs }
    public static func *= (lhs: inout Tensor, rhs: Float) { lhs = lhs * rhs }
    public static func /= (lhs: inout Tensor, rhs: Float) { lhs = lhs / rhs }
}
