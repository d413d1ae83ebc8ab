import Foundation

/// A callback configuration that does not fit the training run.
public enum CallbackError: Error, CustomStringConvertible, Equatable {
    /// The monitored quantity is not in the epoch logs.
    case missingMonitor(callback: String, monitor: String, available: [String])

    public var description: String {
        switch self {
        case .missingMonitor(let callback, let monitor, let available):
            return "\(callback) monitors '\(monitor)', which is not logged; logged values: "
                + available.sorted().joined(separator: ", ")
                + ". Pass validation data for val_ values, or monitor one of these"
        }
    }
}

/// Whether a monitored quantity improves by going down or up.
public enum MonitorMode: Sendable {
    /// `max` for names containing "acc" (accuracy), `min` otherwise, as Keras decides.
    case auto
    case min
    case max

    func resolved(for monitor: String) -> MonitorMode {
        guard self == .auto else { return self }
        return monitor.contains("acc") ? .max : .min
    }
}

/// Tracks the best value of a monitored quantity.
struct MonitorTracker {
    let callback: String
    let monitor: String
    let mode: MonitorMode
    let minDelta: Double
    var best: Double

    init(callback: String, monitor: String, mode: MonitorMode, minDelta: Double) {
        self.callback = callback
        self.monitor = monitor
        self.mode = mode.resolved(for: monitor)
        self.minDelta = Swift.abs(minDelta)
        best = self.mode == .max ? -.infinity : .infinity
    }

    func value(in logs: [String: Double]) throws -> Double {
        guard let value = logs[monitor] else {
            throw CallbackError.missingMonitor(callback: callback, monitor: monitor, available: Array(logs.keys))
        }
        return value
    }

    /// Whether `value` beats the best so far by more than `minDelta`.
    func isImprovement(_ value: Double) -> Bool {
        mode == .max ? value - minDelta > best : value + minDelta < best
    }
}

/// Stops training when the monitored quantity has not improved for `patience` epochs, optionally
/// restoring the weights of the best epoch (Keras's `EarlyStopping`).
public final class EarlyStopping: Callback {
    public let monitor: String
    public let patience: Int
    public let minDelta: Double
    public let restoreBestWeights: Bool
    private let mode: MonitorMode

    /// The 0-based epoch at which training was stopped, or `nil` if it ran to the end.
    public private(set) var stoppedEpoch: Int?
    /// The 0-based epoch with the best monitored value.
    public private(set) var bestEpoch: Int?

    private var tracker: MonitorTracker
    private var wait = 0
    private var bestWeights: [Tensor]?

    public init(
        monitor: String = "val_loss", patience: Int = 0, minDelta: Double = 0, mode: MonitorMode = .auto,
        restoreBestWeights: Bool = false
    ) {
        self.monitor = monitor
        self.patience = patience
        self.minDelta = minDelta
        self.mode = mode
        self.restoreBestWeights = restoreBestWeights
        tracker = MonitorTracker(callback: "EarlyStopping", monitor: monitor, mode: mode, minDelta: minDelta)
    }

    public func onTrainBegin(model: any CallbackModel) {
        tracker = MonitorTracker(callback: "EarlyStopping", monitor: monitor, mode: mode, minDelta: minDelta)
        wait = 0
        stoppedEpoch = nil
        bestEpoch = nil
        bestWeights = nil
    }

    public func onEpochEnd(_ epoch: Int, logs: [String: Double], model: any CallbackModel) throws {
        let value = try tracker.value(in: logs)
        if tracker.isImprovement(value) {
            tracker.best = value
            bestEpoch = epoch
            wait = 0
            if restoreBestWeights { bestWeights = model.weightValues() }
            return
        }
        wait += 1
        // Keras stops once `patience` epochs in a row brought no improvement (patience 0 acts as 1).
        if wait >= patience {
            stoppedEpoch = epoch
            model.stopTraining = true
            if restoreBestWeights, let bestWeights {
                model.setWeightValues(bestWeights)
            }
        }
    }
}

/// Saves the weights after each epoch, or only when the monitored quantity improves
/// (Keras's `ModelCheckpoint` with `save_weights_only`). `{epoch}` in the path is replaced by the
/// 1-based epoch number.
public final class ModelCheckpoint: Callback {
    public let path: String
    public let monitor: String
    public let saveBestOnly: Bool
    private let mode: MonitorMode
    private var tracker: MonitorTracker

    /// The paths written so far, in order.
    public private(set) var savedPaths: [String] = []

    public init(path: String, monitor: String = "val_loss", saveBestOnly: Bool = false, mode: MonitorMode = .auto) {
        self.path = path
        self.monitor = monitor
        self.saveBestOnly = saveBestOnly
        self.mode = mode
        tracker = MonitorTracker(callback: "ModelCheckpoint", monitor: monitor, mode: mode, minDelta: 0)
    }

