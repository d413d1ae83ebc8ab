import Foundation

/// A weights file that cannot be written, read or applied to a model.
public enum WeightsFileError: Error, CustomStringConvertible, Equatable {
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    case invalidFormat(path: String, reason: String)
    case modelNotBuilt
    case weightCountMismatch(path: String, expected: Int, actual: Int)
    case shapeMismatch(layer: String, weight: String, expected: [Int], actual: [Int])

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason):
            return "cannot write weights to \(path): \(reason)"
        case .cannotRead(let path, let reason):
            return "cannot read weights from \(path): \(reason)"
        case .invalidFormat(let path, let reason):
            return "\(path) is not a valid redbook weights file: \(reason)"
        case .modelNotBuilt:
            return "the model has no weights yet; give it an input shape (Input(shape:)) or call build(inputShape:) before loading"
        case .weightCountMismatch(let path, let expected, let actual):
            return "\(path) contains \(actual) weight tensors but the model has \(expected); load it into a model with the same layers"
        case .shapeMismatch(let layer, let weight, let expected, let actual):
            return "layer '\(layer)' weight '\(weight)' has shape \(expected) in the model but \(actual) in the file; "
                + "load it into a model with the same layer sizes"
        }
    }
}

/// The binary weights file format, version 1. All integers are little-endian.
///
/// ```text
/// magic        4 bytes   "RBWT"
/// version      UInt32    1
/// tensorCount  UInt32
/// tensorCount times:
///   layerName  UInt32 byte length, then UTF-8 bytes
///   weightName UInt32 byte length, then UTF-8 bytes
///   rank       UInt32
///   dimensions rank × UInt32
///   scalars    product(dimensions) × Float32 (IEEE 754, little-endian), row-major
/// ```
///
/// Tensors appear in model order: layers in order, each layer's weights in its `parameters` order.
/// Names are informational (for error messages); loading matches tensors by position and shape.
enum WeightsFile {
    static let magic: [UInt8] = Array("RBWT".utf8)
    static let version: UInt32 = 1

    struct Entry {
        var layer: String
        var weight: String
        var tensor: Tensor
    }

    static func encode(_ entries: [Entry]) -> Data {
        var data = Data(magic)
        append(version, to: &data)
        append(UInt32(entries.count), to: &data)
        for entry in entries {
            appendString(entry.layer, to: &data)
            appendString(entry.weight, to: &data)
            append(UInt32(entry.tensor.rank), to: &data)
            for dimension in entry.tensor.shape { append(UInt32(dimension), to: &data) }
            entry.tensor.withUnsafeBufferPointer { buffer in
                for value in buffer { append(value.bitPattern, to: &data) }
            }
        }
        return data
    }

    static func decode(_ data: Data, path: String) throws -> [Entry] {
        var reader = ByteReader(bytes: [UInt8](data), path: path)
        guard try reader.bytes(4) == magic else {
            throw WeightsFileError.invalidFormat(path: path, reason: "the file does not start with \"RBWT\"")
        }
        let fileVersion = try reader.uint32()
        guard fileVersion == version else {
            throw WeightsFileError.invalidFormat(path: path, reason: "version \(fileVersion), this library reads version \(version)")
        }
        let count = Int(try reader.uint32())
        var entries: [Entry] = []
        for _ in 0..<count {
            let layer = try reader.string()
            let weight = try reader.string()
            let rank = Int(try reader.uint32())
            guard rank <= 16 else {
                throw WeightsFileError.invalidFormat(path: path, reason: "tensor \(layer)/\(weight) has rank \(rank)")
            }
            let shape = try (0..<rank).map { _ in Int(try reader.uint32()) }
            let scalarCount = shape.reduce(1, *)
            guard scalarCount * 4 <= reader.remaining else {
                throw WeightsFileError.invalidFormat(
                    path: path, reason: "tensor \(layer)/\(weight) of shape \(shape) is cut off at the end of the file")
            }
            var scalars = [Float](repeating: 0, count: scalarCount)
            for index in 0..<scalarCount {
                scalars[index] = Float(bitPattern: try reader.uint32())
            }
            entries.append(Entry(layer: layer, weight: weight, tensor: Tensor(shape: shape, scalars: scalars)))
        }
        guard reader.remaining == 0 else {
            throw WeightsFileError.invalidFormat(path: path, reason: "\(reader.remaining) unexpected bytes after the last tensor")
        }
        return entries
    }

    private static func append(_ value: UInt32, to data: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    private static func appendString(_ string: String, to data: inout Data) {
        let bytes = Array(string.utf8)
        append(UInt32(bytes.count), to: &data)
        data.append(contentsOf: bytes)
    }

    private struct ByteReader {
        let bytes: [UInt8]
        let path: String
        var offset = 0

        var remaining: Int { bytes.count - offset }

        mutating func bytes(_ count: Int) throws -> [UInt8] {
            guard count <= remaining else {
                throw WeightsFileError.invalidFormat(path: path, reason: "the file ends early at byte \(bytes.count)")
            }
            defer { offset += count }
            return Array(bytes[offset..<(offset + count)])
        }

        mutating func uint32() throws -> UInt32 {
            let raw = try bytes(4)
            return UInt32(raw[0]) | UInt32(raw[1]) << 8 | UInt32(raw[2]) << 16 | UInt32(raw[3]) << 24
        }

        mutating func string() throws -> String {
            let length = Int(try uint32())
            guard let text = String(bytes: try bytes(length), encoding: .utf8) else {
                throw WeightsFileError.invalidFormat(path: path, reason: "a name is not valid UTF-8")
            }
            return text
        }
    }
}

extension Sequential {
    private var namedParameters: [(layer: String, parameter: Parameter)] {
        layers.flatMap { layer in layer.parameters.map { (layer.name, $0) } }
    }

    /// Writes every weight to `path` in the format described in `docs/deep-learning.md`.
    public func saveWeights(to path: String) throws {
        let entries = namedParameters.map { WeightsFile.Entry(layer: $0.layer, weight: $0.parameter.name, tensor: $0.parameter.storedValue) }
        do {
            try WeightsFile.encode(entries).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw WeightsFileError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

    /// Replaces every weight with the ones in `path`. The model must be built; the file's tensors must
    /// match the model's weights in number and shape, or nothing is changed.
    public func loadWeights(from path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw WeightsFileError.cannotRead(path: path, reason: error.localizedDescription)
        }
        let entries = try WeightsFile.decode(data, path: path)
        let targets = namedParameters
        guard !targets.isEmpty || entries.isEmpty else { throw WeightsFileError.modelNotBuilt }
        guard entries.count == targets.count else {
            throw WeightsFileError.weightCountMismatch(path: path, expected: targets.count, actual: entries.count)
        }
        for (entry, target) in zip(entries, targets) where entry.tensor.shape != target.parameter.shape {
            throw WeightsFileError.shapeMismatch(
                layer: target.layer, weight: target.parameter.name,
                expected: target.parameter.shape, actual: entry.tensor.shape)
        }
        for (entry, target) in zip(entries, targets) {
            target.parameter.value = entry.tensor
        }
    }
}
