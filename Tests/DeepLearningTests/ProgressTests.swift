import DeepLearning
import Foundation
import Testing

@Test func historyKeysFollowKeras() throws {
    setSeed(21)
    let x = Tensor(randomNormal: [40, 3])
    let y = Tensor(shape: [40], scalars: (0..<40).map { Float($0 % 2) })
    let model = Sequential([Dense(2, activation: .softmax)])
    model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
    let history = try model.fit(x, y, epochs: 2, batchSize: 8, validationData: (x, y), verbose: 0)
    #expect(history.keys == ["loss", "accuracy", "val_loss", "val_accuracy"])
    #expect(history.epochCount == 2)
    #expect(history["val_accuracy"].allSatisfy { $0 >= 0 })
    #expect(history["val_accuracy"].allSatisfy { $0 <= 1 })
}
