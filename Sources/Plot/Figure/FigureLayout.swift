/// The positions of boxes and text in a rendered figure, in PNG pixels (origin top left), for
/// checking that a layout leaves nothing clipped or overlapping.
public struct FigureLayout: Sendable {
    /// A rectangle in pixels.
    public struct Frame: Sendable, Equatable {
        public var x: Double
        public var y: Double
        public var width: Double
        public var height: Double

        public var maxX: Double { x + width }
        public var maxY: Double { y + height }

        public func overlaps(_ other: Frame) -> Bool {
            x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
        }
    }

    /// A piece of text the figure drew: a title, an axis label, a tick label, a legend row.
    public struct Label: Sendable {
        public var text: String
        public var frame: Frame
    }

    /// Each axes' plotting box, in the order of `Figure.axes`.
    public var plottingBoxes: [Frame]
    public var labels: [Label]
    /// Each legend's box, with the index of its axes.
    public var legends: [(axesIndex: Int, frame: Frame)]
    /// Each colorbar's colour ramp, with the index of its axes.
    public var colorbars: [(axesIndex: Int, frame: Frame)]
}
