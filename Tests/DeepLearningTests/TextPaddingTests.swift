import DeepLearning
import Testing

private let sequences = [[1, 2, 3], [4, 5], [6]]

@Test func padSequencesPrePre() {
    #expect(padSequences(sequences, maxLength: 2) == [[2, 3], [4, 5], [0, 6]])
}

@Test func padSequencesPostPre() {
    #expect(padSequences(sequences, maxLength: 2, padding: .post) == [[2, 3], [4, 5], [6, 0]])
}

@Test func padSequencesPrePost() {
    #expect(padSequences(sequences, maxLength: 2, truncating: .post) == [[1, 2], [4, 5], [0, 6]])
}

@Test func padSequencesPostPost() {
    #expect(padSequences(sequences, maxLength: 2, padding: .post, truncating: .post) == [[1, 2], [4, 5], [6, 0]])
}

@Test func padSequencesLongestByDefault() {
    #expect(padSequences(sequences) == [[1, 2, 3], [0, 4, 5], [0, 0, 6]])
}

@Test func padSequencesCustomValue() {
    #expect(padSequences([[7], []], maxLength: 3, value: -1) == [[-1, -1, 7], [-1, -1, -1]])
}

@Test func padSequencesZeroLength() {
    #expect(padSequences(sequences, maxLength: 0) == [[], [], []])
}
