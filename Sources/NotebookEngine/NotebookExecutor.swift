import Foundation
import NotebookEvents

/// Compiles and runs a notebook's cells and turns what happened into cell records.
///
/// A compile error in cell K drops K and every later cell and compiles again, so the cells
/// before K still run. A cell marked `error: true` that fails to compile or crashes is
/// dropped alone and the rest is compiled and run again.
struct NotebookExecutor {
    /// The results of all runs, before cache keys are filled in.
    struct Outcome {
        var cells: [Int: CellResult]
        var notebookError: ErrorOutput?
        /// Figure file name (such as `figures/ab12….png`) to the file the runtime wrote.
        var figureSources: [String: String]
    }

    struct CellResult {
        var status: CellStatus
        var wallSeconds: Double?
        var outputs: [CellOutput]
    }

    var notebook: Notebook
    var toolchain: Toolchain
    var limits: TimeLimits
    var streamLimit: Int
    var workDirectory: String

    func execute() throws -> Outcome {
        // The notebook limit covers running the cells, counted from the first run's start, so a
        // slow compile on a busy machine does not eat into it.
        var deadline: Date?
        let scratchDirectory = "\(workDirectory)/scratch"
        try FileManager.default.createDirectory(atPath: scratchDirectory, withIntermediateDirectories: true)

        var outcome = Outcome(cells: [:], notebookError: nil, figureSources: [:])
        for cell in notebook.cells where !cell.options.eval {
            outcome.cells[cell.index] = CellResult(status: .skipped, outputs: [])
        }
        var included = notebook.cells.filter(\.options.eval)
        var attempt = 0

        while !included.isEmpty {
            attempt += 1
            let program = GeneratedProgram(notebook: notebook, cells: included)
            let compiled = try compile(program, attempt: attempt)

            if case let .failure(diagnostics, output) = compiled {
                guard let (failing, errors) = firstFailingCell(diagnostics, program: program) else {
                    outcome.notebookError = ErrorOutput(kind: .compile, message: Message.compileFailedOutsideCells(output: output).text())
                    break
                }
                let cell = notebook.cells[failing]
                outcome.cells[failing] = CellResult(status: cell.options.expectsError ? .expectedError : .error,
                                                    outputs: errors.map(compileErrorOutput))
                included.removeAll { cell.options.expectsError ? $0.index == failing : $0.index >= failing }
                continue
            }
            guard case let .success(executable) = compiled else { break }

            let runDeadline = deadline ?? Date().addingTimeInterval(limits.notebook)
            deadline = runDeadline
            let run = try ProgramRun.run(executable: executable, cells: included,
                                         workingDirectory: workingDirectory, scratchDirectory: scratchDirectory,
                                         limits: limits, notebookDeadline: runDeadline, streamLimit: streamLimit)
            if let rerun = collect(run, included: included, into: &outcome) {
                included = rerun
                continue
            }
            break
        }

        for cell in notebook.cells where outcome.cells[cell.index] == nil {
            outcome.cells[cell.index] = CellResult(status: .notRun, outputs: [])
        }
        return outcome
    }

    /// The directory the program runs in: the notebook's own, so relative data paths work as in Jupyter.
    private var workingDirectory: String {
        let directory = URL(fileURLWithPath: notebook.path).deletingLastPathComponent().path
        return directory.isEmpty ? FileManager.default.currentDirectoryPath : directory
    }

    // MARK: Compiling

    private enum CompileResult {
        case success(String)
        case failure([CompilerDiagnostic], String)
    }

    private func compile(_ program: GeneratedProgram, attempt: Int) throws -> CompileResult {
        let source = "\(workDirectory)/main.swift"
        let executable = "\(workDirectory)/notebook-\(attempt)"
        try program.source.write(toFile: source, atomically: false, encoding: .utf8)

        let result = try runTool(toolchain.swiftcPath, toolchain.compileArguments(source: source, output: executable),
                                 workingDirectory: workDirectory)
        if result.status == 0 {
            return .success(executable)
        }
        let output = result.standardError + result.standardOutput
        return .failure(CompilerDiagnostic.parse(output).filter { $0.severity == "error" }, output)
    }

