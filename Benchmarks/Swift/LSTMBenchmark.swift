// The `lstm` benchmark: the book's IMDB model, Embedding(10000, 32) → LSTM(32) → Dense(1, sigmoid),
// trained for one epoch with RMSprop on the integer sequences Benchmarks/make-sequence-data writes.
//
// Usage: redbook-bench lstm [--threads N] [--samples N] [--data PATH]
import DeepLearning
import Foundation

/// The sequences file's default place: `.build/bench-data/sequences.bin` under the package root.
private let defaultSequencePath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent(".build/bench-data/sequences.bin").path

private func failLSTM(_ message: String) -> Never {
    FileHandle.standardError.write(("redbook-bench lstm: " + message + "\n").data(using: .utf8)!)
    exit(2)
}

/// Reads `int32 count, int32 length, int32 tokens[count × length], uint8 labels[count]`, all
/// little-endian, and returns the first `samples` rows as Float token ids and labels.
private func loadSequences(path: String, samples: Int) -> (tokens: Tensor, labels: Tensor) {
    guard let data = FileManager.default.contents(atPath: path) else {
        failLSTM("cannot read \(path); write it with Benchmarks/make-sequence-data or pass --data PATH")
    }
    func int32(at offset: Int) -> Int {
        Int(Int32(littleEndian: data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Int32.self) }))
    }
    guard data.count >= 8 else {
        failLSTM("\(path) has \(data.count) bytes, fewer than the 8-byte header; write it again with Benchmarks/make-sequence-data")
    }
    let (count, length) = (int32(at: 0), int32(at: 4))
    let expected = 8 + 4 * count * length + count
    guard count > 0, length > 0, data.count == expected else {
        failLSTM("\(path) declares \(count) sequences of \(length) tokens (\(expected) bytes) but has \(data.count) bytes; write it again with Benchmarks/make-sequence-data")
    }
    guard samples <= count else {
        failLSTM("--samples \(samples) is more than the \(count) sequences in \(path)")
    }
    let tokens = data.withUnsafeBytes { raw in
        (0..<(samples * length)).map { Float(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 8 + 4 * $0, as: Int32.self))) }
    }
    let labels = (0..<samples).map { Float(data[data.startIndex + 8 + 4 * count * length + $0]) }
    return (Tensor(shape: [samples, length], scalars: tokens), Tensor(shape: [samples], scalars: labels))
}

/// Runs the benchmark with the process's arguments after `lstm` and exits.
func runLSTMBenchmark() -> Never {
    var threads = 2
    var samples = 25_000
    var path = defaultSequencePath
    var arguments = Array(CommandLine.arguments.dropFirst(2))
    let usage = "usage: redbook-bench lstm [--threads N] [--samples N] [--data PATH]"
    while !arguments.isEmpty {
        let argument = arguments.removeFirst()
        guard let value = arguments.first else { failLSTM("\(argument) needs a value\n\(usage)") }
        arguments.removeFirst()
        switch argument {
        case "--threads", "--samples":
            guard let number = Int(value), number > 0 else { failLSTM("\(argument) needs a positive integer\n\(usage)") }
            if argument == "--threads" { threads = number } else { samples = number }
        case "--data":
            path = value
        default:
            failLSTM("unknown argument '\(argument)'\n\(usage)")
        }
    }

    BLAS.threadCount = threads
    let (tokens, labels) = loadSequences(path: path, samples: samples)
    setSeed(1)
    let model = Sequential {
        Input(shape: [tokens.shape[1]])
        Embedding(inputDim: 10_000, outputDim: 32)
        LSTM(32)
        Dense(1, activation: .sigmoid)
    }
    model.compile(optimizer: RMSprop(), loss: .binaryCrossentropy, metrics: [.accuracy])

    do {
        // One batch first, as the reference scripts warm up, so first-use costs stay out of the timing.
        let warmUp = min(128, samples)
        _ = try model.trainStep(tokens[..<warmUp], labels[..<warmUp])
        let start = Date()
        let history = try model.fit(tokens, labels, epochs: 1, batchSize: 128, verbose: 0)
        let seconds = Date().timeIntervalSince(start)
        let accuracy = history["accuracy"].last ?? .nan
        FileHandle.standardError.write("epoch: \(String(format: "%.2f", seconds)) s, training accuracy \(String(format: "%.4f", accuracy))\n".data(using: .utf8)!)
        print("RESULT model=lstm samples_per_second=\(String(format: "%.1f", Double(samples) / seconds)) seconds=\(String(format: "%.3f", seconds)) threads=\(threads)")
        exit(0)
    } catch {
        failLSTM("\(error)")
    }
}
