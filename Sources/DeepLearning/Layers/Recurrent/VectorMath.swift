import Foundation

/// Element-wise exponential, sigmoid and tanh over buffers, eight lanes at a time.
///
/// The recurrent kernels evaluate a gate non-linearity for every unit of every sample at every
/// timestep, hundreds of millions of calls per epoch. The C library's `expf` is a function call
/// per scalar; this polynomial (the Cephes single-precision `expf` with Cody–Waite range reduction)
/// inlines into SIMD code and stays within 2 ulp of `expf` over the clamped range.
enum VectorMath {
    typealias Vector = SIMD8<Float>

    @inline(__always)
    static func exp(_ x: Vector) -> Vector {
        // Outside this range expf overflows or becomes subnormal; clamping keeps 2ⁿ a normal float.
        // Mask-based selects compile to blends; pointwiseMin/Max keep NaN rules that do not.
        var clamped = x
        clamped.replace(with: -87.3, where: x .< -87.3)
        clamped.replace(with: 88.3, where: x .> 88.3)
        // Adding 1.5 × 2²³ rounds to the nearest integer and leaves that integer in the low mantissa
        // bits, which avoids the generic Float-to-Int32 conversion that does not vectorize.
        let magic = Vector(repeating: 12_582_912)
        let shifted = clamped * 1.442_695_04 + magic
        let n = shifted - magic
        // ln 2 split into a part exact in Float and a small correction, so r is exact.
        let r = clamped - n * 0.693_359_375 + n * 2.121_944_4e-4
        var p = Vector(repeating: 1.987_569_15e-4)
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 1.666_666_55e-1
        p = p * r + 5.000_000_12e-1
        p = p * (r * r) + r + 1
        let integer = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- unsafeBitCast(magic, to: SIMD8<Int32>.self)
        let exponent = (integer &+ 127) &<< 23
        return p * unsafeBitCast(exponent, to: Vector.self)
    }

    @inline(__always)
    static func sigmoid(_ x: Vector) -> Vector {
        1 / (1 + exp(-x))
    }

    @inline(__always)
    static func tanh(_ x: Vector) -> Vector {
        2 / (1 + exp(-2 * x)) - 1
    }

    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> Vector {
        UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
    }

    @inline(__always)
    static func store(_ value: Vector, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Vector.self)
    }

    /// Writes `sigmoid(source[i])` to `target[i]` for `count` scalars; the buffers may be the same.
    static func sigmoid(_ source: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, count: Int) {
        map(source, into: target, count: count, vector: sigmoid, scalar: stableSigmoid)
    }

    /// Writes `tanh(source[i])` to `target[i]` for `count` scalars; the buffers may be the same.
    static func tanh(_ source: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, count: Int) {
        map(source, into: target, count: count, vector: tanh, scalar: tanhf)
    }

    /// Applies `vector` to each full group of eight scalars and `scalar` to the rest.
    @inline(__always)
    private static func map(
        _ source: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, count: Int,
        vector: (Vector) -> Vector, scalar: (Float) -> Float
    ) {
        var index = 0
        while index + 8 <= count {
            store(vector(load(source + index)), target + index)
            index += 8
        }
        while index < count {
            target[index] = scalar(source[index])
            index += 1
        }
    }
}
