extension FigureRenderer {
    func draw(_ axes: Axes, plan: AxesPlan, index: Int) throws {
        let box = plan.box
        let transform = DataTransform(
            box: box, x: plan.xLimits, y: plan.yLimits, xScale: axes.xScale, yScale: axes.yScale, invertsY: axes.invertsY)

        if axes.showsGrid {
            drawGrid(plan: plan, transform: transform)
        }

        context.save()
        context.clip(to: box)
        for artist in axes.artists {
            try drawArtist(artist, transform: transform)
        }
        context.restore()

        if axes.showsAxes {
            drawSpines(box)
            try drawTicks(axes, plan: plan, transform: transform)
        }
        try drawAxisLabels(axes, plan: plan)

        if let options = axes.legend {
            try drawLegend(axes, options: options, transform: transform, index: index)
        }
        if let colorbarBox = plan.colorbarBox, let mapping = axes.lastColorMapping {
            try drawColorbar(in: colorbarBox, mapping: mapping, ticks: plan.colorbarTicks, label: axes.colorbar?.label)
        }
    }

    private func drawGrid(plan: AxesPlan, transform: DataTransform) {
        let box = plan.box
        context.save()
        context.setColor(Theme.gridColor)
        context.setLineWidth(Theme.gridWidth)
        for position in plan.xTicks.positions {
            let x = snapped(transform.horizontal(position), width: Theme.gridWidth)
            context.move(to: Point(x: x, y: box.minY))
            context.line(to: Point(x: x, y: box.maxY))
        }
        for position in plan.yTicks.positions {
            let y = snapped(transform.vertical(position), width: Theme.gridWidth)
            context.move(to: Point(x: box.minX, y: y))
            context.line(to: Point(x: box.maxX, y: y))
        }
        context.stroke()
        context.restore()
    }

    func drawSpines(_ box: Rect) {
        let width = Theme.spineWidth
        let left = snapped(box.minX, width: width)
        let right = snapped(box.maxX, width: width)
        let top = snapped(box.minY, width: width)
        let bottom = snapped(box.maxY, width: width)
        context.setColor(.black)
        context.setLineWidth(width)
        context.setLineJoin(round: false)
        context.newPath()
        context.move(to: Point(x: left, y: top))
        context.line(to: Point(x: right, y: top))
        context.line(to: Point(x: right, y: bottom))
        context.line(to: Point(x: left, y: bottom))
        context.closePath()
        context.stroke()
    }

    private func drawTicks(_ axes: Axes, plan: AxesPlan, transform: DataTransform) throws {
        let box = plan.box
        context.setColor(.black)

        context.setLineWidth(Theme.minorTickWidth)
        for position in plan.xTicks.minor {
            let x = snapped(transform.horizontal(position), width: Theme.minorTickWidth)
            context.move(to: Point(x: x, y: box.maxY))
            context.line(to: Point(x: x, y: box.maxY + Theme.minorTickLength))
        }
        for position in plan.yTicks.minor {
            let y = snapped(transform.vertical(position), width: Theme.minorTickWidth)
            context.move(to: Point(x: box.minX, y: y))
            context.line(to: Point(x: box.minX - Theme.minorTickLength, y: y))
        }
        context.stroke()

        context.setLineWidth(Theme.tickWidth)
        for position in plan.xTicks.positions {
            let x = snapped(transform.horizontal(position), width: Theme.tickWidth)
            context.move(to: Point(x: x, y: box.maxY))
            context.line(to: Point(x: x, y: box.maxY + Theme.tickLength))
        }
        for position in plan.yTicks.positions {
            let y = snapped(transform.vertical(position), width: Theme.tickWidth)
            context.move(to: Point(x: box.minX, y: y))
            context.line(to: Point(x: box.minX - Theme.tickLength, y: y))
        }
        context.stroke()

        let offset = Theme.tickLength + Theme.tickPad
        for (index, position) in plan.xTicks.positions.enumerated() {
            let anchor = Point(x: transform.horizontal(position), y: box.maxY + offset)
            try drawLabel(plan.xTicks.blocks[index], text: plan.xTicks.labels[index], at: anchor, horizontal: .center, vertical: .top)
        }
        for (index, position) in plan.yTicks.positions.enumerated() {
            let anchor = Point(x: box.minX - offset, y: transform.vertical(position))
            try drawLabel(plan.yTicks.blocks[index], text: plan.yTicks.labels[index], at: anchor, horizontal: .right, vertical: .center)
        }
    }

    private func drawAxisLabels(_ axes: Axes, plan: AxesPlan) throws {
        let box = plan.box
        let tickSpace = axes.showsAxes ? Theme.tickLength + Theme.tickPad : 0
        if let label = axes.xLabel {
            let block = try typesetter.layout(label, size: Theme.fontSize)
            let y = box.maxY + tickSpace + (axes.showsAxes ? plan.xTicks.maxLabelHeight : 0) + Theme.labelPad
            try drawLabel(block, text: label, at: Point(x: box.center.x, y: y), horizontal: .center, vertical: .top)
        }
        if let label = axes.yLabel {
            let block = try typesetter.layout(label, size: Theme.fontSize)
            let x = box.minX - tickSpace - (axes.showsAxes ? plan.yTicks.maxLabelWidth : 0) - Theme.labelPad
            try drawLabel(block, text: label, at: Point(x: x, y: box.center.y), horizontal: .center, vertical: .bottom, rotated: true)
        }
        if let title = axes.title {
            let block = try typesetter.layout(title, size: axes.titleFontSize)
            try drawLabel(block, text: title, at: Point(x: box.center.x, y: box.minY - Theme.titlePad), horizontal: .center, vertical: .bottom)
        }
    }

    private func drawColorbar(in box: Rect, mapping: ColorMapping, ticks: TickSet, label: String?) throws {
        let steps = mapping.colormap.colors.count
        let values = (0..<steps).map { Float(steps - 1 - $0) }
        let ramp = RasterImage(gray: values, width: 1, height: steps)
        let pixels = RGBAPixels(ramp, mapping: ColorMapping(colormap: mapping.colormap, valueRange: 0...Double(steps - 1)))
        try context.drawPixels(pixels, in: box, smooth: false, alpha: 1)
        drawSpines(box)

        let transform = DataTransform(
            box: box, x: 0...1, y: mapping.valueRange, xScale: .linear, yScale: .linear, invertsY: false)
        context.setColor(.black)
        context.setLineWidth(Theme.tickWidth)
        for position in ticks.positions {
            let y = snapped(transform.vertical(position), width: Theme.tickWidth)
            context.move(to: Point(x: box.maxX, y: y))
            context.line(to: Point(x: box.maxX + Theme.tickLength, y: y))
        }
        context.stroke()
        let x = box.maxX + Theme.tickLength + Theme.tickPad
        for (index, position) in ticks.positions.enumerated() {
            try drawLabel(ticks.blocks[index], text: ticks.labels[index], at: Point(x: x, y: transform.vertical(position)),
                          horizontal: .left, vertical: .center)
        }
        if let label {
            let block = try typesetter.layout(label, size: Theme.fontSize)
            let labelX = x + ticks.maxLabelWidth + Theme.labelPad
            try drawLabel(block, text: label, at: Point(x: labelX, y: box.center.y), horizontal: .center, vertical: .top, rotated: true)
        }
    }
}
