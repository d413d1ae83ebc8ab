/// An error from drawing, reading or writing a figure or image.
public enum PlotError: Error, CustomStringConvertible, Equatable {
    /// No installed font has glyphs for some characters of a label.
    case uncoveredCharacters(label: String, characters: [Unicode.Scalar])
    /// Cairo reported a failure.
    case cairo(operation: String, message: String)
    /// Bytes or a file that should hold an image do not.
    case invalidImage(reason: String)
    /// Writing an output file failed.
    case fileWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .uncoveredCharacters(let label, let characters):
            let listed = characters.map { scalar in
                "'\(scalar)' (U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)))"
            }.joined(separator: ", ")
            return "No installed font covers \(listed) in the label \"\(label)\". "
                + "Install a font for that script (check with `fc-list ':charset=\(characters.map { String($0.value, radix: 16) }.joined(separator: " "))'`) "
                + "or remove those characters from the label."
        case .cairo(let operation, let message):
            return "Cairo failed while \(operation): \(message)."
        case .invalidImage(let reason):
            return "Could not read the image: \(reason). Pass PNG bytes, for example from Figure.pngData() or a .png file."
        case .fileWrite(let path, let reason):
            return "Could not write the figure to \(path): \(reason). Check that the folder exists and is writable."
        }
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
