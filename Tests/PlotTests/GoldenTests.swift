import Testing
import Plot

// Whole-figure comparisons with stored images. Regenerate them with
// `PLOT_UPDATE_GOLDEN=1 swift test -c release --filter GoldenTests` after an intended change,
// look at the new PNGs in Tests/PlotTests/Golden, and commit them.

@Test func goldenTrainingCurves() throws {
    let epochs = Array(1...10)
    let loss = epochs.map { 1 / Double($0) + 0.05 }
    let validation = epochs.map { 1 / Double($0) + 0.004 * Double($0 * $0) / 4 + 0.1 }
    let figure = Figure(width: 5, height: 3.5, dpi: 80)
    let axes = figure.addAxes()
    axes.plot(epochs, loss, style: "bo", label: "训练损失")
    axes.plot(epochs, validation, style: "b", label: "验证损失")
    axes.title = "训练损失和验证损失"
    axes.xLabel = "轮次"
    axes.yLabel = "损失"
    axes.legend()
    let failure = try Golden.compare(figure, name: "training-curves")
    #expect(failure == nil, "\(failure ?? "")")
}

@Test func goldenConfusionMatrix() throws {
    let matrix = [[50, 2, 3], [4, 41, 9], [1, 7, 44]]
    let figure = Figure(width: 4.5, height: 3.6, dpi: 80)
    let axes = figure.addAxes()
    axes.heatmap(matrix, colormap: .magma, columnLabels: ["猫", "狗", "鸟"], rowLabels: ["猫", "狗", "鸟"], annotate: true)
    axes.colorbar(label: "样本数")
    axes.xLabel = "预测"
    axes.yLabel = "真实"
    let failure = try Golden.compare(figure, name: "confusion-matrix")
    #expect(failure == nil, "\(failure ?? "")")
}

@Test func goldenImageGridWithOverlay() throws {
    let size = 32
    let image = RasterImage(gray: (0..<size * size).map { Double(($0 % size) ^ ($0 / size)) }, width: size, height: size)
    let heatmap = RasterImage(matrix: [[0.0, 0.2, 0], [0.1, 1, 0.3], [0, 0.4, 0.1]])
    let tiles = [image, heatmap, image.overlaying(heatmap: heatmap, alpha: 0.5)]
    let figure = Figure.imageGrid(tiles, columns: 3, titles: ["原图", "热力图", "叠加"], colormap: .viridis, title: "图像网格", dpi: 80)
    let failure = try Golden.compare(figure, name: "image-grid")
    #expect(failure == nil, "\(failure ?? "")")
}
