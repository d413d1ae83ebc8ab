import Testing
import Plot

/// Creates a 2×2 grid with long labels everywhere, the case tight layout exists for.
func crowdedFigure() -> Figure {
    let (figure, axes) = Figure.subplots(rows: 2, columns: 2, size: .inches(width: 6, height: 4.5))
    figure.title = "一张很挤的图：四个子图"
    for (index, panel) in axes.enumerated() {
        panel.plot([0, 1, 2, 3], [100_000, 250_000, 180_000, 320_000].map { $0 * Double(index + 1) }, label: "序列")
        panel.title = "子图 \(index + 1)：验证损失"
        panel.xLabel = "训练轮次（epochs）"
        panel.yLabel = "样本数量"
        panel.legend()
    }
    return figure
}

@Test func layoutKeepsLabelsInsideFigure() throws {
    let figure = crowdedFigure()
    let layout = try figure.layout()
    let size = figure.pixelSize
    for label in layout.labels {
        let inside = label.frame.x >= 0 && label.frame.y >= 0
            && label.frame.maxX <= Double(size.width) && label.frame.maxY <= Double(size.height)
        #expect(inside, "\"\(label.text)\" at \(label.frame) is clipped by the \(size.width)×\(size.height) figure")
    }
}

@Test func layoutLabelsDoNotOverlap() throws {
    let layout = try crowdedFigure().layout()
    let labels = layout.labels.filter { !$0.text.isEmpty && $0.text != "序列" }
    for (index, first) in labels.enumerated() {
        for second in labels[(index + 1)...] {
            #expect(!first.frame.overlaps(second.frame), "\"\(first.text)\" \(first.frame) overlaps \"\(second.text)\" \(second.frame)")
        }
    }
}

@Test func layoutLabelsStayOutOfBoxes() throws {
    let layout = try crowdedFigure().layout()
    let boxes = layout.plottingBoxes
    for label in layout.labels where label.text != "序列" {
        for box in boxes {
            #expect(!label.frame.overlaps(box), "\"\(label.text)\" \(label.frame) overlaps a plotting box \(box)")
        }
    }
}

@Test func layoutSharedXAlignsBoxes() throws {
    let (figure, axes) = Figure.subplots(rows: 2, columns: 1, sharedX: true)
    axes[0].plot([0, 10], [0, 1])
    axes[1].plot([0, 5], [0, 1_000_000])
    let boxes = try figure.layout().plottingBoxes
    #expect(boxes[0].x == boxes[1].x, "left edges \(boxes[0].x) and \(boxes[1].x)")
    #expect(boxes[0].width == boxes[1].width, "widths \(boxes[0].width) and \(boxes[1].width)")
}

@Test func layoutSharedXHidesUpperTickLabels() throws {
    let (figure, axes) = Figure.subplots(rows: 2, columns: 1, sharedX: true)
    axes[0].plot([0, 10], [0, 1])
    axes[1].plot([0, 5], [0, 1])
    let layout = try figure.layout()
    let upperBox = layout.plottingBoxes[0]
    let lowerBox = layout.plottingBoxes[1]
    let betweenBoxes = layout.labels.filter { $0.frame.y > upperBox.maxY && $0.frame.maxY < lowerBox.y && $0.text == "10" }
    #expect(betweenBoxes.isEmpty, "x tick labels under the upper axes: \(betweenBoxes.map(\.text))")
}

@Test func legendBestAvoidsData() throws {
    let figure = Figure(width: 5, height: 4)
    let axes = figure.addAxes()
    let xs = Array(stride(from: 0.0, through: 10, by: 0.25))
    axes.plot(xs, xs, style: "o", label: "对角线")
    axes.legend()
    let layout = try figure.layout()
    let legend = try #require(layout.legends.first?.frame)
    let box = layout.plottingBoxes[0]
    let legendCenterX = legend.x + legend.width / 2
    let legendCenterY = legend.y + legend.height / 2
    #expect(legendCenterX < box.x + box.width / 2, "legend centre x \(legendCenterX), box centre \(box.x + box.width / 2)")
    #expect(legendCenterY < box.y + box.height / 2, "legend centre y \(legendCenterY), box centre \(box.y + box.height / 2)")
}

@Test func legendFixedLocationHonoured() throws {
    let figure = Figure(width: 5, height: 4)
    let axes = figure.addAxes()
    axes.plot([0, 1], [0, 1], label: "a")
    axes.legend(location: .lowerRight)
    let layout = try figure.layout()
    let legend = try #require(layout.legends.first?.frame)
    let box = layout.plottingBoxes[0]
    #expect(legend.maxX > box.x + box.width * 0.9, "legend right edge \(legend.maxX), box \(box)")
    #expect(legend.maxY > box.y + box.height * 0.9, "legend bottom edge \(legend.maxY), box \(box)")
}

@Test func ticksOnLongAxisLabelsDoNotTouch() throws {
    let figure = Figure(width: 3, height: 2)
    let axes = figure.addAxes()
    axes.plot([0.000123, 0.000987], [0, 1])
    let layout = try figure.layout()
    let box = layout.plottingBoxes[0]
    let xTickLabels = layout.labels.filter { $0.frame.y > box.maxY && !$0.text.isEmpty }.sorted { $0.frame.x < $1.frame.x }
    #expect(xTickLabels.count >= 2, "got \(xTickLabels.map(\.text))")
    for (left, right) in zip(xTickLabels, xTickLabels.dropFirst()) {
        #expect(left.frame.maxX < right.frame.x, "\"\(left.text)\" touches \"\(right.text)\"")
    }
}