    /// Returns the earliest cell with a compile error and that cell's errors.
    private func firstFailingCell(_ diagnostics: [CompilerDiagnostic], program: GeneratedProgram) -> (Int, [CompilerDiagnostic])? {
        var byCell: [Int: [CompilerDiagnostic]] = [:]
        for diagnostic in diagnostics {
            guard let cell = cellIndex(of: diagnostic, program: program) else { continue }
            byCell[cell, default: []].append(located(diagnostic, in: notebook.cells[cell]))
        }
        guard let first = byCell.keys.min() else { return nil }
        return (first, byCell[first]!)
    }

    private func cellIndex(of diagnostic: CompilerDiagnostic, program: GeneratedProgram) -> Int? {
        if diagnostic.file == notebook.path {
            return program.cellIndices.first { index in
                let cell = notebook.cells[index]
                return diagnostic.line >= cell.firstCodeLine && diagnostic.line < cell.firstCodeLine + max(1, cell.lineCount)
            }
        }
        if diagnostic.file.hasSuffix("main.swift") {
            return program.cellForGeneratedLine[diagnostic.line]
        }
        return nil
    }

    /// Moves a diagnostic that points into the generated scaffolding onto the cell's last code line.
    private func located(_ diagnostic: CompilerDiagnostic, in cell: Cell) -> CompilerDiagnostic {
        guard diagnostic.file != notebook.path else { return diagnostic }
        var moved = diagnostic
        moved.file = notebook.path
        moved.line = cell.firstCodeLine + max(0, cell.lineCount - 1)
        moved.column = 1
        return moved
    }

    private func compileErrorOutput(_ diagnostic: CompilerDiagnostic) -> CellOutput {
        .error(ErrorOutput(kind: .compile, message: diagnostic.message,
                           location: "\(diagnostic.file):\(diagnostic.line):\(diagnostic.column)",
                           sourceLine: notebook.source.line(diagnostic.line), caretColumn: diagnostic.column))
    }

    // MARK: Collecting a run

    /// Stores the results of `run`. Returns the cells to run again when an expected failure
    /// stopped the program early, or nil when the notebook is done.
    private func collect(_ run: ProgramRun, included: [Cell], into outcome: inout Outcome) -> [Cell]? {
        let failingCell = failingCellIndex(of: run)

        if run.lastBegunCell == nil, run.termination != .exited(0) {
            // The program died before its first cell, for example because the dynamic loader
            // could not find the notebook library. Its stderr gives the reason.
            var stderr = run.captures[included.first?.index ?? 0]?.stderr ?? TerminalText(limit: streamLimit)
            stderr.finish()
            let message = Message.programFailedToStart(reason: describe(run.termination) + "\n" + stderr.text).text()
            outcome.notebookError = ErrorOutput(kind: .internalFailure, message: message)
            return nil
        }

        for cell in included {
            guard let capture = run.captures[cell.index], capture.began != nil else { continue }
            var crash = cell.index == failingCell ? crashDetails(of: run, cell: cell) : nil
            var outputs = capture.outputs(storeImage: { store($0, cell: cell, outcome: &outcome) },
                                          stderrFilter: { crash == nil ? $0 : removeCrashReport(from: $0, into: &crash) })
            let status: CellStatus

            if let crash {
                outputs.append(.error(crash))
                if run.timeout != nil {
                    status = .timedOut
                } else {
                    status = cell.options.expectsError ? .expectedError : .error
                }
            } else if let description = capture.caughtError {
                outputs.append(.error(ErrorOutput(kind: .thrown, message: description)))
                status = .expectedError
            } else {
                status = .ok
            }
            let wallSeconds = capture.wallSeconds ?? capture.began.map { Date().timeIntervalSince($0) }
            outcome.cells[cell.index] = CellResult(status: status, wallSeconds: wallSeconds, outputs: outputs)
        }

        guard let failingCell, run.timeout == nil, notebook.cells[failingCell].options.expectsError else {
            return nil
        }
        let remaining = included.filter { $0.index != failingCell }
        // Cells after the failing one must still run, so the program runs again without it.
        return remaining.contains(where: { $0.index > failingCell }) ? remaining : nil
    }

