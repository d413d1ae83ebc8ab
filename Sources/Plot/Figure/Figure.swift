/// The size of a figure.
public enum FigureSize: Sendable, Hashable {
    case inches(width: Double, height: Double)
    /// Typographic points, 72 to the inch.
    case points(width: Double, height: Double)

    var inPoints: (width: Double, height: Double) {
        switch self {
        case .inches(let width, let height): return (width * 72, height * 72)
        case .points(let width, let height): return (width, height)
        }
    }
}

/// A whole picture: a grid of axes, an optional overall title, and the output formats.
///
/// Sizes are in inches or points. `dpi` only sets how many pixels a PNG gets per inch, so a
/// figure keeps its proportions and text sizes at any density.
public final class Figure {
    public var size: FigureSize
    /// Pixels per inch of PNG output; SVG output is resolution-independent.
    public var dpi: Double
    /// A title over the whole figure (matplotlib's `suptitle`).
    public var title: String?
    public var titleFontSize: Double = 12
    public var backgroundColor: Color = .white
    /// Space in points around the figure's edge and between grid cells.
    public var padding = Theme.figurePad

    /// Every axes, row by row.
    public private(set) var axes: [Axes] = []
    private(set) var rows = 0
    private(set) var columns = 0

    public init(size: FigureSize = .inches(width: 6.4, height: 4.8), dpi: Double = 100) {
        precondition(size.inPoints.width > 0 && size.inPoints.height > 0, "Figure needs a positive size, got \(size)")
        precondition(dpi > 0, "Figure needs a positive dpi, got \(dpi)")
        self.size = size
        self.dpi = dpi
    }

    /// Creates a figure `width` × `height` inches.
    public convenience init(width: Double, height: Double, dpi: Double = 100) {
        self.init(size: .inches(width: width, height: height), dpi: dpi)
    }

    /// Adds one axes that fills the figure, replacing any earlier axes.
    public func addAxes() -> Axes {
        subplots(rows: 1, columns: 1)[0]
    }

    /// Adds a `rows` × `columns` grid of axes, replacing any earlier axes, and returns it row by row.
    ///
    /// With `sharedX` every axes gets the same x limits and only the bottom row keeps x tick
    /// labels. `sharedY` does the same for y and the left column.
    public func subplots(rows: Int, columns: Int, sharedX: Bool = false, sharedY: Bool = false) -> [Axes] {
        precondition(rows > 0 && columns > 0, "subplots needs at least one row and column, got \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        axes = (0..<rows * columns).map { _ in Axes() }
        if sharedX {
            let group = SharedAxisGroup()
            group.members = axes
            for (index, member) in axes.enumerated() {
                member.sharedXGroup = group
                member.hidesXTickLabels = index / columns < rows - 1
            }
        }
        if sharedY {
            let group = SharedAxisGroup()
            group.members = axes
            for (index, member) in axes.enumerated() {
                member.sharedYGroup = group
                member.hidesYTickLabels = index % columns > 0
            }
        }
        return axes
    }

    /// Creates a figure with a grid of axes, as matplotlib's `plt.subplots` does.
    public static func subplots(
        rows: Int, columns: Int,
        size: FigureSize = .inches(width: 6.4, height: 4.8), dpi: Double = 100,
        sharedX: Bool = false, sharedY: Bool = false
    ) -> (Figure, [Axes]) {
        let figure = Figure(size: size, dpi: dpi)
        let axes = figure.subplots(rows: rows, columns: columns, sharedX: sharedX, sharedY: sharedY)
        return (figure, axes)
    }

    /// Returns the axes at a grid position.
    public func axes(row: Int, column: Int) -> Axes {
        precondition(row >= 0 && row < rows && column >= 0 && column < columns,
                     "axes(row: \(row), column: \(column)) is outside the \(rows)×\(columns) grid")
        return axes[row * columns + column]
    }

    /// Width and height of PNG output in pixels.
    public var pixelSize: (width: Int, height: Int) {
        let points = size.inPoints
        return (Int((points.width * dpi / 72).rounded()), Int((points.height * dpi / 72).rounded()))
    }
}
