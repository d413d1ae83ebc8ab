import Foundation
import NotebookEvents

#if canImport(Glibc)
import Glibc
#endif

/// The connection of a running notebook program to the engine that started it.
///
/// Without the engine's environment variables (for example when the generated program is run
/// by hand) the session is detached: boundaries write no markers and displays fall back to text.
final class NotebookSession: @unchecked Sendable {
    static let shared = NotebookSession(environment: ProcessInfo.processInfo.environment)

    let eventsDescriptor: Int32?
    let markerToken: String?
    let scratchDirectory: String?

    private let lock = NSLock()
    private var currentCell = -1
    private var cellStart = Date()
    private var imageCount = 0
    private var nextSequence = 0
    private let encoder = JSONEncoder()

    init(environment: [String: String]) {
        eventsDescriptor = environment[NotebookChannel.eventsDescriptorVariable].flatMap { Int32($0) }
            .map(Self.movedToHighDescriptor)
        markerToken = environment[NotebookChannel.markerTokenVariable]
        scratchDirectory = environment[NotebookChannel.scratchDirectoryVariable]
        encoder.outputFormatting = [.sortedKeys]
    }

    var isAttached: Bool { eventsDescriptor != nil }

    /// Returns a copy of `descriptor` at a number no cell is likely to use, closing the original.
    ///
    /// A cell that closes descriptor 3 and opens a file would otherwise get the channel's
    /// number and receive the events in its file. The copy is close-on-exec, so processes a
    /// cell starts do not hold the channel open.
    private static func movedToHighDescriptor(_ descriptor: Int32) -> Int32 {
        let moved = fcntl(descriptor, F_DUPFD_CLOEXEC, NotebookChannel.lowestMovedDescriptor)
        guard moved >= 0 else { return descriptor }
        close(descriptor)
        return moved
    }

    /// Index of the cell that is running now, or -1 before the first cell.
    var cell: Int {
        lock.lock()
        defer { lock.unlock() }
        return currentCell
    }

    func begin(cell index: Int) {
        if currentCell < 0 {
            // Line buffering keeps every complete line a trapping cell printed; with full
            // buffering a crash would lose the cell's output still sitting in the buffer.
            setvbuf(stdout, nil, _IOLBF, 0)
        }
        writeMarkers(.begin, cell: index)

        lock.lock()
        currentCell = index
        cellStart = Date()
        lock.unlock()

        send(.began, cell: index)
    }

    func end(cell index: Int) {
        lock.lock()
        let elapsed = Date().timeIntervalSince(cellStart)
        lock.unlock()

        writeMarkers(.end, cell: index)
        send(.ended(wallSeconds: elapsed), cell: index)
    }

    /// Sends one event to the engine; does nothing when detached.
    ///
    /// Displays also leave a marker in stdout so the engine can place them among printed lines.
    func send(_ kind: NotebookEvent.Kind, cell: Int? = nil) {
        guard let descriptor = eventsDescriptor else { return }

        lock.lock()
        defer { lock.unlock() }
        let event = NotebookEvent(cell: cell ?? currentCell, sequence: nextSequence, kind: kind)
        nextSequence += 1
        guard var line = try? encoder.encode(event) else { return }
        line.append(UInt8(ascii: "\n"))

        switch kind {
        case .image, .table, .markdown:
            fflush(stdout)
            if let markerToken {
                let marker = NotebookChannel.marker(token: markerToken, boundary: .display, number: event.sequence)
                writeAll(Data(marker.utf8), to: STDOUT_FILENO)
            }
        case .began, .ended, .caughtError:
            break
        }
        writeAll(line, to: descriptor)
    }

    /// Returns a fresh path in the scratch directory for an image file.
    func nextImagePath() -> String? {
        guard let scratchDirectory else { return nil }
        lock.lock()
        defer { lock.unlock() }
        imageCount += 1
        return "\(scratchDirectory)/image-\(imageCount).png"
    }

    private func writeMarkers(_ boundary: CellBoundary, cell index: Int) {
        // Flush every stdio stream first so that text buffered by Swift or C code lands on the
        // correct side of the marker.
        fflush(nil)
        guard let markerToken else { return }
        let marker = Data(NotebookChannel.marker(token: markerToken, boundary: boundary, number: index).utf8)
        writeAll(marker, to: STDOUT_FILENO)
        writeAll(marker, to: STDERR_FILENO)
    }

    private func writeAll(_ data: Data, to descriptor: Int32) {
        data.withUnsafeBytes { buffer in
            guard var pointer = buffer.baseAddress else { return }
            var remaining = buffer.count
            while remaining > 0 {
                let written = write(descriptor, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                pointer += written
                remaining -= written
            }
        }
    }
}