    private func describe(_ termination: ChildProcess.Termination) -> String {
        switch termination {
        case let .exited(status): return "exit status \(status)"
        case let .signaled(signal): return signalName(signal)
        case .stopped: return "stopped after its time limit"
        }
    }

    private func failingCellIndex(of run: ProgramRun) -> Int? {
        if let timeout = run.timeout {
            return timeout.cell
        }
        if case .exited(0) = run.termination, run.lastBegunCell.map({ run.captures[$0]?.ended == true }) ?? true {
            return nil
        }
        guard let last = run.lastBegunCell, run.captures[last]?.ended != true else {
            return nil
        }
        return last
    }

    /// Describes why the program stopped in `cell`, taking the location from a Swift fatal error line.
    private func crashDetails(of run: ProgramRun, cell: Cell) -> ErrorOutput {
        if let timeout = run.timeout {
            return ErrorOutput(kind: .timeout, message: Message.cellTimedOut(seconds: timeout.elapsed, limit: timeout.limit,
                                                                             source: timeout.source).text())
        }
        switch run.termination {
        case let .signaled(signal):
            return ErrorOutput(kind: .crash, message: Message.cellCrashed(signal: signalName(signal)).text())
        case .exited where run.cellsReachingEnd.contains(cell.index):
            return ErrorOutput(kind: .internalFailure, message: Message.eventChannelLost.text())
        case let .exited(status):
            return ErrorOutput(kind: .exit, message: Message.cellExitedEarly(status: status).text())
        case .stopped:
            return ErrorOutput(kind: .timeout, message: Message.cellCrashed(signal: "SIGKILL").text())
        }
    }

    /// Removes the Swift runtime's fatal error report from stderr text and moves its message and
    /// notebook line into `crash`.
    private func removeCrashReport(from text: String, into crash: inout ErrorOutput?) -> String {
        guard var details = crash, details.kind == .crash else { return text }
        var kept: [Substring] = []
        var inStackTrace = false
        let basename = URL(fileURLWithPath: notebook.path).lastPathComponent

        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "Current stack trace:" {
                inStackTrace = true
                continue
            }
            if inStackTrace, line.first?.isNumber == true {
                continue
            }
            inStackTrace = false

            guard let range = line.range(of: ": Fatal error: ") else {
                kept.append(line)
                continue
            }
            let place = line[..<range.lowerBound]
            var message = String(line[range.upperBound...])
            if message.hasPrefix("Error raised at top level: ") {
                message = "uncaught error: " + message.dropFirst("Error raised at top level: ".count)
            }
            details.message = message + "; " + details.message
            // Swift names the place `<module>/<file name>:<line>`, and the file name is the notebook's.
            if let colon = place.lastIndex(of: ":"), let lineNumber = Int(place[place.index(after: colon)...]),
               place[..<colon].hasSuffix(basename) {
                details.location = "\(notebook.path):\(lineNumber)"
                details.sourceLine = notebook.source.line(lineNumber)
            }
        }
        crash = details
        return kept.joined(separator: "\n")
    }

    /// Names an image by the SHA-256 of its bytes and remembers where its file is.
    private func store(_ image: DisplayedImage, cell: Cell, outcome: inout Outcome) -> StoredImage? {
        guard let data = FileManager.default.contents(atPath: image.path) else { return nil }
        let file = "figures/\(SHA256.hex(of: data).prefix(20)).png"
        outcome.figureSources[file] = image.path
        return StoredImage(file: file, alt: image.alt, caption: image.caption ?? cell.options.figureCaption)
    }
}
