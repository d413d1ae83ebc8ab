import Foundation
internal import CZlib

/// A decoded PNG image with 8-bit RGB or RGBA samples, the formats Cairo writes for figures.
public struct PNGImage: Equatable, Sendable {
    public var width: Int
    public var height: Int
    /// Samples per pixel: 3 for RGB, 4 for RGBA.
    public var channels: Int
    /// Samples row by row, `width * channels` bytes per row, with no filter bytes.
    public var samples: [UInt8]

    public init(width: Int, height: Int, channels: Int, samples: [UInt8]) {
        precondition(channels == 3 || channels == 4, "channels must be 3 or 4")
        precondition(samples.count == width * height * channels, "samples must hold width × height × channels bytes")
        self.width = width
        self.height = height
        self.channels = channels
        self.samples = samples
    }

    /// Reads and decodes the PNG file at `path`.
    public init(contentsOf path: String) throws(PNGError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PNGError(file: path, reason: "the file cannot be read")
        }
        try self.init(data: data, file: path)
    }

    /// Decodes PNG bytes. `file` names the source in error messages.
    ///
    /// Only non-interlaced 8-bit RGB (colour type 2) and RGBA (colour type 6) images are accepted.
    /// Every chunk's CRC is checked, and ancillary chunks are skipped.
    public init(data: Data, file: String) throws(PNGError) {
        let bytes = [UInt8](data)
        let chunks = try PNGChunkReader(bytes: bytes, file: file).readChunks()
        guard let header = chunks.first, header.type == "IHDR" else {
            throw PNGError(file: file, reason: "the first chunk is not IHDR")
        }
        let format = try PNGHeader(data: header.data, file: file)

        var compressed: [UInt8] = []
        for chunk in chunks where chunk.type == "IDAT" {
            compressed += chunk.data
        }
        guard !compressed.isEmpty else {
            throw PNGError(file: file, reason: "the image has no IDAT chunk")
        }

        let rowBytes = format.width * format.channels
        let filtered = try Self.inflate(compressed, expectedCount: format.height * (rowBytes + 1), file: file)
        let samples = try PNGRowFilter.unfilter(filtered, rowBytes: rowBytes, height: format.height,
                                                bytesPerPixel: format.channels, file: file)
        self.init(width: format.width, height: format.height, channels: format.channels, samples: samples)
    }

    /// Returns the red, green, blue and alpha samples of one pixel. In RGB images alpha is 255.
    public func rgba(x: Int, y: Int) -> (red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8) {
        let start = (y * width + x) * channels
        let alpha = channels == 4 ? samples[start + 3] : 255
        return (samples[start], samples[start + 1], samples[start + 2], alpha)
    }

    /// Inflates a zlib stream that must decompress to exactly `expectedCount` bytes.
    private static func inflate(_ compressed: [UInt8], expectedCount: Int, file: String) throws(PNGError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: expectedCount)
        var outputCount = uLongf(expectedCount)
        let status = output.withUnsafeMutableBufferPointer { outputBuffer in
            compressed.withUnsafeBufferPointer { inputBuffer in
                uncompress(outputBuffer.baseAddress, &outputCount, inputBuffer.baseAddress, uLong(inputBuffer.count))
            }
        }
        switch status {
        case Z_OK where Int(outputCount) == expectedCount:
            return output
        case Z_OK:
            throw PNGError(file: file, reason: "the image data inflates to \(outputCount) bytes, expected \(expectedCount)")
        case Z_BUF_ERROR:
            throw PNGError(file: file, reason: "the image data is truncated or inflates to more than \(expectedCount) bytes")
        default:
            throw PNGError(file: file, reason: "the image data is not a valid zlib stream (zlib status \(status))")
        }
    }
}

/// A PNG file that cannot be decoded: unreadable, corrupt, or in a format redbook does not write.
public struct PNGError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var description: String { "\(file): cannot decode PNG: \(reason)" }
}

/// The fields of the IHDR chunk that decoding needs, after checking the format is supported.
private struct PNGHeader {
    var width: Int
    var height: Int
    var channels: Int

