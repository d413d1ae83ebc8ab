import Foundation

/// A small numeric table read from a CSV file: a header row of column names, then one row of
/// numbers per sample.
///
/// Fields may be quoted with `"` (a doubled `""` inside quotes is a literal quote). Empty lines are
/// skipped. Every value must parse as a number; anything else is an error naming the row and column.
public struct CSVTable {
    /// The column names from the header row.
    public let columnNames: [String]

    /// The values, `[rows, columns]`.
    public let values: Tensor

    /// The number of data rows.
    public var rowCount: Int { values.shape[0] }

    /// Reads a CSV file. With `hasHeader: false` the columns are named `column0`, `column1`, ...
    public init(contentsOf path: String, separator: Character = ",", hasHeader: Bool = true) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw DataFileError.notFound(path: path, hint: "check the path")
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw DataFileError.unreadable(path: path, reason: error.localizedDescription)
        }
        try self.init(parsing: text, separator: separator, hasHeader: hasHeader, source: path)
    }

    /// Parses CSV text; `source` names it in error messages.
    public init(parsing text: String, separator: Character = ",", hasHeader: Bool = true, source: String = "CSV text") throws {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { String($0) }
            .enumerated()
            .filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }
        guard !lines.isEmpty else {
            throw DataFileError.invalidFormat(path: source, expected: "a header row and data rows", actual: "no rows")
        }
        if hasHeader {
            columnNames = try CSVTable.fields(of: lines.removeFirst().element, separator: separator, line: 1, source: source)
        } else {
            let width = try CSVTable.fields(of: lines[0].element, separator: separator, line: lines[0].offset + 1, source: source).count
            columnNames = (0..<width).map { "column\($0)" }
        }

        var scalars: [Float] = []
        scalars.reserveCapacity(lines.count * columnNames.count)
        for (offset, line) in lines {
            let fields = try CSVTable.fields(of: line, separator: separator, line: offset + 1, source: source)
            guard fields.count == columnNames.count else {
                throw DataFileError.invalidFormat(
                    path: source, expected: "\(columnNames.count) fields on line \(offset + 1)", actual: "\(fields.count)")
            }
            for (column, field) in fields.enumerated() {
                guard let value = Float(field.trimmingCharacters(in: .whitespaces)) else {
                    throw DataFileError.invalidFormat(
                        path: source, expected: "a number in column '\(columnNames[column])' on line \(offset + 1)",
                        actual: "'\(field)'")
                }
                scalars.append(value)
            }
        }
        values = Tensor(shape: [lines.count, columnNames.count], scalars: scalars)
    }

    /// Returns one column as a `[rows]` tensor; throws when there is no column of that name.
    public func column(_ name: String) throws -> Tensor {
        try columns([name]).reshaped(to: [rowCount])
    }

    /// Returns the named columns, in the given order, as a `[rows, names.count]` tensor.
    public func columns(_ names: [String]) throws -> Tensor {
        let indices = try names.map { name -> Int in
            guard let index = columnNames.firstIndex(of: name) else {
                throw TrainingError.invalidArgument(
                    name: "column", value: "'\(name)'", expected: "one of \(columnNames.joined(separator: ", "))")
            }
            return index
        }
        return Tensor(concatenating: indices.map { values.slice($0..<($0 + 1), alongAxis: 1) }, alongAxis: 1)
    }

    /// Splits one line into fields, honoring double quotes.
    static func fields(of line: String, separator: Character, line number: Int, source: String) throws -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var characters = Array(line)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        current.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == separator {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        guard !quoted else {
            throw DataFileError.invalidFormat(path: source, expected: "a closing quote on line \(number)", actual: "end of line")
        }
        fields.append(current)
        return fields
    }
}
