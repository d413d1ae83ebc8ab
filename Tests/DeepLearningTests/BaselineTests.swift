import DeepLearning
import Foundation
import Testing

@Test func naiveBayesToyCorpus() {
    var classifier = MultinomialNaiveBayes()
    classifier.fit([[2, 2, 3], [4, 4, 5]], labels: [0, 1], vocabularySize: 6)

    // Class 0 has 3 counted tokens and 4 counted indices (2...5): P(2 | 0) = (2 + 1) / (3 + 4).
    #expect(abs(exp(classifier.logLikelihoods[0][2]) - 3.0 / 7.0) < 1e-12)
    #expect(classifier.predict([[2], [4, 5], [3, 1, 0]]) == [0, 1, 0])
}

@Test func naiveBayesIgnoresPaddingAndUnknown() {
    var classifier = MultinomialNaiveBayes()
    classifier.fit([[0, 0, 1, 2], [3]], labels: [0, 1], vocabularySize: 4)

    #expect(classifier.scores(for: [0, 1, 1]) == classifier.logPriors)
}

@Test func naiveBayesBinaryCounts() {
    var classifier = MultinomialNaiveBayes(binary: true)
    classifier.fit([[2, 2, 2, 3], [3]], labels: [0, 1], vocabularySize: 4)

    // Token 2 counts once: P(2 | 0) = (1 + 1) / (2 + 2).
    #expect(abs(exp(classifier.logLikelihoods[0][2]) - 0.5) < 1e-12)
    #expect(classifier.scores(for: [2, 2]) == classifier.scores(for: [2]))
}

@Test func naiveBayesReviewAccuracy() throws {
    let reviews = try ReviewSentiment.load(from: repositoryDataDirectory)
    var accuracies: [String: Double] = [:]

    for (ngrams, binary) in [(1, false), (2, false), (3, false), (3, true)] {
        var tokenizer = Tokenizer(split: .chineseCharactersAndWords, ngrams: ngrams)
        tokenizer.fit(onTexts: reviews.train.texts)
        var classifier = MultinomialNaiveBayes(binary: binary)
        classifier.fit(tokenizer.sequences(for: reviews.train.texts), labels: reviews.train.labels, vocabularySize: tokenizer.vocabularySize)
        let accuracy = classifier.accuracy(tokenizer.sequences(for: reviews.test.texts), labels: reviews.test.labels)

        let name = "ngrams \(ngrams)\(binary ? " binary" : "")"
        accuracies[name] = accuracy
        print("naive Bayes, review sentiment, \(name), vocabulary \(tokenizer.vocabularySize): test accuracy \(String(format: "%.4f", accuracy))")
    }

    // The negative class is 52% of the test set, so anything near 0.52 has learned nothing.
    #expect(accuracies["ngrams 1"]! > 0.70, "observed \(accuracies)")
    #expect(accuracies["ngrams 2"]! > 0.76, "observed \(accuracies)")
    #expect(accuracies["ngrams 3"]! > 0.78, "observed \(accuracies)")
    #expect(accuracies["ngrams 3 binary"]! > 0.78, "observed \(accuracies)")
}

@Test func persistenceToySeries() {
    #expect(PersistenceForecast.predictions([1, 3, 2, 5], for: 1..<4) == [1, 3, 2])
    #expect(PersistenceForecast.meanAbsoluteError([1, 3, 2, 5], over: 1..<4) == 2)
    #expect(PersistenceForecast.meanAbsoluteError([1, 3, 2, 5], over: 2..<4, lag: 2) == 1.5)
}

@Test func persistenceSeattleTemperature() throws {
    let weather = try SeattleWeather.load(from: repositoryDataDirectory)
    let temperature = weather.column(.maximumTemperature)
    let spans = [("training 2012-2013", 1..<weather.trainingRows.upperBound), ("validation 2014", weather.validationRows), ("test 2015", weather.testRows)]
    var errors: [String: Double] = [:]

    for (name, rows) in spans {
        errors[name] = PersistenceForecast.meanAbsoluteError(temperature, over: rows)
        print("same-as-yesterday temp_max MAE, \(name) (\(rows.count) days): \(String(format: "%.4f", errors[name]!)) °C")
    }

    // Independently computed from the CSV with Python: 2.2756 °C over the 365 days of 2014.
    #expect(abs(errors["validation 2014"]! - 2.2756) < 0.0005, "observed \(errors)")
}
