import Foundation

/// A course data set that is missing or does not have the expected format.
public enum DatasetError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// A data file is not where it should be; `remedy` tells the reader how to get it.
    case missingFile(path: String, remedy: String)

    /// A data file exists but is not UTF-8 text; `remedy` tells the reader how to get a good copy.
    case unreadableFile(path: String, remedy: String)

    /// A line of a data file breaks its format; `line` counts from 1, as editors do.
    case invalidLine(path: String, line: Int, expected: String, found: String)

    /// No `Notebooks/data` folder was found from `start` upwards.
    case dataDirectoryNotFound(start: String)

    public var description: String {
        switch self {
        case .missingFile(let path, let remedy):
            return "Missing data file \(path). \(remedy)"
        case .unreadableFile(let path, let remedy):
            return "Cannot read \(path) as UTF-8 text. \(remedy)"
        case .invalidLine(let path, let line, let expected, let found):
            return "Invalid data in \(path), line \(line): expected \(expected), found \(found)."
        case .dataDirectoryNotFound(let start):
            return "No Notebooks/data folder in \(start) or any folder above it. Run the notebook from inside the redbook repository, or pass the folder to load(from:)."
        }
    }

    public var errorDescription: String? {
        description
    }
}

/// Reads a whole UTF-8 file; a missing or unreadable file throws a `DatasetError` that ends with `remedy`.
func readDataFile(_ url: URL, remedy: String) throws -> String {
    guard FileManager.default.fileExists(atPath: url.path) else {
        throw DatasetError.missingFile(path: url.path, remedy: remedy)
    }
    guard let contents = try? String(contentsOf: url, encoding: .utf8) else {
        throw DatasetError.unreadableFile(path: url.path, remedy: remedy)
    }
    return contents
}

/// Splits file contents into lines, accepting both `\n` and `\r\n` endings and ignoring the line
/// break at the end of the file.
func dataLines(of contents: String) -> [Substring] {
    var lines = contents.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    if lines.last?.isEmpty == true {
        lines.removeLast()
    }
    return lines
}
