import NotebookEvents

/// Shows Markdown text under the current cell.
///
/// The page renders it with the same Markdown dialect as the notebook prose. Raw HTML inside
/// it is omitted, so any string is safe to pass.
public func display(markdown: String) {
    let session = NotebookSession.shared
    guard session.isAttached else {
        print(markdown)
        return
    }
    session.send(.markdown(markdown))
}

/// Shows a table of strings under the current cell.
///
/// Rows shorter than the header are padded with empty cells on the page.
public func display(table rows: [[String]], header: [String]) {
    let session = NotebookSession.shared
    guard session.isAttached else {
        printPlainTable(header: header, rows: rows)
        return
    }
    let table = DisplayedTable(header: header, rows: rows)
    session.send(.table(table))
}

/// Shows a table of values under the current cell, each written with `description`.
///
///     display(table: [["T恤", 0.91], ["裤子", 0.97]], header: ["类别", "准确率"])
public func display(table rows: [[any CustomStringConvertible]], header: [String]) {
    let strings = rows.map { row in row.map { $0.description } }
    display(table: strings, header: header)
}

private func printPlainTable(header: [String], rows: [[String]]) {
    print(header.joined(separator: "\t"))
    for row in rows {
        print(row.joined(separator: "\t"))
    }
}
