internal import CZlib
import Foundation

/// A file that cannot be read as data: missing, unreadable, corrupt or of the wrong format.
public enum DataFileError: Error, CustomStringConvertible, Equatable {
    case notFound(path: String, hint: String)
    case unreadable(path: String, reason: String)
    case invalidFormat(path: String, expected: String, actual: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let path, let hint):
            return "\(path) not found; \(hint)"
        case .unreadable(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .invalidFormat(let path, let expected, let actual):
            return "\(path) is not a valid data file: expected \(expected), found \(actual)"
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason)"
        }
    }
}

/// Reads whole files, decompressing gzip through zlib. zlib passes files without a gzip header
/// through unchanged, so plain files read too.
enum GzipFile {
    static func read(path: String, missingHint: String = "check the path") throws -> [UInt8] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw DataFileError.notFound(path: path, hint: missingHint)
        }
        guard let file = gzopen(path, "rb") else {
            throw DataFileError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { gzclose(file) }

        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                gzread(file, buffer.baseAddress, UInt32(buffer.count))
            }
            if count < 0 {
                var code: Int32 = 0
                let message = gzerror(file, &code).map { String(cString: $0) } ?? "zlib error \(code)"
                throw DataFileError.unreadable(path: path, reason: "decompression failed (\(message)); the file may be corrupt")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<Int(count)])
        }
        return bytes
    }
}
