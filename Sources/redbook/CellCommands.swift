import Foundation
import NotebookEngine

/// `redbook run --cell` and `redbook diff`, which work on one notebook with stored outputs.
struct CellCommands {
    var arguments: RenderArguments

    private var notebook: String { arguments.inputs[0] }

    /// Re-runs one cell; returns 0 when it ended as expected, 2 when no cell has the given
    /// number or label, 1 otherwise.
    func rerunCell() -> Int32 {
        guard let renderer = makeRenderer(arguments), let reference = arguments.cell else {
            return 1
        }
        do {
            let result = try renderer.rerunCell(reference, notebookAt: notebook, outputName: arguments.name)
            for warning in result.warnings {
                printError(warning.description)
            }
            for report in result.failureReports {
                printError(report)
            }
            print("\(notebook) -> \(result.pagePath)")
            return result.succeeded ? 0 : 1
        } catch let error as CellReferenceError {
            printError(error.description)
            return 2
        } catch {
            printError("\(error)")
            return 1
        }
    }

    /// Compares fresh outputs with the stored ones; returns 0 when every cell matches, 1 otherwise.
    func diff() -> Int32 {
        guard let renderer = makeRenderer(arguments) else {
            return 1
        }
        do {
            let differences = try renderer.diff(notebookAt: notebook, outputName: arguments.name, tolerance: arguments.tolerance,
                                                pixelTolerance: arguments.pixelTolerance)
            for difference in differences {
                print(difference.description)
            }
            if differences.isEmpty {
                print(Language.current == .chinese ? "\(notebook)：输出与已存的一致" : "\(notebook): outputs match the stored ones")
            }
            return differences.isEmpty ? 0 : 1
        } catch {
            printError("\(error)")
            return 1
        }
    }
}
