import Foundation
internal import CCairo

/// Owns one fontconfig pattern.
final class FontPattern {
    let pointer: OpaquePointer

    init(owning pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        FcPatternDestroy(pointer)
    }

    /// Returns the set of characters the matched font file has glyphs for.
    func characterSet() -> FontCharacterSet? {
        var charset: OpaquePointer?
        guard FcPatternGetCharSet(pointer, "charset", 0, &charset) == FcResultMatch, let charset else { return nil }
        return FontCharacterSet(retaining: charset)
    }

    var family: String {
        var value: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(pointer, "family", 0, &value) == FcResultMatch, let value else { return "?" }
        return String(cString: value)
    }
}

/// Owns one reference to a fontconfig character set.
final class FontCharacterSet {
    let pointer: OpaquePointer

    init(retaining pointer: OpaquePointer) {
        self.pointer = FcCharSetCopy(pointer)
    }

    deinit {
        FcCharSetDestroy(pointer)
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        FcCharSetHasChar(pointer, scalar.value) != 0
    }
}

/// Owns one Cairo font face made from a fontconfig match.
final class CairoFontFace {
    let pointer: OpaquePointer

    init(pattern: FontPattern) {
        pointer = cairo_ft_font_face_create_for_pattern(pattern.pointer)!
    }

    deinit {
        cairo_font_face_destroy(pointer)
    }
}

/// A font file the typesetter can draw with, and the characters it covers.
final class Font {
    let face: CairoFontFace
    let coverage: FontCharacterSet
    let family: String

    init?(pattern: FontPattern) {
        guard let coverage = pattern.characterSet() else { return nil }
        self.face = CairoFontFace(pattern: pattern)
        self.coverage = coverage
        self.family = pattern.family
    }
}

/// Finds fonts through fontconfig: DejaVu Sans for Latin text (matplotlib's look), Noto Sans CJK SC
/// for Chinese, and any installed font for other scripts, so labels mix scripts without boxes.
final class FontLibrary: @unchecked Sendable {
    static let shared = FontLibrary()

    private let lock = NSLock()
    private var preferred: [Bool: [Font]] = [:]
    private var fallbacks: [FallbackKey: Font?] = [:]

    private struct FallbackKey: Hashable {
        var scalar: UInt32
        var bold: Bool
    }

    /// Returns the preferred fonts in priority order, loaded once per weight.
    func preferredFonts(bold: Bool) -> [Font] {
        lock.lock()
        defer { lock.unlock() }
        if let fonts = preferred[bold] { return fonts }
        let weight = bold ? ":weight=bold" : ""
        let fonts = ["DejaVu Sans", "Noto Sans CJK SC"].compactMap { family in
            match(name: family + weight).flatMap(Font.init(pattern:))
        }
        preferred[bold] = fonts
        return fonts
    }

    /// Returns a font that has a glyph for `scalar`, or `nil` when no installed font has one.
    func font(covering scalar: Unicode.Scalar, bold: Bool) -> Font? {
        for font in preferredFonts(bold: bold) where font.coverage.contains(scalar) {
            return font
        }
        let key = FallbackKey(scalar: scalar.value, bold: bold)
        lock.lock()
        defer { lock.unlock() }
        if let cached = fallbacks[key] { return cached }
        let found = searchAllFonts(for: scalar, bold: bold)
        fallbacks[key] = found
        return found
    }

    private func match(name: String) -> FontPattern? {
        guard let pattern = FcNameParse(name) else { return nil }
        defer { FcPatternDestroy(pattern) }
        FcConfigSubstitute(nil, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let matched = FcFontMatch(nil, pattern, &result) else { return nil }
        return FontPattern(owning: matched)
    }

    /// Asks fontconfig for every font sorted by closeness to sans-serif, and keeps the first whose
    /// character set really contains the scalar: sorting alone would return a font without it.
    private func searchAllFonts(for scalar: Unicode.Scalar, bold: Bool) -> Font? {
        guard let pattern = FcNameParse(bold ? "sans-serif:weight=bold" : "sans-serif") else { return nil }
        defer { FcPatternDestroy(pattern) }
        let wanted = FcCharSetCreate()!
        FcCharSetAddChar(wanted, scalar.value)
        FcPatternAddCharSet(pattern, "charset", wanted)
        FcCharSetDestroy(wanted)
        FcConfigSubstitute(nil, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)

        var result = FcResultNoMatch
        guard let sorted = FcFontSort(nil, pattern, FcFalse, nil, &result) else { return nil }
        defer { FcFontSetDestroy(sorted) }
        for index in 0..<Int(sorted.pointee.nfont) {
            guard let candidate = sorted.pointee.fonts[index] else { continue }
            var charset: OpaquePointer?
            guard FcPatternGetCharSet(candidate, "charset", 0, &charset) == FcResultMatch,
                  let charset, FcCharSetHasChar(charset, scalar.value) != 0 else { continue }
            guard let prepared = FcFontRenderPrepare(nil, pattern, candidate) else { continue }
            return Font(pattern: FontPattern(owning: prepared))
        }
        return nil
    }
}
