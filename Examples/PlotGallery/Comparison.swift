import Foundation
import Plot

/// Draws the figures of docs/plot-comparison.md; docs/plot-comparison/matplotlib_figures.py
/// draws the same data with matplotlib, so the two sets can be put side by side.
func drawComparisonFigures(into folder: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let epochs = Array(1...20)
    let loss = epochs.map { 0.62 * exp(-Double($0) / 5) + 0.08 + 0.01 * sin(3 * Double($0)) }
    let validationLoss = epochs.map {
        0.55 * exp(-Double($0) / 3.5) + 0.0009 * pow(Double($0) - 4, 2) + 0.22 + 0.01 * cos(2 * Double($0))
    }

    let curves = Figure(width: 6.4, height: 4.2)
    let curvesAxes = curves.addAxes()
    curvesAxes.plot(epochs, loss, style: "bo", label: "训练损失")
    curvesAxes.plot(epochs, validationLoss, style: "b", label: "验证损失")
    curvesAxes.title = "训练损失和验证损失"
    curvesAxes.xLabel = "轮次"
    curvesAxes.yLabel = "损失"
    curvesAxes.legend()
    try save(curves, "training-curves", folder)

    let mean = epochs.map { 0.9 - 0.35 * exp(-Double($0) / 4) }
    let spread = epochs.map { 0.01 + 0.03 * exp(-Double($0) / 6) }
    let runA = zip(mean, epochs).map { $0 + 0.012 * sin(1.7 * Double($1)) }
    let runB = zip(mean, epochs).map { $0 - 0.012 * cos(1.3 * Double($1)) }
    let band = Figure(width: 6.4, height: 4.2)
    let bandAxes = band.addAxes()
    bandAxes.fillBetween(epochs, zip(mean, spread).map { $0 - 2 * $1 }, zip(mean, spread).map { $0 + 2 * $1 }, label: "±2 个标准差")
    bandAxes.plot(epochs, mean, label: "平均验证精度")
    bandAxes.plot(epochs, runA, lineStyle: .dashed, label: "第一次运行")
    bandAxes.plot(epochs, runB, lineStyle: .dotted, marker: .square, markerSize: 4, label: "第二次运行")
    bandAxes.horizontalLine(at: 0.85, color: .gray, label: "基线 0.85")
    bandAxes.xLabel = "轮次"
    bandAxes.yLabel = "验证精度"
    bandAxes.showsGrid = true
    bandAxes.legend()
    try save(band, "band-and-styles", folder)

    let confusion = comparisonConfusionMatrix()
    let classes = ["T恤", "裤子", "套头衫", "连衣裙", "外套", "凉鞋", "衬衫", "运动鞋", "包", "短靴"]
    let matrix = Figure(width: 7.5, height: 6.4)
    let matrixAxes = matrix.addAxes()
    matrixAxes.heatmap(confusion, colormap: .viridis, columnLabels: classes, rowLabels: classes, annotate: true, fontSize: 8)
    matrixAxes.colorbar(label: "样本数")
    matrixAxes.title = "混淆矩阵"
    matrixAxes.xLabel = "预测类别"
    matrixAxes.yLabel = "真实类别"
    try save(matrix, "confusion-matrix", folder)

    let (photo, cam) = comparisonPhotoAndHeatmap()
    let (overlay, overlayAxes) = Figure.subplots(rows: 1, columns: 3, size: .inches(width: 10, height: 3.8))
    overlayAxes[0].imshow(photo)
    overlayAxes[0].title = "原图"
    overlayAxes[1].imshow(cam, colormap: .jet)
    overlayAxes[1].title = "7×7 类激活热力图"
    overlayAxes[2].overlay(heatmap: cam, on: photo, colormap: .jet, alpha: 0.4)
    overlayAxes[2].title = "叠加结果"
    for axes in overlayAxes { axes.showsAxes = false }
    try save(overlay, "grad-cam", folder)
}

private func save(_ figure: Figure, _ name: String, _ folder: String) throws {
    let start = Date()
    try figure.writePNG(to: "\(folder)/\(name)-redbook.png")
    print(String(format: "%@-redbook.png  %.1f ms", name, Date().timeIntervalSince(start) * 1000))
}

/// Returns a deterministic 10×10 confusion matrix shaped like a Fashion-MNIST classifier's.
func comparisonConfusionMatrix() -> [[Int]] {
    [
        [812, 4, 21, 38, 5, 1, 108, 0, 11, 0],
        [3, 962, 2, 24, 4, 0, 4, 0, 1, 0],
        [15, 1, 784, 10, 112, 0, 74, 0, 4, 0],
        [22, 8, 12, 891, 34, 0, 29, 0, 4, 0],
        [1, 1, 92, 33, 812, 0, 58, 0, 3, 0],
        [0, 0, 0, 1, 0, 958, 0, 27, 2, 12],
        [128, 2, 95, 32, 76, 0, 652, 0, 15, 0],
        [0, 0, 0, 0, 0, 16, 0, 958, 0, 26],
        [4, 1, 4, 5, 3, 2, 6, 4, 970, 1],
        [0, 0, 0, 0, 0, 7, 1, 36, 0, 956],
    ]
}

/// Returns a 224×224 synthetic photo (an orange ellipse on a gradient) and a 7×7 heatmap peaked on it.
func comparisonPhotoAndHeatmap() -> (RasterImage, RasterImage) {
    let size = 224
    var photo: [Float] = []
    for row in 0..<size {
        for column in 0..<size {
            let x = Double(column) / Double(size)
            let y = Double(row) / Double(size)
            let inObject = pow(x - 0.62, 2) / 0.04 + pow(y - 0.45, 2) / 0.07 < 1
            photo.append(Float(inObject ? 0.85 : 0.35 + 0.3 * y))
            photo.append(Float(inObject ? 0.55 : 0.55 + 0.2 * x))
            photo.append(Float(inObject ? 0.25 : 0.75 - 0.3 * y))
        }
    }
    let cam = (0..<49).map { index -> Double in
        let x = Double(index % 7) + 0.5
        let y = Double(index / 7) + 0.5
        return exp(-(pow(x - 4.4, 2) + pow(y - 3.2, 2)) / 2.5)
    }
    return (RasterImage(rgb: photo, width: size, height: size), RasterImage(gray: cam, width: 7, height: 7))
}
