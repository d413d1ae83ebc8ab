import Foundation
import NotebookEvents

/// Everything one cell produced during one run of the program, as it arrives.
struct CellCapture {
    enum Segment {
        case text(TerminalText)
        case display(sequence: Int)
    }

    let streamLimit: Int
    private(set) var stdoutSegments: [Segment] = []
    private(set) var stderr: TerminalText
    private(set) var displays: [Int: NotebookEvent.Kind] = [:]
    var began: Date?
    var ended = false
    var wallSeconds: Double?
    var caughtError: String?

    init(streamLimit: Int) {
        self.streamLimit = streamLimit
        stderr = TerminalText(limit: streamLimit)
    }

    mutating func appendStdout(_ bytes: [UInt8]) {
        if case var .text(text)? = stdoutSegments.last {
            text.append(bytes)
            stdoutSegments[stdoutSegments.count - 1] = .text(text)
        } else {
            // The limit is for the whole stream, so a new segment gets what earlier ones left.
            // After a cut it gets nothing, because the kept text must stay the stream's start.
            var used = 0
            for case let .text(text) in stdoutSegments {
                used += text.droppedBytes > 0 ? streamLimit : text.settled.utf8.count
            }
            var text = TerminalText(limit: max(0, streamLimit - used))
            text.append(bytes)
            stdoutSegments.append(.text(text))
        }
    }

    mutating func appendStderr(_ bytes: [UInt8]) {
        stderr.append(bytes)
    }

    mutating func markDisplay(sequence: Int) {
        // The display ends the text before it, so its unfinished line counts toward the limit now.
        if case var .text(text)? = stdoutSegments.last {
            text.finish()
            stdoutSegments[stdoutSegments.count - 1] = .text(text)
        }
        stdoutSegments.append(.display(sequence: sequence))
    }

    mutating func record(display kind: NotebookEvent.Kind, sequence: Int) {
        displays[sequence] = kind
    }

    /// Returns the finished stdout text segments and displays in order, then stderr.
    ///
    /// Displays whose marker never reached stdout (the program died in between) go last.
    func outputs(storeImage: (DisplayedImage) -> StoredImage?, stderrFilter: (String) -> String) -> [CellOutput] {
        var outputs: [CellOutput] = []
        var placed: Set<Int> = []
        for segment in stdoutSegments {
            switch segment {
            case var .text(text):
                text.finish()
                if !text.isEmpty {
                    outputs.append(.stream(StreamOutput(name: .stdout, text: text.text, droppedBytes: text.droppedBytes)))
                }
            case let .display(sequence):
                guard let kind = displays[sequence] else { continue }
                placed.insert(sequence)
                outputs += convert(kind, storeImage: storeImage)
            }
        }
        for sequence in displays.keys.sorted() where !placed.contains(sequence) {
            outputs += convert(displays[sequence]!, storeImage: storeImage)
        }

        var errorText = stderr
        errorText.finish()
        let filtered = stderrFilter(errorText.text)
        if !filtered.isEmpty || errorText.droppedBytes > 0 {
            outputs.append(.stream(StreamOutput(name: .stderr, text: filtered, droppedBytes: errorText.droppedBytes)))
        }
        return outputs
    }

    private func convert(_ kind: NotebookEvent.Kind, storeImage: (DisplayedImage) -> StoredImage?) -> [CellOutput] {
        switch kind {
        case let .image(image):
            return storeImage(image).map { [.image($0)] } ?? []
        case let .table(table):
            return [.table(table)]
        case let .markdown(text):
            return [.markdown(text)]
        case .began, .ended, .caughtError:
            return []
        }
    }
}
