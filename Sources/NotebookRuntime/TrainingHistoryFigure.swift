import DeepLearning
import Plot

/// Draws the loss and each metric of a training run, one panel each, with training values as
/// dots and validation values as a line, the way *Deep Learning with Python* draws them.
///
/// - Parameters:
///   - history: the value `fit` returned.
///   - metrics: the series to draw besides `loss`, by their Keras names (`accuracy`, `mae`).
///     The default is every recorded metric except validation series and the learning rate.
///   - title: an optional title above the panels.
///   - labels: the words of the figure. The defaults are the course's Chinese ones.
/// - Returns: a figure with one panel per series; epochs on the x axis start at 1.
public func plotTrainingHistory(
    _ history: History,
    metrics: [String]? = nil,
    title: String? = nil,
    labels: TrainingHistoryLabels = .chinese
) -> Figure {
    let series = ["loss"] + (metrics ?? history.keys.filter { key in
        key != "loss" && !key.hasPrefix("val_") && key != "lr" && key != "learning_rate"
    })
    let panelWidth = 4.2
    let figure = Figure(width: panelWidth * Double(series.count) + 0.4, height: 3.6)
    figure.title = title
    let panels = figure.subplots(rows: 1, columns: series.count)

    for (key, axes) in zip(series, panels) {
        let values = history[key]
        let epochs = values.indices.map { $0 + 1 }
        axes.plot(epochs, values, style: "bo", label: labels.training)
        if let validation = history.history["val_" + key] {
            axes.plot(epochs, validation, style: "b", label: labels.validation)
        }
        // Epochs are whole numbers; automatic ticks would put 1.5 between them on short runs.
        if epochs.count <= 12 {
            axes.setXTicks(epochs.map(Double.init))
        }
        axes.title = labels.name(of: key)
        axes.xLabel = labels.epoch
        axes.showsGrid = true
        axes.legend()
    }
    return figure
}

/// The words a training-history figure uses.
public struct TrainingHistoryLabels: Sendable {
    public var training: String
    public var validation: String
    public var epoch: String
    /// Panel titles by series name; a series not listed here is titled by its name.
    public var seriesNames: [String: String]

    public init(training: String, validation: String, epoch: String, seriesNames: [String: String]) {
        self.training = training
        self.validation = validation
        self.epoch = epoch
        self.seriesNames = seriesNames
    }

    /// Returns the panel title for a series.
    public func name(of key: String) -> String { seriesNames[key] ?? key }

    public static let chinese = TrainingHistoryLabels(
        training: "训练", validation: "验证", epoch: "轮次",
        seriesNames: ["loss": "损失", "accuracy": "准确率", "mae": "平均绝对误差 (MAE)", "mse": "均方误差"])

    public static let english = TrainingHistoryLabels(
        training: "Training", validation: "Validation", epoch: "Epoch",
        seriesNames: ["loss": "Loss", "accuracy": "Accuracy", "mae": "Mean absolute error"])
}
