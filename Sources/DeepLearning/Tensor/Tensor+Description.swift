import Foundation

extension Tensor: CustomStringConvertible {
    /// The scalars laid out like NumPy prints an array: nested brackets by axis, aligned columns, and
    /// `...` in place of the middle of any axis longer than 6 when the tensor has over 1,000 scalars.
    public var description: String {
        if rank == 0 {
            return Tensor.format([scalar], style: Tensor.numberStyle(for: [scalar]))[0]
        }
        let summarize = scalarCount > 1000
        let visible = Tensor.visibleValues(of: self, summarize: summarize)
        let style = Tensor.numberStyle(for: visible)
        let width = Tensor.format(visible, style: style).map(\.count).max() ?? 1
        var output = ""
        appendDescription(to: &output, axis: 0, offset: 0, summarize: summarize, style: style, width: width)
        return output
    }

    private enum NumberStyle {
        case integral
        case fixed(decimals: Int)
        case scientific
    }

    private static func visibleValues(of tensor: Tensor, summarize: Bool) -> [Float] {
        guard summarize else { return tensor.scalars }
        // Sampling the edges is enough to choose a number style.
        let edge = Swift.min(tensor.scalarCount, 500)
        return Array(tensor.scalars.prefix(edge)) + Array(tensor.scalars.suffix(edge))
    }

    private static func numberStyle(for values: [Float]) -> NumberStyle {
        let finite = values.filter { $0.isFinite }
        let largest = finite.map { Swift.abs($0) }.max() ?? 0
        let smallestNonzero = finite.map { Swift.abs($0) }.filter { $0 > 0 }.min() ?? 1
        if finite.allSatisfy({ $0 == $0.rounded() }) && largest < 1e8 {
            return .integral
        }
        if largest >= 1e8 || smallestNonzero < 1e-4 {
            return .scientific
        }
        // Use as few decimals (up to 4) as show every visible value exactly at that precision.
        for decimals in 1...3 {
            let scale = Float(pow(10.0, Double(decimals)))
            if finite.allSatisfy({ ($0 * scale).rounded() == $0 * scale }) {
                return .fixed(decimals: decimals)
            }
        }
        return .fixed(decimals: 4)
    }

    private static func format(_ values: [Float], style: NumberStyle) -> [String] {
        values.map { value in
            if value.isNaN { return "nan" }
            if value.isInfinite { return value > 0 ? "inf" : "-inf" }
            switch style {
            case .integral: return String(format: "%.0f.", value)
            case .fixed(let decimals): return String(format: "%.\(decimals)f", value)
            case .scientific: return String(format: "%.4e", value)
            }
        }
    }

    private func appendDescription(
        to output: inout String, axis: Int, offset: Int, summarize: Bool, style: NumberStyle, width: Int
    ) {
        let length = shape[axis]
        let stride = shape[(axis + 1)...].reduce(1, *)
        let indices: [Int?] = summarize && length > 6
            ? Array(0..<3).map { $0 } + [nil] + Array((length - 3)..<length).map { $0 }
            : Array(0..<length).map { $0 }

        output += "["
        for (position, index) in indices.enumerated() {
            if position > 0 {
                if axis == rank - 1 {
                    output += " "
                } else {
                    output += String(repeating: "\n", count: rank - axis - 1)
                    output += String(repeating: " ", count: axis + 1)
                }
            }
            guard let index else {
                output += "..."
                continue
            }
            if axis == rank - 1 {
                let text = Tensor.format([storage.pointer[offset + index]], style: style)[0]
                output += String(repeating: " ", count: Swift.max(0, width - text.count)) + text
            } else {
                appendDescription(
                    to: &output, axis: axis + 1, offset: offset + index * stride,
                    summarize: summarize, style: style, width: width)
            }
        }
        output += "]"
    }
}
