/// A number the plotting calls accept: `Double`, `Float` or `Int`, so arrays and ranges of any of
/// them plot without conversions at the call site.
public protocol PlotValue {
    var plotValue: Double { get }
}

extension Double: PlotValue {
    public var plotValue: Double { self }
}

extension Float: PlotValue {
    public var plotValue: Double { Double(self) }
}

extension Int: PlotValue {
    public var plotValue: Double { Double(self) }
}

extension UInt8: PlotValue {
    public var plotValue: Double { Double(self) }
}

extension Sequence where Element: PlotValue {
    var plotValues: [Double] { map(\.plotValue) }
}
