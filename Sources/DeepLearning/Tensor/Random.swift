import Foundation

/// The xoshiro256** pseudo-random generator (Blackman and Vigna, 2018), seeded through SplitMix64.
///
/// It passes BigCrush, has a period of 2²⁵⁶ − 1, and needs four 64-bit words of state.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// Creates a generator whose whole sequence is determined by `seed`.
    public init(seed: UInt64) {
        // SplitMix64 spreads the seed over the state so that nearby seeds give unrelated streams.
        var splitMix = seed
        func nextSplitMix() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
    }

    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    private func rotateLeft(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }

    /// Returns a uniform `Float` in [0, 1) built from the top 24 bits.
    public mutating func nextUniform() -> Float {
        Float(next() >> 40) * (1.0 / 16_777_216.0)
    }

    /// Returns a standard normal draw (Box–Muller transform).
    public mutating func nextNormal() -> Float {
        // 1 - u keeps the logarithm's argument in (0, 1].
        let u1 = 1 - Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
        let u2 = Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
        return Float(Foundation.sqrt(-2 * Foundation.log(u1)) * Foundation.cos(2 * Double.pi * u2))
    }
}

/// The library's random generator, used by initializers, dropout, shuffling and splits. Each thread
/// has its own, seeded with ``defaultSeed`` until ``setSeed(_:)`` is called on that thread.
public enum RandomState {
    /// The default seed, so that programs that never call ``setSeed(_:)`` are reproducible too.
    public static let defaultSeed: UInt64 = 0

    /// The calling thread's generator.
    public static var generator: Xoshiro256StarStar {
        get { ThreadState.current.generator }
        set { ThreadState.current.generator = newValue }
    }
}

/// Reseeds the calling thread's random generator. Two runs that call `setSeed` with one seed and
/// then do the same work produce the same weights and training history on the same machine.
public func setSeed(_ seed: UInt64) {
    RandomState.generator = Xoshiro256StarStar(seed: seed)
}

extension Tensor {
    /// Creates a tensor of draws from a normal distribution.
    public init(randomNormal shape: [Int], mean: Float = 0, standardDeviation: Float = 1) {
        let result = Tensor(uninitializedShape: shape)
        for index in 0..<result.scalarCount {
            result.storage.pointer[index] = mean + standardDeviation * RandomState.generator.nextNormal()
        }
        self = result
    }

    /// Creates a tensor of draws from a normal distribution redrawn until within two standard
    /// deviations of the mean, as Keras's `TruncatedNormal`.
    public init(truncatedNormal shape: [Int], mean: Float = 0, standardDeviation: Float = 1) {
        let result = Tensor(uninitializedShape: shape)
        for index in 0..<result.scalarCount {
            var draw = RandomState.generator.nextNormal()
            while Swift.abs(draw) > 2 { draw = RandomState.generator.nextNormal() }
            result.storage.pointer[index] = mean + standardDeviation * draw
        }
        self = result
    }

    /// Creates a tensor of draws from the uniform distribution on [lowerBound, upperBound).
    public init(randomUniform shape: [Int], lowerBound: Float = 0, upperBound: Float = 1) {
        let result = Tensor(uninitializedShape: shape)
        let width = upperBound - lowerBound
        for index in 0..<result.scalarCount {
            result.storage.pointer[index] = lowerBound + width * RandomState.generator.nextUniform()
        }
        self = result
    }
}

/// Returns `0..<count` in a random order from the library's generator (Fisher–Yates).
public func randomPermutation(_ count: Int) -> [Int] {
    var indices = Array(0..<count)
    indices.shuffle(using: &ThreadState.current.generator)
    return indices
}
