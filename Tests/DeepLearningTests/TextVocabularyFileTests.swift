import DeepLearning
import Foundation
import Testing

private func temporaryFile(_ name: String, contents: String? = nil) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redbook-vocabulary-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    if let contents {
        try contents.write(to: url, atomically: true, encoding: .utf8)
    }
    return url
}

@Test func vocabularyFileRoundTrip() throws {
    var tokenizer = Tokenizer(split: .characters, standardization: [])
    tokenizer.fit(onTexts: ["春\n眠\\不\t觉\r\n"])
    let url = try temporaryFile("vocabulary.txt")

    try tokenizer.saveVocabulary(to: url)
    let loaded = try Tokenizer(vocabularyFile: url, split: .characters, standardization: [])

    #expect(loaded.vocabulary == tokenizer.vocabulary)
    #expect(loaded.sequence(for: "觉\n春") == tokenizer.sequence(for: "觉\n春"))
}

@Test func vocabularyFileLayout() throws {
    var tokenizer = Tokenizer(split: .words)
    tokenizer.fit(onTexts: ["b a b"])
    let url = try temporaryFile("vocabulary.txt")

    try tokenizer.saveVocabulary(to: url)

    #expect(try String(contentsOf: url, encoding: .utf8) == "\n[UNK]\nb\na\n")
}

@Test func vocabularyFileMissing() throws {
    let url = try temporaryFile("absent.txt")

    #expect(throws: VocabularyFileError.unreadable(path: url.path, reason: "no such file")) {
        try Tokenizer(vocabularyFile: url)
    }
}

@Test func vocabularyFileWithoutReservedLines() throws {
    let url = try temporaryFile("vocabulary.txt", contents: "a\nb\n")

    #expect(throws: VocabularyFileError.invalidLine(path: url.path, line: 1, expected: "an empty line 1 and \"[UNK]\" on line 2", found: "\"a\" and \"b\"")) {
        try Tokenizer(vocabularyFile: url)
    }
}

@Test func vocabularyFileDuplicateToken() throws {
    let url = try temporaryFile("vocabulary.txt", contents: "\n[UNK]\nx\ny\nx\n")

    #expect(throws: VocabularyFileError.invalidLine(path: url.path, line: 5, expected: "a token not listed before", found: "\"x\", already on line 3")) {
        try Tokenizer(vocabularyFile: url)
    }
}

@Test func vocabularyFileUnknownEscape() throws {
    let url = try temporaryFile("vocabulary.txt", contents: "\n[UNK]\n\\q\n")

    #expect(throws: VocabularyFileError.self) {
        try Tokenizer(vocabularyFile: url)
    }
}

@Test func vocabularyFileWindowsLineEndings() throws {
    let url = try temporaryFile("vocabulary.txt", contents: "\r\n[UNK]\r\n")

    #expect(throws: VocabularyFileError.self) {
        try Tokenizer(vocabularyFile: url)
    }
}
