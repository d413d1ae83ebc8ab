import DeepLearning
import Foundation
import Testing

private let fixture = """
    \u{1B}[32m《静夜思》\u{1B}[m
    \u{1B}[33m作者：李白\u{1B}[m
    床前明月光，  
    疑是地上霜。
    %
    \u{1B}[32m题目:《塞上》\u{1B}[m
    \u{1B}[33m作者:柳开（９４６－９９９）\u{1B}[m
    鸣骹直上一千尺。
    %

    %

    少壮不努力，老大徒悲伤。
        -- \u{1B}[1;33m《增广贤文》\u{1B}[0;31m\u{1B}c

    %
    """

@Test func fortunesSplitAndClean() {
    let entries = ClassicalChinese.fortunes(in: fixture)

    #expect(entries == [
        "《静夜思》\n作者：李白\n床前明月光，\n疑是地上霜。",
        "题目:《塞上》\n作者:柳开（９４６－９９９）\n鸣骹直上一千尺。",
        "少壮不努力，老大徒悲伤。\n    -- 《增广贤文》",
    ])
}

@Test func terminalEscapesRemoved() {
    #expect(ClassicalChinese.removingTerminalEscapes(from: "a\u{1B}[0;31mb\u{1B}[mc\u{1B}cd\u{1B}[12") == "abcd")
}

@Test func installedTangPoems() throws {
    let poems = try ClassicalChinese.load(collections: [.tang300])
    let first = try #require(poems.entries.first)

    #expect(poems.entries.count == 313)
    #expect(poems.entries.allSatisfy { $0.title != nil })
    #expect(poems.entries.allSatisfy { $0.author != nil })
    #expect(first.title == "感遇・其一")
    #expect(first.author == "张九龄")
    #expect(first.body.hasPrefix("兰叶春葳蕤，桂华秋皎洁。\n"))
}

@Test func installedSongPoemAuthors() throws {
    let poems = try ClassicalChinese.load(collections: [.song100])

    #expect(poems.entries.first?.title == "塞上")
    #expect(poems.entries.first?.author == "柳开")
    #expect(poems.entries.allSatisfy { $0.title != nil })
    #expect(poems.entries.allSatisfy { $0.author != nil })
    #expect(poems.entries.contains { $0.title == "春居杂兴二首" })
    #expect(poems.entries.contains { $0.author == "朱淑真" })
}

@Test func installedCollectionsClean() throws {
    let all = try ClassicalChinese.load()
    let withEscape = all.entries.filter { $0.text.unicodeScalars.contains("\u{1B}") }
    let withSeparator = all.entries.filter { $0.text.split(separator: "\n").contains("%") }

    for collection in ClassicalChinese.Collection.allCases {
        let entries = all.entries.filter { $0.collection == collection }
        print("fortunes-zh \(collection.rawValue): \(entries.count) entries, \(entries.map(\.text.count).reduce(0, +)) characters")
    }

    #expect(withEscape.isEmpty, "\(withEscape.count) entries keep an escape")
    #expect(withSeparator.isEmpty, "\(withSeparator.count) entries keep a % line")
    #expect(Set(all.entries.map(\.collection)) == [.tang300, .song100, .chinese])
    #expect(all.corpus.count > 500_000, "corpus has \(all.corpus.count) characters")
}
