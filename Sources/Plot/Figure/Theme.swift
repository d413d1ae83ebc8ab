/// Sizes and colours of the figure furniture, in points; matplotlib's defaults where it has one.
enum Theme {
    static let fontSize = 10.0
    static let titleFontSize = 12.0
    static let tickLength = 3.5
    static let minorTickLength = 2.0
    static let tickPad = 3.5
    static let labelPad = 4.0
    static let titlePad = 6.0
    static let spineWidth = 0.8
    static let tickWidth = 0.8
    static let minorTickWidth = 0.6
    /// Space around the figure's edge and between cells: tight layout's 1.08 font sizes.
    static let figurePad = 1.08 * fontSize
    static let gridColor = Color(hex: "#b0b0b0")
    static let gridWidth = 0.8
    static let textColor = Color(gray: 0.1)
    static let legendFrameColor = Color(gray: 0.8)
    static let legendFrameAlpha = 0.8
    static let colorbarGap = 10.0
}