    public func onTrainBegin(model: any CallbackModel) {
        tracker = MonitorTracker(callback: "ModelCheckpoint", monitor: monitor, mode: mode, minDelta: 0)
    }

    public func onEpochEnd(_ epoch: Int, logs: [String: Double], model: any CallbackModel) throws {
        if saveBestOnly {
            let value = try tracker.value(in: logs)
            guard tracker.isImprovement(value) else { return }
            tracker.best = value
        }
        let target = path.replacingOccurrences(of: "{epoch}", with: String(epoch + 1))
        try model.saveWeights(to: target)
        savedPaths.append(target)
    }
}

/// Multiplies the learning rate by `factor` when the monitored quantity has not improved for
/// `patience` epochs, then waits `cooldown` epochs (Keras's `ReduceLROnPlateau`).
public final class ReduceLROnPlateau: Callback {
    public let monitor: String
    public let factor: Float
    public let patience: Int
    public let minDelta: Double
    public let cooldown: Int
    public let minLearningRate: Float
    private let mode: MonitorMode
    private var tracker: MonitorTracker
    private var wait = 0
    private var cooldownRemaining = 0

    public init(
        monitor: String = "val_loss", factor: Float = 0.1, patience: Int = 10, minDelta: Double = 1e-4,
        cooldown: Int = 0, minLearningRate: Float = 0, mode: MonitorMode = .auto
    ) {
        precondition(factor > 0 && factor < 1, "ReduceLROnPlateau: factor must be in (0, 1), got \(factor)")
        self.monitor = monitor
        self.factor = factor
        self.patience = patience
        self.minDelta = minDelta
        self.cooldown = cooldown
        self.minLearningRate = minLearningRate
        self.mode = mode
        tracker = MonitorTracker(callback: "ReduceLROnPlateau", monitor: monitor, mode: mode, minDelta: minDelta)
    }

    public func onTrainBegin(model: any CallbackModel) {
        tracker = MonitorTracker(callback: "ReduceLROnPlateau", monitor: monitor, mode: mode, minDelta: minDelta)
        wait = 0
        cooldownRemaining = 0
    }

    public func onEpochEnd(_ epoch: Int, logs: [String: Double], model: any CallbackModel) throws {
        let value = try tracker.value(in: logs)
        if cooldownRemaining > 0 {
            cooldownRemaining -= 1
            wait = 0
        }
        if tracker.isImprovement(value) {
            tracker.best = value
            wait = 0
            return
        }
        guard cooldownRemaining == 0 else { return }
        wait += 1
        if wait >= patience && model.learningRate > minLearningRate {
            model.learningRate = Swift.max(model.learningRate * factor, minLearningRate)
            cooldownRemaining = cooldown
            wait = 0
        }
    }
}

/// Sets the learning rate at the start of each epoch from `schedule(epoch, currentRate)`, with
/// 0-based epochs (Keras's `LearningRateScheduler`).
public final class LearningRateScheduler: Callback {
    private let schedule: (Int, Float) -> Float

    public init(_ schedule: @escaping (_ epoch: Int, _ learningRate: Float) -> Float) {
        self.schedule = schedule
    }

    public func onEpochBegin(_ epoch: Int, model: any CallbackModel) {
        model.learningRate = schedule(epoch, model.learningRate)
    }
}

/// Writes one CSV row per epoch: `epoch` (0-based, as Keras writes it) then every logged value,
/// with the columns of the first epoch (Keras's `CSVLogger`).
public final class CSVLogger: Callback {
    public let path: String
    public let separator: String
    public let append: Bool
    private var columns: [String]?

    public init(path: String, separator: String = ",", append: Bool = false) {
        self.path = path
        self.separator = separator
        self.append = append
    }

    public func onTrainBegin(model: any CallbackModel) {
        columns = nil
    }

    public func onEpochEnd(_ epoch: Int, logs: [String: Double], model: any CallbackModel) throws {
        var text = ""
        if columns == nil {
            let keys = logs.keys.sorted()
            columns = keys
            let fileHasContent = (try? Data(contentsOf: URL(fileURLWithPath: path)).isEmpty == false) ?? false
            if !(append && fileHasContent) {
                text += (["epoch"] + keys).joined(separator: separator) + "\n"
                try writeText(text, appending: false)
                text = ""
            }
        }
        let values = columns!.map { key in logs[key].map { String($0) } ?? "" }
        text += ([String(epoch)] + values).joined(separator: separator) + "\n"
        try writeText(text, appending: true)
    }

    private func writeText(_ text: String, appending: Bool) throws {
        let data = Data(text.utf8)
        let url = URL(fileURLWithPath: path)
        do {
            if appending, let handle = try? FileHandle(forWritingTo: url) {
                defer { try? handle.close() }
                try handle.seekToEnd()
                try handle.write(contentsOf: data)
            } else {
                try data.write(to: url)
            }
        } catch {
            throw DataFileError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }
}
