import Foundation

/// One `file:line:column: severity: message` line from swiftc's LLVM-style diagnostics.
struct CompilerDiagnostic: Equatable {
    var file: String
    var line: Int
    var column: Int
    var severity: String
    var message: String

    private static let pattern = try! NSRegularExpression(pattern: #"^(.+?):(\d+):(\d+): (error|warning|note|remark): (.*)$"#)

    /// Parses every diagnostic line in swiftc's output; other lines (source and caret lines,
    /// linker output) are skipped.
    static func parse(_ output: String) -> [CompilerDiagnostic] {
        output.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line in
            let text = String(line)
            let range = NSRange(text.startIndex..., in: text)
            guard let match = pattern.firstMatch(in: text, range: range), match.numberOfRanges == 6 else {
                return nil
            }
            func group(_ index: Int) -> String {
                String(text[Range(match.range(at: index), in: text)!])
            }
            return CompilerDiagnostic(file: group(1), line: Int(group(2)) ?? 0, column: Int(group(3)) ?? 0,
                                      severity: group(4), message: group(5))
        }
    }
}
