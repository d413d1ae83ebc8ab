/// Something drawn inside an axes, in data coordinates.
enum Artist {
    case line(LineArtist)
    case scatter(ScatterArtist)
    case bars(BarArtist)
    case band(BandArtist)
    case referenceLine(ReferenceLineArtist)
    case image(ImageArtist)
    case text(TextArtist)
}

struct LineArtist {
    var x: [Double]
    var y: [Double]
    var color: Color
    var lineStyle: LineStyle
    var lineWidth: Double
    var marker: Marker
    var markerSize: Double
    var alpha: Double
    var label: String?
}

struct ScatterArtist {
    var x: [Double]
    var y: [Double]
    /// One colour for every point, or one per point.
    var colors: [Color]
    var size: Double
    var marker: Marker
    var alpha: Double
    var label: String?
    var mapping: ColorMapping?
}

struct BarArtist {
    struct Bar {
        var x0: Double, x1: Double, y0: Double, y1: Double
    }

    var bars: [Bar]
    var color: Color
    var edgeColor: Color?
    var alpha: Double
    var label: String?
    var horizontal: Bool
}

struct BandArtist {
    var x: [Double]
    var lower: [Double]
    var upper: [Double]
    var color: Color
    var alpha: Double
    var label: String?
}

struct ReferenceLineArtist {
    enum Orientation { case horizontal, vertical }

    var orientation: Orientation
    var value: Double
    var color: Color
    var lineStyle: LineStyle
    var lineWidth: Double
    var label: String?
}

struct ImageArtist {
    var image: RasterImage
    var mapping: ColorMapping?
    /// Data coordinates of the image's left, right, top and bottom edges.
    var left: Double, right: Double, top: Double, bottom: Double
    var interpolation: Interpolation
    var alpha: Double
}

struct TextArtist {
    var text: String
    var x: Double
    var y: Double
    var color: Color
    var size: Double
    var bold: Bool
}