    init(data: [UInt8], file: String) throws(PNGError) {
        guard data.count == 13 else {
            throw PNGError(file: file, reason: "IHDR has \(data.count) bytes, expected 13")
        }
        width = Int(bigEndian32(data, at: 0))
        height = Int(bigEndian32(data, at: 4))
        let bitDepth = data[8]
        let colourType = data[9]
        let interlace = data[12]

        guard width > 0, height > 0 else {
            throw PNGError(file: file, reason: "the size \(width)×\(height) is empty")
        }
        guard bitDepth == 8 else {
            throw PNGError(file: file, reason: "bit depth \(bitDepth) is not supported (only 8-bit RGB or RGBA)")
        }
        switch colourType {
        case 2: channels = 3
        case 6: channels = 4
        default:
            let name = [0: "greyscale", 3: "indexed colour", 4: "greyscale with alpha"][Int(colourType)] ?? "unknown"
            throw PNGError(file: file, reason: "colour type \(colourType) (\(name)) is not supported (only RGB or RGBA)")
        }
        guard data[10] == 0, data[11] == 0 else {
            throw PNGError(file: file, reason: "compression method \(data[10]) or filter method \(data[11]) is not 0")
        }
        guard interlace == 0 else {
            throw PNGError(file: file, reason: "interlace method \(interlace) is not supported (only non-interlaced)")
        }
    }
}

/// One chunk: its four-letter type and data, after the CRC was checked.
private struct PNGChunk {
    var type: String
    var data: [UInt8]
}

/// Splits a PNG file into chunks, checking the signature, lengths and CRCs.
private struct PNGChunkReader {
    static let signature: [UInt8] = [137, 80, 78, 71, 13, 10, 26, 10]

    var bytes: [UInt8]
    var file: String

    func readChunks() throws(PNGError) -> [PNGChunk] {
        guard bytes.starts(with: Self.signature) else {
            throw PNGError(file: file, reason: "the PNG signature is missing")
        }
        var chunks: [PNGChunk] = []
        var position = Self.signature.count
        while true {
            // Each chunk is a 4-byte length, 4-byte type, the data and a 4-byte CRC of type and data.
            guard position + 8 <= bytes.count else {
                throw PNGError(file: file, reason: "the file ends before the IEND chunk")
            }
            let length = Int(bigEndian32(bytes, at: position))
            let typeStart = position + 4
            let dataStart = typeStart + 4
            guard length <= bytes.count - dataStart - 4 else {
                throw PNGError(file: file, reason: "a chunk of \(length) bytes at offset \(position) runs past the end of the file")
            }
            let type = String(decoding: bytes[typeStart..<dataStart], as: UTF8.self)
            let storedCRC = bigEndian32(bytes, at: dataStart + length)
            let computedCRC = bytes[typeStart..<(dataStart + length)].withContiguousStorageIfAvailable { buffer in
                UInt32(crc32(0, buffer.baseAddress, uInt(buffer.count)))
            } ?? 0
            guard storedCRC == computedCRC else {
                throw PNGError(file: file, reason: String(format: "the CRC of chunk %@ at offset %d is 0x%08x, expected 0x%08x",
                                                          type, position, storedCRC, computedCRC))
            }
            if type == "IEND" {
                return chunks
            }
            chunks.append(PNGChunk(type: type, data: Array(bytes[dataStart..<(dataStart + length)])))
            position = dataStart + length + 4
        }
    }
}

/// The five PNG filter types (0 None, 1 Sub, 2 Up, 3 Average, 4 Paeth), reversed row by row.
private enum PNGRowFilter {
    static func unfilter(_ filtered: [UInt8], rowBytes: Int, height: Int, bytesPerPixel: Int,
                         file: String) throws(PNGError) -> [UInt8] {
        var samples = [UInt8](repeating: 0, count: rowBytes * height)
        for y in 0..<height {
            let filterType = filtered[y * (rowBytes + 1)]
            let input = y * (rowBytes + 1) + 1
            let row = y * rowBytes
            let previousRow = row - rowBytes
            for i in 0..<rowBytes {
                // a: the byte one pixel to the left, b: the byte above, c: the byte above and to the left.
                let a = i >= bytesPerPixel ? Int(samples[row + i - bytesPerPixel]) : 0
                let b = y > 0 ? Int(samples[previousRow + i]) : 0
                let c = y > 0 && i >= bytesPerPixel ? Int(samples[previousRow + i - bytesPerPixel]) : 0
                let predictor: Int
                switch filterType {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4: predictor = paeth(a, b, c)
                default:
                    throw PNGError(file: file, reason: "row \(y) has filter type \(filterType), expected 0 to 4")
                }
                samples[row + i] = UInt8(truncatingIfNeeded: Int(filtered[input + i]) + predictor)
            }
        }
        return samples
    }

    /// Returns whichever of left, above and upper-left is closest to `a + b - c`, preferring them in that order on ties.
    private static func paeth(_ a: Int, _ b: Int, _ c: Int) -> Int {
        let estimate = a + b - c
        let distanceA = abs(estimate - a)
        let distanceB = abs(estimate - b)
        let distanceC = abs(estimate - c)
        if distanceA <= distanceB && distanceA <= distanceC {
            return a
        }
        return distanceB <= distanceC ? b : c
    }
}

private func bigEndian32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
}
