import Plot

/// Lets a cell show a Plot figure with `show(figure, alt: …, caption: …)`.
extension Figure: PNGConvertible {}
