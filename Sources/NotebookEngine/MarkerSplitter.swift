import NotebookEvents

/// Splits a byte stream from a notebook program into text and the markers the runtime wrote.
///
/// A marker may arrive split over two reads, so a possible marker at the end of a chunk is held
/// back until the next one. Bytes that look like the start of a marker but are not one (a
/// program may print U+001E itself) pass through as text.
struct MarkerSplitter {
    enum Piece: Equatable {
        case text([UInt8])
        case marker(CellBoundary, Int)
    }

    private let prefix: [UInt8]
    private var pending: [UInt8] = []
    private static let maximumMarkerLength = 96

    init(token: String) {
        prefix = Array("\u{1E}redbook:\(token):".utf8)
    }

    /// Feeds bytes and returns the pieces that are complete.
    mutating func split<Bytes: Collection>(_ bytes: Bytes) -> [Piece] where Bytes.Element == UInt8 {
        pending.append(contentsOf: bytes)
        var pieces: [Piece] = []
        var text: [UInt8] = []
        var index = 0

        while index < pending.count {
            guard pending[index] == NotebookChannel.markerDelimiter else {
                text.append(pending[index])
                index += 1
                continue
            }
            switch matchMarker(at: index) {
            case let .found(boundary, number, length):
                if !text.isEmpty {
                    pieces.append(.text(text))
                    text = []
                }
                pieces.append(.marker(boundary, number))
                index += length
            case .needMoreBytes:
                if !text.isEmpty {
                    pieces.append(.text(text))
                }
                pending.removeFirst(index)
                return pieces
            case .noMarker:
                text.append(pending[index])
                index += 1
            }
        }

        if !text.isEmpty {
            pieces.append(.text(text))
        }
        pending.removeAll(keepingCapacity: true)
        return pieces
    }

    /// Returns bytes held back at the end of the stream as text.
    mutating func finish() -> [Piece] {
        defer { pending = [] }
        return pending.isEmpty ? [] : [.text(pending)]
    }

    private enum Match {
        case found(CellBoundary, Int, length: Int)
        case needMoreBytes
        case noMarker
    }

    private func matchMarker(at start: Int) -> Match {
        let available = pending.count - start
        let comparable = min(available, prefix.count)
        guard pending[start..<start + comparable].elementsEqual(prefix[..<comparable]) else {
            return .noMarker
        }
        guard available > prefix.count else { return .needMoreBytes }

        let bodyStart = start + prefix.count
        guard let close = pending[bodyStart...].prefix(Self.maximumMarkerLength).firstIndex(of: NotebookChannel.markerDelimiter) else {
            return available - prefix.count < Self.maximumMarkerLength ? .needMoreBytes : .noMarker
        }
        let body = String(decoding: pending[bodyStart..<close], as: UTF8.self).split(separator: ":")
        guard body.count == 2, let boundary = CellBoundary(rawValue: String(body[0])), let number = Int(body[1]) else {
            return .noMarker
        }
        return .found(boundary, number, length: close + 1 - start)
    }
}
