import DeepLearning
import Testing

@Test func reviewSentimentCounts() throws {
    let reviews = try ReviewSentiment.load(from: repositoryDataDirectory)

    #expect(reviews.train.texts.count == 13_891)
    #expect(reviews.test.texts.count == 3_472)
    #expect(reviews.train.labels.filter { $0 == 1 }.count == 6_666)
    #expect(reviews.test.labels.filter { $0 == 1 }.count == 1_666)
}

@Test func reviewSentimentNoLeak() throws {
    let reviews = try ReviewSentiment.load(from: repositoryDataDirectory)
    let training = Set(reviews.train.texts)
    let leaked = reviews.test.texts.filter(training.contains)

    #expect(leaked.isEmpty, "\(leaked.count) test texts are also training texts, first: \(leaked.prefix(3))")
}

@Test func reviewSentimentNoRepeats() throws {
    let reviews = try ReviewSentiment.load(from: repositoryDataDirectory)

    #expect(Set(reviews.train.texts).count == reviews.train.texts.count)
    #expect(Set(reviews.test.texts).count == reviews.test.texts.count)
}

@Test func reviewSentimentTextsTrimmed() throws {
    let reviews = try ReviewSentiment.load(from: repositoryDataDirectory)
    let untrimmed = (reviews.train.texts + reviews.test.texts).filter {
        $0.first!.isWhitespace || $0.last!.isWhitespace
    }

    #expect(untrimmed.isEmpty, "\(untrimmed.count) texts keep outer whitespace, first: \(untrimmed.prefix(3))")
}

@Test func seattleWeatherSpans() throws {
    let weather = try SeattleWeather.load(from: repositoryDataDirectory)

    #expect(weather.count == 1_461)
    #expect(weather.dates.first == "2012-01-01")
    #expect(weather.dates.last == "2015-12-31")
    #expect(weather.trainingRows == 0..<731)
    #expect(weather.validationRows == 731..<1_096)
    #expect(weather.testRows == 1_096..<1_461)
}

@Test func seattleWeatherColumns() throws {
    let weather = try SeattleWeather.load(from: repositoryDataDirectory)
    let features = weather.features([.maximumTemperature, .wind])

    // The file's first row: 2012/01/01,0.0,12.8,5.0,4.7,drizzle.
    #expect(weather.column(.maximumTemperature)[0] == 12.8)
    #expect(weather.column(.minimumTemperature)[0] == 5.0)
    #expect(weather.weather[0] == "drizzle")
    #expect(weather.weatherLabels[0] == 0)
    #expect(features.count == 2 * 1_461)
    #expect(Array(features.prefix(2)) == [12.8, 4.7])
}
