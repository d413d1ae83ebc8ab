import DeepLearning
import Testing

@Test func tokenizerChineseCharacters() {
    var tokenizer = Tokenizer(split: .characters)
    tokenizer.fit(onTexts: ["我爱你。", "你好"])

    #expect(tokenizer.vocabulary == ["", "[UNK]", "你", "我", "爱", "好"])
    #expect(tokenizer.sequences(for: ["你好吗"]) == [[2, 5, 1]])
    #expect(tokenizer.tokenCounts["你"] == 2)
}

@Test func tokenizerCharacterBigrams() {
    let tokenizer = Tokenizer(split: .characters, ngrams: 2)

    // The comma ends a segment, so no bigram 好不 spans it.
    #expect(tokenizer.tokens(in: "很好，不错") == ["很", "好", "不", "错", "很好", "不错"])
}

@Test func tokenizerCharacterTrigrams() {
    let tokenizer = Tokenizer(split: .characters, ngrams: 3)

    #expect(tokenizer.tokens(in: "春眠不") == ["春", "眠", "不", "春眠", "眠不", "春眠不"])
}

@Test func tokenizerEnglishWords() {
    let tokenizer = Tokenizer(split: .words)

    #expect(tokenizer.tokens(in: "The cat, the HAT!") == ["the", "cat", "the", "hat"])
    #expect(tokenizer.tokens(in: "  spaced\tout\nwords ") == ["spaced", "out", "words"])
}

@Test func tokenizerWordsKeepPunctuation() {
    let tokenizer = Tokenizer(split: .words, standardization: [])

    #expect(tokenizer.tokens(in: "Hello, World") == ["Hello,", "World"])
}

@Test func tokenizerWordBigrams() {
    let tokenizer = Tokenizer(split: .words, ngrams: 2)

    #expect(tokenizer.tokens(in: "not bad at all") == ["not", "bad", "at", "all", "not bad", "bad at", "at all"])
}

@Test func tokenizerMixedChineseAndWords() {
    let tokenizer = Tokenizer(split: .chineseCharactersAndWords)

    #expect(tokenizer.tokens(in: "AMD的芯片，2999元 XP系统") == ["amd", "的", "芯", "片", "2999", "元", "xp", "系", "统"])
}

@Test func tokenizerMixedTextRoundTrip() {
    var tokenizer = Tokenizer(split: .chineseCharactersAndWords)
    tokenizer.fit(onTexts: ["装了 win xp 系统"])

    #expect(tokenizer.texts(for: tokenizer.sequences(for: ["装了win xp系统"])) == ["装了win xp系统"])
}

@Test func tokenizerOutOfVocabulary() {
    var tokenizer = Tokenizer(maxTokens: 4, split: .words)
    tokenizer.fit(onTexts: ["good good good bad bad ugly"])

    #expect(tokenizer.vocabulary == ["", "[UNK]", "good", "bad"])
    #expect(tokenizer.sequence(for: "ugly good unseen") == [1, 2, 1])
    #expect(tokenizer.index(of: "ugly") == Tokenizer.outOfVocabularyIndex)
    #expect(tokenizer.tokenCounts["ugly"] == 1)
}

@Test func tokenizerTiesByFirstAppearance() {
    var tokenizer = Tokenizer(maxTokens: 4, split: .words)
    tokenizer.fit(onTexts: ["b a", "c a b c"])

    // a, b and c all occur twice; b appeared first, then a, then c.
    #expect(tokenizer.vocabulary == ["", "[UNK]", "b", "a"])
}

@Test func tokenizerFitAccumulates() {
    var tokenizer = Tokenizer(split: .words)
    tokenizer.fit(onTexts: ["rare common"])
    tokenizer.fit(onTexts: ["common"])

    #expect(tokenizer.vocabulary == ["", "[UNK]", "common", "rare"])
    #expect(tokenizer.tokenCounts["common"] == 2)
}

@Test func tokenizerLiteralUnknownToken() {
    var tokenizer = Tokenizer(split: .words, standardization: [])
    tokenizer.fit(onTexts: ["[UNK] [UNK] word"])

    #expect(tokenizer.vocabulary == ["", "[UNK]", "word"])
    #expect(tokenizer.sequence(for: "[UNK] word") == [1, 2])
}

@Test func tokenizerCharacterRoundTrip() {
    let poem = "床前明月光，\n疑是地上霜。\nLook up, 望明月!"
    var tokenizer = Tokenizer(split: .characters, standardization: [])
    tokenizer.fit(onTexts: [poem])

    #expect(tokenizer.text(for: tokenizer.sequence(for: poem)) == poem)
    #expect(tokenizer.index(of: "\n") != Tokenizer.outOfVocabularyIndex)
}

@Test func tokenizerTextSkipsPadding() {
    var tokenizer = Tokenizer(split: .characters)
    tokenizer.fit(onTexts: ["好书"])
    let padded = padSequences([tokenizer.sequence(for: "好坏书")], maxLength: 5)

    #expect(padded == [[0, 0, 2, 1, 3]])
    #expect(tokenizer.text(for: padded[0]) == "好[UNK]书")
}

@Test func tokenizerStripsWhitespaceByDefault() {
    #expect(Tokenizer(split: .characters).tokens(in: "好 书") == ["好", "书"])
    #expect(Tokenizer(split: .characters, standardization: [.lowercase]).tokens(in: "好 书") == ["好", " ", "书"])
}
