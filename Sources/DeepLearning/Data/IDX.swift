import Foundation

/// Reader for the IDX format of MNIST-style data sets (LeCun et al.): a 4-byte magic number
/// (two zero bytes, a type code, the number of dimensions), one big-endian `UInt32` per dimension,
/// then the values in row-major order. Only unsigned bytes (type code 0x08) are supported, which is
/// what MNIST and Fashion-MNIST use.
public enum IDX {
    /// Reads an IDX file (gzip-compressed or plain) and returns its shape and bytes.
    public static func read(path: String, missingHint: String = "check the path") throws -> (shape: [Int], bytes: [UInt8]) {
        let data = try GzipFile.read(path: path, missingHint: missingHint)
        return try parse(data, path: path)
    }

    /// Parses IDX bytes, validating the magic number, the dimensions and the data length.
    public static func parse(_ data: [UInt8], path: String = "IDX data") throws -> (shape: [Int], bytes: [UInt8]) {
        guard data.count >= 4 else {
            throw DataFileError.invalidFormat(path: path, expected: "a 4-byte IDX header", actual: "\(data.count) bytes")
        }
        guard data[0] == 0, data[1] == 0 else {
            throw DataFileError.invalidFormat(
                path: path, expected: "magic number starting with 0x00 0x00",
                actual: String(format: "0x%02X 0x%02X", data[0], data[1]))
        }
        guard data[2] == 0x08 else {
            throw DataFileError.invalidFormat(
                path: path, expected: "type code 0x08 (unsigned bytes)", actual: String(format: "0x%02X", data[2]))
        }
        let rank = Int(data[3])
        let headerSize = 4 + 4 * rank
        guard rank >= 1, data.count >= headerSize else {
            throw DataFileError.invalidFormat(
                path: path, expected: "\(rank) dimension sizes after the magic number", actual: "\(data.count) bytes in total")
        }
        let shape = (0..<rank).map { axis -> Int in
            let offset = 4 + 4 * axis
            return Int(data[offset]) << 24 | Int(data[offset + 1]) << 16 | Int(data[offset + 2]) << 8 | Int(data[offset + 3])
        }
        let expectedCount = shape.reduce(1, *)
        let actualCount = data.count - headerSize
        guard actualCount == expectedCount else {
            throw DataFileError.invalidFormat(
                path: path, expected: "\(expectedCount) data bytes for shape \(shape)",
                actual: "\(actualCount)\(actualCount < expectedCount ? " (the file is truncated)" : "")")
        }
        return (shape, Array(data[headerSize...]))
    }
}
