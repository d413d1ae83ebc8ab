import Foundation
import NotebookEvents

/// Time limits for running a notebook.
public struct TimeLimits: Sendable {
    /// Limit for a cell without its own `timeout` option, in seconds.
    public var cellDefault: Double = 600
    /// Limit for the whole notebook, in seconds.
    public var notebook: Double = 1800
    /// The origin of the notebook limit, named in the timeout message.
    public var notebookOrigin: NotebookTimeoutOrigin = .defaultValue

    public init() {}
}

/// One run of a compiled notebook program, collecting each cell's output.
struct ProgramRun {
    /// A cell that ran out of time, with its elapsed time and the limit it hit.
    struct Timeout {
        var cell: Int
        var elapsed: Double
        var limit: Double
        var source: Message.TimeoutSource
    }

    var captures: [Int: CellCapture] = [:]
    var termination: ChildProcess.Termination = .exited(0)
    var timeout: Timeout?
    /// The last cell that began, if any.
    var lastBegunCell: Int?
    /// Cells whose end marker reached stdout. A cell that is here but has no `ended` event
    /// finished its code while the event channel was lost.
    var cellsReachingEnd: Set<Int> = []

    /// Runs `executable` and returns what each cell produced.
    static func run(executable: String, cells: [Cell], workingDirectory: String, scratchDirectory: String,
                    limits: TimeLimits, notebookDeadline: Date, streamLimit: Int) throws -> ProgramRun {
        let token = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        var environment = ProcessInfo.processInfo.environment
        environment[NotebookChannel.eventsDescriptorVariable] = "3"
        environment[NotebookChannel.markerTokenVariable] = token
        environment[NotebookChannel.scratchDirectoryVariable] = scratchDirectory
        // The backtracer takes seconds to symbolicate; the fatal error line is all the page shows.
        environment["SWIFT_BACKTRACE"] = "enable=no"

        var run = ProgramRun()
        var stdoutSplitter = MarkerSplitter(token: token)
        var stderrSplitter = MarkerSplitter(token: token)
        var stdoutCell = cells.first?.index ?? 0
        var stderrCell = stdoutCell
        var eventBuffer: [UInt8] = []
        let decoder = JSONDecoder()
        let cellLimits = Dictionary(uniqueKeysWithValues: cells.map { ($0.index, $0.options.timeout) })

        func capture(_ cell: Int, _ update: (inout CellCapture) -> Void) {
            var value = run.captures[cell] ?? CellCapture(streamLimit: streamLimit)
            update(&value)
            run.captures[cell] = value
        }

        func handleEvent(_ line: ArraySlice<UInt8>) {
            guard let event = try? decoder.decode(NotebookEvent.self, from: Data(line)) else { return }
            switch event.kind {
            case .began:
                run.lastBegunCell = event.cell
                capture(event.cell) { $0.began = Date() }
            case let .ended(wallSeconds):
                capture(event.cell) {
                    $0.ended = true
                    $0.wallSeconds = wallSeconds
                }
            case let .caughtError(description):
                capture(event.cell) { $0.caughtError = description }
            case .image, .table, .markdown:
                capture(event.cell) { $0.record(display: event.kind, sequence: event.sequence) }
            }
        }

        func handle(_ pieces: [MarkerSplitter.Piece], isStdout: Bool) {
            for piece in pieces {
                switch piece {
                case let .text(bytes):
                    let cell = isStdout ? stdoutCell : stderrCell
                    capture(cell) { isStdout ? $0.appendStdout(bytes) : $0.appendStderr(bytes) }
                case let .marker(.begin, cell):
                    if isStdout { stdoutCell = cell } else { stderrCell = cell }
                case let .marker(.end, cell):
                    if isStdout { run.cellsReachingEnd.insert(cell) }
                case let .marker(.display, sequence):
                    capture(stdoutCell) { $0.markDisplay(sequence: sequence) }
                }
            }
        }

        func checkTimeout() -> Bool {
            let now = Date()
            if let cell = run.lastBegunCell, let capture = run.captures[cell], !capture.ended, let began = capture.began {
                let limit = cellLimits[cell].flatMap { $0 } ?? limits.cellDefault
                let elapsed = now.timeIntervalSince(began)
                if elapsed > limit {
                    let source: Message.TimeoutSource = cellLimits[cell].flatMap { $0 } == nil ? .cellDefault : .cellOption
                    run.timeout = Timeout(cell: cell, elapsed: elapsed, limit: limit, source: source)
                    return true
                }
            }
            if now > notebookDeadline {
                let cell = run.lastBegunCell ?? cells.first?.index ?? 0
                run.timeout = Timeout(cell: cell, elapsed: limits.notebook - notebookDeadline.timeIntervalSince(now),
                                      limit: limits.notebook, source: .notebook(origin: limits.notebookOrigin))
                return true
            }
            return false
        }

        let child = ChildProcess(executable: executable, arguments: [], environment: environment, workingDirectory: workingDirectory)
        run.termination = try child.run(onOutput: { stream, bytes in
            switch stream {
            case .stdout:
                handle(stdoutSplitter.split(bytes), isStdout: true)
            case .stderr:
                handle(stderrSplitter.split(bytes), isStdout: false)
            case .events:
                eventBuffer += bytes
                while let newline = eventBuffer.firstIndex(of: UInt8(ascii: "\n")) {
                    handleEvent(eventBuffer[..<newline])
                    eventBuffer.removeFirst(newline + 1)
                }
            }
        }, shouldStop: checkTimeout)

        handle(stdoutSplitter.finish(), isStdout: true)
        handle(stderrSplitter.finish(), isStdout: false)
        return run
    }
}
