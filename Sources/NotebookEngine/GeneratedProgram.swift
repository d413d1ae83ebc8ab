/// The `main.swift` that runs a notebook's cells in order, with a map back to the cells.
///
/// Each cell's code sits between `#sourceLocation` lines pointing at its first code line, so
/// compiler errors and runtime traps name the notebook's own file and line. A cell marked
/// `error: true` is wrapped in `do`/`catch` so that a thrown error is reported and the program
/// goes on. The price is that its declarations are local to that block and invisible to later cells.
struct GeneratedProgram {
    var source: String
    /// Indices of the cells in the program, in order.
    var cellIndices: [Int]
    /// For each generated line (one-based) that belongs to a cell, that cell's index.
    var cellForGeneratedLine: [Int: Int]

    init(notebook: Notebook, cells: [Cell]) {
        var lines = ["import NotebookRuntime", ""]
        var cellForLine: [Int: Int] = [:]
        let file = swiftStringLiteral(notebook.path)

        for cell in cells {
            let firstLine = lines.count + 1
            lines.append("_NotebookCell.begin(\(cell.index))")
            if cell.options.expectsError {
                lines.append("do {")
            }
            lines.append("#sourceLocation(file: \(file), line: \(cell.firstCodeLine))")
            lines.append(contentsOf: cell.code.isEmpty ? [] : cell.code.components(separatedBy: "\n"))
            lines.append("#sourceLocation()")
            if cell.options.expectsError {
                lines.append("} catch {")
                lines.append("    _NotebookCell.caught(error, cell: \(cell.index))")
                lines.append("}")
            }
            lines.append("_NotebookCell.end(\(cell.index))")
            lines.append("")
            for line in firstLine...lines.count {
                cellForLine[line] = cell.index
            }
        }

        source = lines.joined(separator: "\n") + "\n"
        cellIndices = cells.map(\.index)
        cellForGeneratedLine = cellForLine
    }
}

/// Returns `text` as a Swift string literal.
func swiftStringLiteral(_ text: String) -> String {
    var literal = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": literal += "\\\""
        case "\\": literal += "\\\\"
        case "\n": literal += "\\n"
        case "\r": literal += "\\r"
        case "\t": literal += "\\t"
        default:
            if scalar.value < 0x20 {
                literal += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                literal.unicodeScalars.append(scalar)
            }
        }
    }
    return literal + "\""
}
