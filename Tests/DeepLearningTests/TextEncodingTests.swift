import DeepLearning
import Testing

@Test func multiHotRows() {
    let encoded = multiHot([[1, 3, 3], [0], []], dimension: 4)

    #expect(encoded.shape == [3, 4])
    #expect(encoded.scalars == [0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0])
}

@Test func oneHotLabels() {
    let encoded = oneHot([2, 0], dimension: 3)

    #expect(encoded.shape == [2, 3])
    #expect(encoded.scalars == [0, 0, 1, 1, 0, 0])
}

@Test func oneHotSequences() {
    let encoded = oneHot(sequences: [[0, 1], [1, 1]], dimension: 2)

    #expect(encoded.shape == [2, 2, 2])
    #expect(encoded.scalars == [1, 0, 0, 1, 0, 1, 0, 1])
}

@Test func fnv1aReferenceValues() {
    // Published FNV-1a 64-bit test vectors.
    #expect(fnv1a64("") == 0xcbf2_9ce4_8422_2325)
    #expect(fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
    #expect(fnv1a64("foobar") == 0x8594_4171_f739_67e8)
}

@Test func hashingTrickStable() {
    // Fixed values: a change here would silently remap every hashed feature of a saved model.
    #expect(hashingTrick(["a", "好"], dimension: 1001) == [997, 775])
    #expect(hashingTrick(["好", "好"], dimension: 50) == hashingTrick(["好", "好"], dimension: 50))
}

@Test func hashingTrickRange() {
    let tokens = (0..<500).map { "token\($0)" }
    let indices = hashingTrick(tokens, dimension: 8)

    #expect(indices.allSatisfy { (1..<8).contains($0) })
    #expect(Set(indices) == Set(1..<8), "500 tokens should reach all 7 buckets; reached \(Set(indices).sorted())")
}
