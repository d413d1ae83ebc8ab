import Foundation
import NotebookEngine

/// redbook's version, printed by `redbook --version`.
let redbookVersion = "0.1.0"

let command: RedbookCommand
do {
    command = try RedbookCommand.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    printError(error.description)
    printError(HelpText.text(.general))
    exit(2)
}

installInterruptHandler()

switch command {
case let .help(topic):
    print(HelpText.text(topic))
case .version:
    print("redbook \(redbookVersion)")
case let .render(arguments):
    exit(RenderCommand(arguments: arguments).run())
case let .runCell(arguments):
    exit(CellCommands(arguments: arguments).rerunCell())
case let .diff(arguments):
    exit(CellCommands(arguments: arguments).diff())
}
