// Trains the two Fashion-MNIST classifiers of the course for 5 epochs on the full training set and
// prints their test accuracy: a dense network and the small convnet from Deep Learning with Python.
//
// Usage: fashion-mnist-example [dense|convnet|both] [--epochs N] [--verbose 0|1|2] [--seed N]
import DeepLearning
import Foundation

var selectedModel = "both"
var epochs = 5
var verbose = 2
var seed: UInt64 = 1
var arguments = Array(CommandLine.arguments.dropFirst())
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "dense", "convnet", "both":
        selectedModel = argument
    case "--epochs":
        epochs = Int(arguments.first ?? "") ?? epochs
        arguments = Array(arguments.dropFirst())
    case "--verbose":
        verbose = Int(arguments.first ?? "") ?? verbose
        arguments = Array(arguments.dropFirst())
    case "--seed":
        seed = UInt64(arguments.first ?? "") ?? seed
        arguments = Array(arguments.dropFirst())
    default:
        FileHandle.standardError.write("usage: fashion-mnist-example [dense|convnet|both] [--epochs N] [--verbose 0|1|2] [--seed N]\n".data(using: .utf8)!)
        exit(2)
    }
}

let data: FashionMNIST
do {
    data = try FashionMNIST()
} catch {
    FileHandle.standardError.write("fashion-mnist-example: \(error)\n".data(using: .utf8)!)
    exit(1)
}

/// Trains and evaluates one model. Each model is built after its own `setSeed`, so its result does
/// not depend on whether the other model ran first.
func run(_ title: String, _ makeModel: () -> Sequential, batchSize: Int) throws {
    setSeed(seed)
    let model = makeModel()
    print("== \(title) ==")
    model.summary()
    let start = Date()
    try model.fit(data.train.images, data.train.labels, epochs: epochs, batchSize: batchSize, verbose: verbose)
    let seconds = Date().timeIntervalSince(start)
    let result = try model.evaluate(data.test.images, data.test.labels, batchSize: 256)
    print(String(format: "%@: test loss %.4f, test accuracy %.4f, training time %.1f s", title, result.loss, result["accuracy"], seconds))
}

/// Returns the book's first network: Flatten → Dense 512 relu → Dense 10 softmax.
func makeDenseNetwork() -> Sequential {
    let model = Sequential {
        Input(shape: [28, 28, 1])
        Flatten()
        Dense(512, activation: .relu)
        Dense(10, activation: .softmax)
    }
    model.compile(optimizer: RMSprop(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
    return model
}

/// Returns the book's small MNIST convnet (93,322 parameters).
func makeConvnet() -> Sequential {
    let model = Sequential {
        Input(shape: [28, 28, 1])
        Conv2D(32, kernelSize: 3, activation: .relu)
        MaxPooling2D(2)
        Conv2D(64, kernelSize: 3, activation: .relu)
        MaxPooling2D(2)
        Conv2D(64, kernelSize: 3, activation: .relu)
        Flatten()
        Dense(64, activation: .relu)
        Dense(10, activation: .softmax)
    }
    model.compile(optimizer: RMSprop(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
    return model
}

do {
    if selectedModel == "dense" || selectedModel == "both" {
        try run("dense", makeDenseNetwork, batchSize: 128)
    }
    if selectedModel == "convnet" || selectedModel == "both" {
        try run("convnet", makeConvnet, batchSize: 64)
    }
} catch {
    FileHandle.standardError.write("fashion-mnist-example: \(error)\n".data(using: .utf8)!)
    exit(1)
}
