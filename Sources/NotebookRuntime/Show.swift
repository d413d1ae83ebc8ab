import Foundation
import NotebookEvents

/// A value that can draw itself as PNG bytes, such as a figure.
public protocol PNGConvertible {
    /// Returns the PNG-encoded image.
    func pngData() throws -> [UInt8]
}

/// An image that could not be shown.
public enum DisplayError: Error, CustomStringConvertible {
    /// The bytes do not start with the PNG signature.
    case notPNG(source: String, firstBytes: [UInt8])
    /// The file could not be read.
    case unreadableFile(path: String, reason: String)
    /// The runtime could not write the image into its scratch directory.
    case unwritableScratch(path: String, reason: String)

    public var description: String {
        switch self {
        case let .notPNG(source, firstBytes):
            let hex = firstBytes.map { String(format: "%02x", $0) }.joined(separator: " ")
            return "\(source) is not a PNG image: expected the bytes 89 50 4e 47 0d 0a 1a 0a at the start, found \(hex.isEmpty ? "no bytes" : hex); pass PNG-encoded data"
        case let .unreadableFile(path, reason):
            return "cannot read the image file \(path): \(reason); check the path (a relative path starts at the directory redbook was run from)"
        case let .unwritableScratch(path, reason):
            return "cannot write the image to \(path): \(reason)"
        }
    }
}

private let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

/// Shows PNG bytes as an image under the current cell.
///
/// - Parameters:
///   - png: PNG-encoded image data.
///   - alt: Text alternative, read aloud by screen readers and shown if the image is missing.
///   - caption: Caption under the image; the cell option `fig-cap` is used when this is `nil`.
public func show(png: [UInt8], alt: String = "", caption: String? = nil) throws {
    guard png.starts(with: pngSignature) else {
        throw DisplayError.notPNG(source: "the image data", firstBytes: Array(png.prefix(8)))
    }
    let session = NotebookSession.shared
    guard session.isAttached, let path = session.nextImagePath() else {
        print("[image: \(alt.isEmpty ? "\(png.count) bytes" : alt)]")
        return
    }

    do {
        try Data(png).write(to: URL(fileURLWithPath: path))
    } catch {
        throw DisplayError.unwritableScratch(path: path, reason: error.localizedDescription)
    }
    let image = DisplayedImage(path: path, alt: alt, caption: caption)
    session.send(.image(image))
}

/// Shows PNG bytes as an image under the current cell.
public func show(png: Data, alt: String = "", caption: String? = nil) throws {
    try show(png: [UInt8](png), alt: alt, caption: caption)
}

/// Shows a PNG file as an image under the current cell; the page keeps its own copy.
public func show(pngFile path: String, alt: String = "", caption: String? = nil) throws {
    let data: Data
    do {
        data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
        throw DisplayError.unreadableFile(path: path, reason: error.localizedDescription)
    }
    guard data.starts(with: pngSignature) else {
        throw DisplayError.notPNG(source: path, firstBytes: Array(data.prefix(8)))
    }
    try show(png: [UInt8](data), alt: alt, caption: caption)
}

/// Shows any value that can draw itself as PNG under the current cell.
public func show(_ image: some PNGConvertible, alt: String = "", caption: String? = nil) throws {
    try show(png: try image.pngData(), alt: alt, caption: caption)
}
