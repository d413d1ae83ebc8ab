/// The `//| key: value` options at the top of a `swift` cell, following Quarto's names.
public struct CellOptions: Codable, Equatable, Sendable {
    /// A name for the cell, unique in the notebook.
    public var label: String?
    /// Whether the cell runs; `false` shows the code without running it.
    public var eval = true
    /// Whether the page shows the code.
    public var echo = true
    /// Whether the page shows the outputs.
    public var output = true
    /// Whether the cell is expected to fail (option `error`); the page then shows the failure as expected.
    public var expectsError = false
    /// Time limit in seconds for this cell.
    public var timeout: Double?
    /// Caption for figures the cell shows without a caption of their own (option `fig-cap`).
    public var figureCaption: String?

    public init() {}

    static let knownKeys = ["label", "eval", "echo", "output", "error", "timeout", "fig-cap"]

    /// The options in a canonical text form, for cache keys.
    var canonicalText: String {
        [
            "label=\(label ?? "")", "eval=\(eval)", "echo=\(echo)", "output=\(output)",
            "error=\(expectsError)", "timeout=\(timeout.map { "\($0)" } ?? "")", "fig-cap=\(figureCaption ?? "")",
        ].joined(separator: "\n")
    }

    /// Applies one option; returns the problem with its value, if any.
    mutating func apply(key: String, value: String) -> Message? {
        switch key {
        case "label", "fig-cap":
            guard !value.isEmpty else { return .cellOptionEmptyValue(key) }
            if key == "label" { label = value } else { figureCaption = value }
        case "eval", "echo", "output", "error":
            guard let flag = Self.boolean(value) else { return .cellOptionBadBoolean(key: key, value: value) }
            switch key {
            case "eval": eval = flag
            case "echo": echo = flag
            case "output": output = flag
            default: expectsError = flag
            }
        case "timeout":
            guard let seconds = Double(value), seconds > 0, seconds.isFinite else { return .cellOptionBadTimeout(value) }
            timeout = seconds
        default:
            return .cellOptionUnknown(key)
        }
        return nil
    }

    private static func boolean(_ value: String) -> Bool? {
        switch value {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }
}

/// One executable `swift` cell of a notebook.
public struct Cell: Sendable {
    /// Zero-based position among the notebook's `swift` cells.
    public var index: Int
    public var options: CellOptions
    /// The code without the option lines.
    public var code: String
    /// Notebook line of the opening fence.
    public var fenceLine: Int
    /// Notebook line of the first code line after the options; `#sourceLocation` points here.
    public var firstCodeLine: Int

    /// Number of code lines.
    public var lineCount: Int {
        code.isEmpty ? 0 : code.split(separator: "\n", omittingEmptySubsequences: false).count
    }

    /// The label if the cell has one, else its one-based number, for messages.
    public var displayName: String {
        options.label ?? "\(index + 1)"
    }
}
