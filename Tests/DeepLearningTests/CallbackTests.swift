import DeepLearning
import Foundation
import Testing

/// A model stand-in whose only weight is a counter, so tests can see which epoch's weights are
/// restored or saved.
private final class ScriptedModel: CallbackModel {
    var stopTraining = false
    var learningRate: Float = 0.1
    var weight = Tensor([0])
    var savedPaths: [String] = []

    func weightValues() -> [Tensor] { [weight] }
    func setWeightValues(_ values: [Tensor]) { weight = values[0] }
    func saveWeights(to path: String) throws { savedPaths.append(path) }
}

/// Runs `callbacks` through scripted epochs: before epoch `i` the weight becomes `i`, and the epoch
/// logs `val_loss = losses[i]`. Returns the number of epochs run.
@discardableResult
private func runEpochs(_ losses: [Double], _ callbacks: [any Callback], model: ScriptedModel) throws -> Int {
    for callback in callbacks { callback.onTrainBegin(model: model) }
    var epochsRun = 0
    for (epoch, loss) in losses.enumerated() {
        for callback in callbacks { callback.onEpochBegin(epoch, model: model) }
        model.weight = Tensor([Float(epoch)])
        epochsRun += 1
        for callback in callbacks {
            try callback.onEpochEnd(epoch, logs: ["loss": loss + 1, "val_loss": loss, "val_accuracy": 1 - loss], model: model)
        }
        if model.stopTraining { break }
    }
    for callback in callbacks { callback.onTrainEnd(model: model) }
    return epochsRun
}

@Test func earlyStoppingPatience() throws {
    let model = ScriptedModel()
    let stopping = EarlyStopping(monitor: "val_loss", patience: 2)
    let epochs = try runEpochs([1.0, 0.8, 0.9, 0.85, 0.7, 0.6], [stopping], model: model)
    #expect(epochs == 4)
    #expect(stopping.stoppedEpoch == 3)
    #expect(stopping.bestEpoch == 1)
    #expect(model.weight.scalars == [3])
}

@Test func earlyStoppingRestoresBest() throws {
    let model = ScriptedModel()
    let stopping = EarlyStopping(monitor: "val_accuracy", patience: 1, restoreBestWeights: true)
    // val_accuracy = 1 − loss peaks at epoch 1.
    try runEpochs([0.5, 0.2, 0.3, 0.4, 0.1], [stopping], model: model)
    #expect(stopping.stoppedEpoch == 2)
    #expect(model.weight.scalars == [1])
}

@Test func earlyStoppingMissingMonitor() throws {
    let model = ScriptedModel()
    #expect(throws: CallbackError.self) { try runEpochs([1], [EarlyStopping(monitor: "val_auc")], model: model) }
}

@Test func checkpointSavesBestOnly() throws {
    let model = ScriptedModel()
    let checkpoint = ModelCheckpoint(path: "weights-{epoch}.bin", saveBestOnly: true)
    try runEpochs([1.0, 0.8, 0.9, 0.7, 0.75], [checkpoint], model: model)
    #expect(model.savedPaths == ["weights-1.bin", "weights-2.bin", "weights-4.bin"])
}

@Test func checkpointSavesEveryEpoch() throws {
    let model = ScriptedModel()
    try runEpochs([1.0, 1.1], [ModelCheckpoint(path: "w.bin")], model: model)
    #expect(model.savedPaths == ["w.bin", "w.bin"])
}

@Test func reduceLearningRateOnPlateau() throws {
    let model = ScriptedModel()
    let reducer = ReduceLROnPlateau(factor: 0.5, patience: 2, cooldown: 1, minLearningRate: 0.02)
    // Improves at 0 and 1, then plateaus. As in Keras, the cooldown epoch resets the wait, so the
    // rate halves after epochs 3 and 5, then hits the floor 0.02 after epoch 7.
    let learningRates = try (0..<10).map { epochs -> Float in
        model.learningRate = 0.1
        try runEpochs(Array([1.0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5].prefix(epochs + 1)), [reducer], model: model)
        return model.learningRate
    }
    #expect(learningRates[2] == 0.1)
    #expect(learningRates[3] == 0.05)
    #expect(learningRates[4] == 0.05)
    #expect(learningRates[5] == 0.025)
    #expect(learningRates[6] == 0.025)
    #expect(learningRates[7] == 0.02)
    #expect(learningRates[9] == 0.02)
}

@Test func learningRateSchedule() throws {
    let model = ScriptedModel()
    var seen: [Float] = []
    let scheduler = LearningRateScheduler { epoch, rate in epoch < 2 ? rate : rate * 0.5 }
    final class Recorder: Callback {
        var rates: [Float] = []
        func onEpochEnd(_ epoch: Int, logs: [String: Double], model: any CallbackModel) throws { rates.append(model.learningRate) }
    }
    let recorder = Recorder()
    try runEpochs([1, 1, 1, 1], [scheduler, recorder], model: model)
    seen = recorder.rates
    #expect(seen == [0.1, 0.1, 0.05, 0.025])
}

@Test func csvLoggerWritesRows() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("redbook-log-\(UUID().uuidString).csv").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try runEpochs([0.5, 0.25], [CSVLogger(path: path)], model: ScriptedModel())
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text == "epoch,loss,val_accuracy,val_loss\n0,1.5,0.5,0.5\n1,1.25,0.75,0.25\n")
}

@Test func callbacksStopRealFit() throws {
    setSeed(3)
    let x = Tensor(randomNormal: [64, 2])
    let model = Sequential([Dense(1)])
    model.compile(optimizer: SGD(learningRate: 0), loss: .mse)
    // With a zero learning rate the loss never improves, so training stops after patience + 1 epochs.
    let history = try model.fit(x, x.sum(alongAxes: 1), epochs: 10, shuffle: false, callbacks: [EarlyStopping(monitor: "loss", patience: 1)], verbose: 0)
    #expect(history["loss"].count == 2)
}
