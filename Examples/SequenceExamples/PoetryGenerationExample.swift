import DeepLearning

/// Trains a character-level LSTM briefly on the Tang and Song poems, then samples it at four
/// temperatures from one seed line.
func runPoetryGeneration() throws {
    heading("Classical Chinese: character LSTM (tang300 + song100)")
    let poems = try ClassicalChinese.load(collections: [.tang300, .song100])
    let corpus = poems.entries.map(\.body).joined(separator: "\n")
    var tokenizer = Tokenizer(split: .characters, standardization: [])
    tokenizer.fit(onTexts: [corpus])
    let ids = tokenizer.sequence(for: corpus)
    print("\(poems.entries.count) poems, \(ids.count) characters, vocabulary \(tokenizer.vocabularySize)")

    // Every window of `length` characters, three apart, predicts the character after it.
    let length = 16
    var windows: [[Int]] = []
    var nextCharacters: [Int] = []
    for start in stride(from: 0, to: ids.count - length, by: 3) {
        windows.append(Array(ids[start..<(start + length)]))
        nextCharacters.append(ids[start + length])
    }
    let x = Tensor(paddedSequences: windows, maxLength: length)
    let y = Tensor(labels: nextCharacters)

    setSeed(4)
    let model = Sequential {
        Input(shape: [length])
        Embedding(inputDim: tokenizer.vocabularySize, outputDim: 64)
        LSTM(128)
        Dense(tokenizer.vocabularySize, activation: .softmax)
    }
    model.compile(optimizer: RMSprop(learningRate: 0.002), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
    let (history, seconds) = try timed {
        try model.fit(x, y, epochs: 12, batchSize: 128, verbose: 0)
    }
    let losses = history["loss"].map { formatted($0, 3) }.joined(separator: " ")
    print("\(windows.count) windows, 12 epochs in \(formatted(seconds, 1)) s; loss per epoch: \(losses)")

    let seed = Array(ids[0..<length])
    print("seed: \(tokenizer.text(for: seed))")
    setSeed(5)
    for temperature: Float in [0.2, 0.5, 1.0, 1.2] {
        var context = seed
        var generated: [Int] = []
        for _ in 0..<48 {
            let probabilities = try model.predict(Tensor(paddedSequences: [context], maxLength: length))[0]
            let next = probabilities.sampleIndex(temperature: temperature)
            generated.append(next)
            context = Array(context.dropFirst()) + [next]
        }
        print("temperature \(temperature): \(tokenizer.text(for: generated))")
    }
}
