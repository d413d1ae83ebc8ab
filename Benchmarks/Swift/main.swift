// Measures training throughput of the DeepLearning library on Fashion-MNIST and the sgemm rate of
// OpenBLAS, printing one machine-readable RESULT line for the comparison runner.
//
// Usage: redbook-bench <dense|convnet|sgemm> [--threads N] [--samples N] [--epochs N]
import DeepLearning
import Foundation

struct Options {
    var model = ""
    var threads = 2
    var samples = 60_000
    var epochs = 1
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(("redbook-bench: " + message + "\n").data(using: .utf8)!)
    exit(2)
}

func parseOptions() -> Options {
    var options = Options()
    var arguments = Array(CommandLine.arguments.dropFirst())
    let usage = "usage: redbook-bench <dense|convnet|sgemm|lstm> [--threads N] [--samples N] [--epochs N]"
    while !arguments.isEmpty {
        let argument = arguments.removeFirst()
        switch argument {
        case "dense", "convnet", "sgemm":
            options.model = argument
        case "--threads", "--samples", "--epochs":
            guard let text = arguments.first, let value = Int(text), value > 0 else {
                fail("\(argument) needs a positive integer\n\(usage)")
            }
            arguments.removeFirst()
            if argument == "--threads" { options.threads = value }
            if argument == "--samples" { options.samples = value }
            if argument == "--epochs" { options.epochs = value }
        case "-h", "--help":
            print(usage)
            exit(0)
        default:
            fail("unknown argument '\(argument)'\n\(usage)")
        }
    }
    guard !options.model.isEmpty else { fail(usage) }
    return options
}

/// Floating-point operations of one training step per sample: forward, kernel gradient and input
/// gradient for every Conv2D and Dense layer (the first layer needs no input gradient). Pooling,
/// activations and the optimizer are not counted.
func trainingFlopsPerSample(_ model: Sequential) throws -> Double {
    var total = 0.0
    var inputShape = model.inputShape ?? []
    for (index, layer) in model.layers.enumerated() {
        let outputShape = try layer.outputShape(for: inputShape)
        var forward = 0.0
        if let conv = layer as? Conv2D {
            let patch = Double(conv.kernelSize.0 * conv.kernelSize.1 * inputShape[2])
            forward = 2 * Double(outputShape[0] * outputShape[1] * conv.filters) * patch
        } else if let dense = layer as? Dense {
            forward = 2 * Double(inputShape.last! * dense.units)
        }
        total += forward * (index == 0 || !model.layers[..<index].contains { !$0.parameters.isEmpty } ? 2 : 3)
        inputShape = outputShape
    }
    return total
}

func benchmarkTraining(_ options: Options) throws {
    let data = try FashionMNIST()
    let count = min(options.samples, data.train.images.shape[0])
    let images = data.train.images[..<count]
    let labels = data.train.labels[..<count]
    setSeed(1)

    let model: Sequential
    let batchSize: Int
    if options.model == "dense" {
        model = Sequential {
            Input(shape: [28, 28, 1])
            Flatten()
            Dense(512, activation: .relu)
            Dense(10, activation: .softmax)
        }
        batchSize = 128
    } else {
        model = Sequential {
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
        batchSize = 64
    }
    model.compile(optimizer: RMSprop(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])

    let start = Date()
    let history = try model.fit(images, labels, epochs: options.epochs, batchSize: batchSize, verbose: 0)
    let seconds = Date().timeIntervalSince(start)
    let samplesPerSecond = Double(count * options.epochs) / seconds
    FileHandle.standardError.write(
        String(format: "final loss %.4f, accuracy %.4f\n", history["loss"].last!, history["accuracy"].last!).data(using: .utf8)!)

    var line = String(
        format: "RESULT model=%@ samples_per_second=%.1f seconds=%.3f threads=%d",
        options.model, samplesPerSecond, seconds, options.threads)
    if options.model == "convnet" {
        let gflops = try trainingFlopsPerSample(model) * samplesPerSecond / 1e9
        line += String(format: " gflops=%.2f", gflops)
    }
    print(line)
}

/// Times `C = A·B` for row-major shapes (m, k) × (k, n) and returns GFLOP/s.
func sgemmRate(m: Int, n: Int, k: Int, transposeA: Bool = false, transposeB: Bool = false) -> Double {
    let a = Tensor(randomUniform: transposeA ? [k, m] : [m, k])
    let b = Tensor(randomUniform: transposeB ? [n, k] : [k, n])
    let flops = 2 * Double(m) * Double(n) * Double(k)
    let repetitions = max(3, Int(2e9 / flops))
    _ = BLAS.multiply(a, b, transposeA: transposeA, transposeB: transposeB)
    let start = Date()
    for _ in 0..<repetitions {
        _ = BLAS.multiply(a, b, transposeA: transposeA, transposeB: transposeB)
    }
    return flops * Double(repetitions) / Date().timeIntervalSince(start) / 1e9
}

func benchmarkSgemm(_ options: Options) {
    // The convnet's GEMMs for a batch of 64 (forward, kernel gradient, input gradient of the second
    // convolution, and the first convolution's forward), then a square 1024 case.
    let cases: [(String, Int, Int, Int, Bool, Bool)] = [
        ("conv2 forward 7744x288 * 288x64", 7744, 64, 288, false, false),
        ("conv2 kernel gradient 288x7744 * 7744x64", 288, 64, 7744, true, false),
        ("conv2 input gradient 7744x64 * 64x288", 7744, 288, 64, false, true),
        ("conv1 forward 43264x9 * 9x32", 43264, 32, 9, false, false),
        ("square 1024", 1024, 1024, 1024, false, false),
    ]
    var rates: [Double] = []
    for (label, m, n, k, transposeA, transposeB) in cases {
        let rate = sgemmRate(m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB)
        rates.append(rate)
        FileHandle.standardError.write(String(format: "%@: %.2f GFLOP/s\n", label, rate).data(using: .utf8)!)
    }
    // The geometric mean weighs each shape equally.
    let mean = exp(rates.map { log($0) }.reduce(0, +) / Double(rates.count))
    print(String(format: "RESULT model=sgemm gflops=%.2f threads=%d", mean, options.threads))
}

// The lstm benchmark reads its own options (it takes --data), so it is dispatched before the rest.
if CommandLine.arguments.dropFirst().first == "lstm" {
    runLSTMBenchmark()
}
let options = parseOptions()
BLAS.threadCount = options.threads
do {
    if options.model == "sgemm" {
        benchmarkSgemm(options)
    } else {
        try benchmarkTraining(options)
    }
} catch {
    fail("\(error)")
}
