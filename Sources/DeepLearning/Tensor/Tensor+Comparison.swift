// Element-wise comparisons. They return 1 where the comparison is true and 0 elsewhere, and are not
// differentiable (nothing is recorded).

infix operator .< : ComparisonPrecedence
infix operator .<= : ComparisonPrecedence
infix operator .> : ComparisonPrecedence
infix operator .>= : ComparisonPrecedence

extension Tensor {
    public static func .< (lhs: Tensor, rhs: Tensor) -> Tensor {
        broadcastingMap(lhs, rhs, op: ".<") { $0 < $1 ? 1 : 0 }
    }

    public static func .<= (lhs: Tensor, rhs: Tensor) -> Tensor {
        broadcastingMap(lhs, rhs, op: ".<=") { $0 <= $1 ? 1 : 0 }
    }

    public static func .> (lhs: Tensor, rhs: Tensor) -> Tensor {
        broadcastingMap(lhs, rhs, op: ".>") { $0 > $1 ? 1 : 0 }
    }

    public static func .>= (lhs: Tensor, rhs: Tensor) -> Tensor {
        broadcastingMap(lhs, rhs, op: ".>=") { $0 >= $1 ? 1 : 0 }
    }

    public static func .== (lhs: Tensor, rhs: Tensor) -> Tensor {
        broadcastingMap(lhs, rhs, op: ".==") { $0 == $1 ? 1 : 0 }
    }

    public static func .!= (lhs: Tensor, rhs: Tensor) -> Tensor {
        broadcastingMap(lhs, rhs, op: ".!=") { $0 != $1 ? 1 : 0 }
    }

    public static func .< (lhs: Tensor, rhs: Float) -> Tensor { lhs .< Tensor(rhs) }
    public static func .<= (lhs: Tensor, rhs: Float) -> Tensor { lhs .<= Tensor(rhs) }
    public static func .> (lhs: Tensor, rhs: Float) -> Tensor { lhs .> Tensor(rhs) }
    public static func .>= (lhs: Tensor, rhs: Float) -> Tensor { lhs .>= Tensor(rhs) }
    public static func .== (lhs: Tensor, rhs: Float) -> Tensor { lhs .== Tensor(rhs) }
    public static func .!= (lhs: Tensor, rhs: Float) -> Tensor { lhs .!= Tensor(rhs) }

    /// Returns whether every scalar of `self` is within `tolerance` of the matching scalar of `other`
    /// (shapes must be equal).
    public func isAlmostEqual(to other: Tensor, tolerance: Float = 1e-5) -> Bool {
        guard shape == other.shape else { return false }
        for index in 0..<scalarCount
        where Swift.abs(storage.pointer[index] - other.storage.pointer[index]) > tolerance {
            return false
        }
        return true
    }
}
