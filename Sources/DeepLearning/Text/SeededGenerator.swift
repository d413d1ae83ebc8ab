/// A random number generator that yields the same numbers for the same seed on every platform.
///
/// It implements SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
/// generators", OOPSLA 2014): a 64-bit counter advanced by a fixed odd constant and passed through
/// a mixing function. Swift's `SystemRandomNumberGenerator` cannot be seeded, so shuffles and
/// samples in this module take this generator when a run must be repeatable.
///
/// The library's global generator is `RandomState.generator` (xoshiro256**), reseeded by
/// `setSeed(_:)`; initializers, dropout, `fit`'s shuffles and `Tensor.sampleIndex(temperature:)`
/// draw from it. Every function here that takes a generator accepts `&RandomState.generator` too.
/// `SeededGenerator` remains for a local stream that must not disturb, or depend on, the global one.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    /// The counter that the next call advances; two generators with equal states yield equal numbers.
    public private(set) var state: UInt64

    /// Creates a generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

extension RandomNumberGenerator {
    /// Returns a uniformly distributed integer in `0..<upperBound`, computed the same way on every
    /// Swift version (the standard library's own reduction is not guaranteed to stay fixed).
    mutating func nextIndex(below upperBound: Int) -> Int {
        precondition(upperBound > 0, "nextIndex(below:) needs a positive bound, got \(upperBound)")
        let bound = UInt64(upperBound)

        // Draws below `threshold` would make the low residues more likely, so they are redrawn.
        let threshold = (0 &- bound) % bound
        while true {
            let draw = next()
            if draw >= threshold {
                return Int(draw % bound)
            }
        }
    }

    /// Returns a uniformly distributed `Double` in `0..<1` from the top 53 bits of one draw.
    mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}

extension Array {
    /// Shuffles in place with Fisher–Yates, so a given seed gives the same order on every Swift version.
    mutating func shuffleReproducibly(using generator: inout some RandomNumberGenerator) {
        guard count > 1 else { return }
        for last in stride(from: count - 1, to: 0, by: -1) {
            swapAt(last, generator.nextIndex(below: last + 1))
        }
    }
}
