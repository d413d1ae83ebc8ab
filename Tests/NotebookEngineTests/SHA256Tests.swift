import Testing
import NotebookEngine

@Test func sha256KnownVectors() {
    let cases: [(String, String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ]
    for (input, expected) in cases {
        let observed = SHA256.hex(of: Array(input.utf8))
        #expect(observed == expected, "SHA-256 of \"\(input)\": expected \(expected), observed \(observed)")
    }
}

@Test func sha256ChunkedEqualsWhole() {
    let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) }
    var chunked = SHA256()
    chunked.update(bytes[0..<63])
    chunked.update(bytes[63..<64])
    chunked.update(bytes[64...])
    #expect(chunked.hexDigest() == SHA256.hex(of: bytes))
}

@Test func sha256MillionA() {
    let observed = SHA256.hex(of: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
    #expect(observed == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
}
