import Testing
import NotebookEngine

private func terminal(_ text: String, limit: Int = 1 << 20) -> TerminalText {
    var output = TerminalText(limit: limit)
    output.append(Array(text.utf8))
    output.finish()
    return output
}

@Test func terminalCarriageReturnOverwrites() {
    #expect(terminal("step 1\rstep 2\rstep 3\ndone\n").text == "step 3\ndone\n")
}

@Test func terminalShorterTextKeepsTail() {
    #expect(terminal("abcdef\rXY\n").text == "XYcdef\n")
}

@Test func terminalDropsANSIEscapes() {
    #expect(terminal("\u{1B}[1;32mgreen\u{1B}[0m \u{1B}]0;title\u{07}ok\n").text == "green ok\n")
}

@Test func terminalReplacesInvalidUTF8() {
    var output = TerminalText(limit: 100)
    output.append([0x61, 0xFF, 0x62, 0x0A])
    #expect(output.text == "a\u{FFFD}b\n")
}

@Test func terminalJoinsSplitUTF8() {
    let bytes = Array("中文\n".utf8)
    var output = TerminalText(limit: 100)
    output.append(bytes[0..<2])
    output.append(bytes[2..<5])
    output.append(bytes[5...])
    #expect(output.text == "中文\n")
}

@Test func terminalTruncatesAtLimit() {
    let output = terminal(String(repeating: "0123456789\n", count: 100), limit: 55)
    #expect(output.text == String(repeating: "0123456789\n", count: 5))
    #expect(output.droppedBytes == 95 * 11, "dropped: expected \(95 * 11), observed \(output.droppedBytes)")
}

@Test func terminalKeepsPrefixOfLongLine() {
    let output = terminal(String(repeating: "中", count: 10), limit: 10)
    #expect(output.text == "中中中", "observed \(output.text)")
    #expect(output.droppedBytes == 21, "dropped: expected 21, observed \(output.droppedBytes)")
}

@Test func terminalDropsLinesAfterCut() {
    let output = terminal("abcdefghij\nsecond\n", limit: 9)
    #expect(output.text == "abcdefghi", "observed \(output.text)")
    #expect(output.droppedBytes == 9, "dropped: expected 9, observed \(output.droppedBytes)")
}

@Test func terminalCutsAtCharacterBoundary() {
    let stream = "héllo wörld 中文"
    for limit in 2...19 {
        let output = terminal(stream, limit: limit)
        let expected = String(decoding: Array(stream.utf8).prefix(limit), as: UTF8.self)
            .trimmingSuffix { $0 == "\u{FFFD}" }
        #expect(output.text == expected, "limit \(limit): expected \(expected), observed \(output.text)")
        #expect(output.text.utf8.count + output.droppedBytes == stream.utf8.count, "limit \(limit)")
    }
}

private extension String {
    /// Returns the string without the characters at its end that match `predicate`.
    func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var result = self
        while let last = result.last, predicate(last) {
            result.removeLast()
        }
        return result
    }
}
