import DeepLearning

/// Fits naive Bayes, a multi-hot Dense network and an Embedding + LSTM network on the review
/// sentiment `train.tsv` and scores them on `test.tsv` of the deduplicated split.
func runReviewSentiment() throws {
    heading("Review sentiment (ReviewSentiment, deduplicated split)")
    let reviews = try ReviewSentiment.load()
    let (trainLabels, testLabels) = (reviews.train.labels, reviews.test.labels)
    print("train \(reviews.train.texts.count) reviews, test \(reviews.test.texts.count)")

    // Baseline: multinomial naive Bayes on characters and character bigrams, the full vocabulary.
    var bigrams = Tokenizer(split: .chineseCharactersAndWords, ngrams: 2)
    bigrams.fit(onTexts: reviews.train.texts)
    var bayes = MultinomialNaiveBayes()
    bayes.fit(bigrams.sequences(for: reviews.train.texts), labels: trainLabels, vocabularySize: bigrams.vocabularySize)
    let bayesAccuracy = bayes.accuracy(bigrams.sequences(for: reviews.test.texts), labels: testLabels)
    print("naive Bayes (characters + bigrams, \(bigrams.vocabularySize) tokens): test accuracy \(formatted(bayesAccuracy))")

    // Multi-hot bag of the 20,000 most frequent characters and bigrams into a small Dense network.
    setSeed(1)
    var bag = Tokenizer(maxTokens: 20_000, split: .chineseCharactersAndWords, ngrams: 2)
    bag.fit(onTexts: reviews.train.texts)
    let bagTrain = Tensor(multiHot: bag.sequences(for: reviews.train.texts), dimension: bag.vocabularySize)
    let bagTest = Tensor(multiHot: bag.sequences(for: reviews.test.texts), dimension: bag.vocabularySize)
    let dense = Sequential {
        Input(shape: [bag.vocabularySize])
        Dense(16, activation: .relu)
        Dense(1, activation: .sigmoid)
    }
    dense.compile(optimizer: RMSprop(), loss: .binaryCrossentropy, metrics: [.accuracy])
    let (_, denseSeconds) = try timed {
        try dense.fit(bagTrain, Tensor(labels: trainLabels), epochs: 4, batchSize: 128, verbose: 2)
    }
    let denseAccuracy = try dense.evaluate(bagTest, Tensor(labels: testLabels), batchSize: 512)["accuracy"]
    print("multi-hot Dense (20,000 tokens, 4 epochs, \(formatted(denseSeconds, 1)) s): test accuracy \(formatted(denseAccuracy))")

    // Characters as ids, padded at the front to 100 steps and masked, into an LSTM.
    setSeed(2)
    var characters = Tokenizer(maxTokens: 5_000, split: .chineseCharactersAndWords)
    characters.fit(onTexts: reviews.train.texts)
    let length = 100
    let idsTrain = Tensor(paddedSequences: characters.sequences(for: reviews.train.texts), maxLength: length)
    let idsTest = Tensor(paddedSequences: characters.sequences(for: reviews.test.texts), maxLength: length)
    let lstm = Sequential {
        Input(shape: [length])
        Embedding(inputDim: characters.vocabularySize, outputDim: 64, maskZero: true)
        LSTM(32)
        Dense(1, activation: .sigmoid)
    }
    lstm.summary()
    lstm.compile(optimizer: RMSprop(), loss: .binaryCrossentropy, metrics: [.accuracy])
    let (_, lstmSeconds) = try timed {
        try lstm.fit(idsTrain, Tensor(labels: trainLabels), epochs: 6, batchSize: 64, verbose: 2)
    }
    let lstmAccuracy = try lstm.evaluate(idsTest, Tensor(labels: testLabels), batchSize: 512)["accuracy"]
    print("Embedding + LSTM (characters, \(length) steps, 6 epochs, \(formatted(lstmSeconds, 1)) s): test accuracy \(formatted(lstmAccuracy))")

    print("RESULT reviews naive_bayes=\(formatted(bayesAccuracy)) multi_hot_dense=\(formatted(denseAccuracy)) embedding_lstm=\(formatted(lstmAccuracy))")
}
