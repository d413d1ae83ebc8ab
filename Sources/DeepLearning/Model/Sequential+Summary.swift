import Foundation

extension Sequential {
    /// Prints the layer table Keras prints: each layer's name and type, output shape and weight
    /// count, then total, trainable and non-trainable counts.
    public func summary() {
        print(summaryText())
    }

    /// The text printed by ``summary()``.
    public func summaryText() -> String {
        let shapes: [[Int]]
        do {
            shapes = try outputShapes()
        } catch {
            return "Model: \"\(name)\" cannot be built: \(error)"
        }
        let rows = layers.enumerated().map { index, layer -> [String] in
            let shape = index < shapes.count ? ShapeError.format(shapes[index]) : "?"
            return ["\(layer.name) (\(layer.typeName))", shape, grouped(layer.parameterCount)]
        }
        let headers = ["Layer (type)", "Output Shape", "Param #"]
        var widths = headers.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = Swift.max(widths[column], cell.count) }
        }
        widths = widths.map { $0 + 2 }

        func line(_ left: String, _ fill: String, _ middle: String, _ right: String) -> String {
            left + widths.map { String(repeating: fill, count: $0 + 2) }.joined(separator: middle) + right
        }
        func cells(_ values: [String], _ border: String) -> String {
            let padded = values.enumerated().map { column, value in
                let padding = String(repeating: " ", count: widths[column] - value.count)
                return column == values.count - 1 ? " " + padding + value + " " : " " + value + padding + " "
            }
            return border + padded.joined(separator: border) + border
        }

        let total = parameterCount
        let trainable = trainableParameters.reduce(0) { $0 + $1.scalarCount }
        var output = ["Model: \"\(name)\""]
        output.append(line("┏", "━", "┳", "┓"))
        output.append(cells(headers, "┃"))
        output.append(line("┡", "━", "╇", "┩"))
        for (index, row) in rows.enumerated() {
            output.append(cells(row, "│"))
            if index < rows.count - 1 { output.append(line("├", "─", "┼", "┤")) }
        }
        output.append(line("└", "─", "┴", "┘"))
        output.append(" Total params: \(grouped(total)) (\(byteSize(total)))")
        output.append(" Trainable params: \(grouped(trainable)) (\(byteSize(trainable)))")
        output.append(" Non-trainable params: \(grouped(total - trainable)) (\(byteSize(total - trainable)))")
        return output.joined(separator: "\n")
    }

    private func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return result
    }

    /// Formats the memory of `count` Float32 weights as Keras does (1 KB = 1024 bytes).
    private func byteSize(_ count: Int) -> String {
        let bytes = Double(count * 4)
        if bytes < 1024 { return String(format: "%.2f B", bytes) }
        if bytes < 1024 * 1024 { return String(format: "%.2f KB", bytes / 1024) }
        return String(format: "%.2f MB", bytes / (1024 * 1024))
    }
}
