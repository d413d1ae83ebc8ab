/// Whether an axis maps data linearly or by powers of ten.
public enum AxisScale: Sendable, Hashable {
    case linear
    /// Base-10 logarithmic; data at or below zero is left out.
    case log
}

/// The relation between data units on x and y in an axes' plotting box.
public enum Aspect: Sendable, Hashable {
    /// The box fills its cell; units on x and y may differ.
    case auto
    /// One unit on x is as long as one unit on y, as images need; the box shrinks to fit.
    case equal
}

/// One plotting area of a figure: data, axis decorations and a legend.
///
/// Set properties and call the plotting methods in any order; nothing is drawn until the figure
/// renders.
public final class Axes {
    /// The title above the plotting box.
    public var title: String?
    public var titleFontSize = Theme.titleFontSize
    /// The label under the x axis.
    public var xLabel: String?
    /// The label left of the y axis, read bottom to top.
    public var yLabel: String?
    public var xScale: AxisScale = .linear
    public var yScale: AxisScale = .linear
    /// Fixed x range; `nil` fits the data with a 5% margin.
    public var xLimits: ClosedRange<Double>?
    /// Fixed y range; `nil` fits the data with a 5% margin.
    public var yLimits: ClosedRange<Double>?
    /// Light grid lines at the major ticks.
    public var showsGrid = false
    /// When `false` the spines, ticks and tick labels disappear, as for image tiles.
    public var showsAxes = true
    public var aspect: Aspect = .auto
    /// Draws y growing downwards, as image rows do.
    public var invertsY = false

    var artists: [Artist] = []
    var legend: LegendOptions?
    var colorbar: ColorbarOptions?
    var xTickOverride: (positions: [Double], labels: [String]?)?
    var yTickOverride: (positions: [Double], labels: [String]?)?
    var hidesXTickLabels = false
    var hidesYTickLabels = false
    var sharedXGroup: SharedAxisGroup?
    var sharedYGroup: SharedAxisGroup?
    private var nextLineColorIndex = 0
    private var nextPatchColorIndex = 0

    init() {}

    /// Places the x ticks at `positions`, labelled with `labels` (formatted numbers when `nil`).
    public func setXTicks(_ positions: [Double], labels: [String]? = nil) {
        precondition(labels == nil || labels!.count == positions.count,
                     "setXTicks got \(positions.count) positions but \(labels!.count) labels")
        xTickOverride = (positions, labels)
    }

    /// Places the y ticks at `positions`, labelled with `labels` (formatted numbers when `nil`).
    public func setYTicks(_ positions: [Double], labels: [String]? = nil) {
        precondition(labels == nil || labels!.count == positions.count,
                     "setYTicks got \(positions.count) positions but \(labels!.count) labels")
        yTickOverride = (positions, labels)
    }

    /// Returns the next line colour of the default cycle, taken by each `plot` without a colour.
    func nextLineColor() -> Color {
        defer { nextLineColorIndex += 1 }
        return Color.tab10[nextLineColorIndex % Color.tab10.count]
    }

    /// Returns the next fill colour of the default cycle, taken by scatter points, bars and bands.
    /// Lines and fills cycle separately, as in matplotlib, so a band under a line can share
    /// the line's colour without naming it.
    func nextPatchColor() -> Color {
        defer { nextPatchColorIndex += 1 }
        return Color.tab10[nextPatchColorIndex % Color.tab10.count]
    }
}

/// Axes whose x (or y) limits are the union of all members' data.
final class SharedAxisGroup {
    var members: [Axes] = []
}

struct LegendOptions {
    var location: LegendLocation
    var fontSize: Double
}

struct ColorbarOptions {
    var label: String?
}
