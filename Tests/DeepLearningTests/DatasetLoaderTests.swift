import DeepLearning
import Foundation
import Testing

@Test func reviewSentimentMissingFile() throws {
    let folder = try emptyTemporaryFolder()
    let expectedPath = folder.appendingPathComponent("review-sentiment/train.tsv").path

    let error = try #require(throws: DatasetError.self) { try ReviewSentiment.load(from: folder) }

    #expect(missingFilePath(in: error) == expectedPath, "error: \(error)")
    #expect(error.description.contains("git checkout -- Notebooks/data"), "message: \(error)")
}

@Test func reviewSentimentInvalidUTF8() throws {
    let folder = try emptyTemporaryFolder()
    let reviewFolder = folder.appendingPathComponent("review-sentiment")
    try FileManager.default.createDirectory(at: reviewFolder, withIntermediateDirectories: true)
    let file = reviewFolder.appendingPathComponent("train.tsv")
    try Data([0x6C, 0xFF, 0xFE, 0x0A]).write(to: file)

    let error = try #require(throws: DatasetError.self) { try ReviewSentiment.load(from: folder) }

    guard case .unreadableFile(let path, _) = error else {
        Issue.record("expected unreadableFile, got \(error)")
        return
    }
    #expect(path == file.path)
}

@Test func seattleWeatherMissingFile() throws {
    let folder = try emptyTemporaryFolder()
    let expectedPath = folder.appendingPathComponent("seattle-weather/seattle-weather.csv").path

    let error = try #require(throws: DatasetError.self) { try SeattleWeather.load(from: folder) }

    #expect(missingFilePath(in: error) == expectedPath, "error: \(error)")
}

@Test func classicalChineseMissingFile() throws {
    let folder = try emptyTemporaryFolder()

    let error = try #require(throws: DatasetError.self) {
        try ClassicalChinese.load(collections: [.song100], from: folder)
    }

    #expect(missingFilePath(in: error) == folder.appendingPathComponent("song100").path, "error: \(error)")
    #expect(error.description.contains("fortunes-zh"), "message: \(error)")
}

@Test func reviewSplitInvalidLine() {
    let contents = "label\ttext\n1\t好书\n2\t坏书\n"

    #expect(throws: DatasetError.invalidLine(path: "x.tsv", line: 3, expected: "a label 0 or 1, a tab and a non-empty text", found: "\"2\t坏书\"")) {
        try ReviewSentiment.Split(tsv: contents, path: "x.tsv")
    }
}

@Test func reviewSplitMissingHeader() {
    #expect(throws: DatasetError.self) {
        try ReviewSentiment.Split(tsv: "1\t好书\n", path: "x.tsv")
    }
}

@Test func reviewSplitParses() throws {
    let split = try ReviewSentiment.Split(tsv: "label\ttext\r\n1\t好书\r\n0\t差\t评\r\n", path: "x.tsv")

    #expect(split.labels == [1, 0])
    #expect(split.texts == ["好书", "差\t评"])
}

@Test func seattleWeatherInvalidNumber() {
    let contents = """
        date,precipitation,temp_max,temp_min,wind,weather
        2012/01/01,0.0,12.8,5.0,4.7,drizzle
        2012/01/02,wet,10.6,2.8,4.5,rain

        """

    #expect(throws: DatasetError.invalidLine(path: "w.csv", line: 3, expected: "a number for precipitation", found: "\"2012/01/02,wet,10.6,2.8,4.5,rain\"")) {
        try SeattleWeather(csv: contents, path: "w.csv")
    }
}

@Test func seattleWeatherDatesOutOfOrder() {
    let contents = """
        date,precipitation,temp_max,temp_min,wind,weather
        2012/01/02,0.0,12.8,5.0,4.7,sun
        2012/01/01,0.0,10.6,2.8,4.5,rain
        """

    #expect(throws: DatasetError.self) {
        try SeattleWeather(csv: contents, path: "w.csv")
    }
}

@Test func seattleWeatherUnknownKind() {
    let contents = """
        date,precipitation,temp_max,temp_min,wind,weather
        2012/01/01,0.0,12.8,5.0,4.7,hail
        """

    #expect(throws: DatasetError.self) {
        try SeattleWeather(csv: contents, path: "w.csv")
    }
}

@Test func courseDataFromRepositoryRoot() throws {
    let root = repositoryDataDirectory.deletingLastPathComponent().deletingLastPathComponent()

    #expect(try CourseData.directory(searchingFrom: root).standardizedFileURL == repositoryDataDirectory.standardizedFileURL)
}

@Test func courseDataFromNotebookFolder() throws {
    let notebooks = repositoryDataDirectory.deletingLastPathComponent()
    let nested = notebooks.appendingPathComponent("data/seattle-weather")

    #expect(try CourseData.directory(searchingFrom: notebooks).standardizedFileURL == repositoryDataDirectory.standardizedFileURL)
    #expect(try CourseData.directory(searchingFrom: nested).standardizedFileURL == repositoryDataDirectory.standardizedFileURL)
}

@Test func courseDataNotFound() throws {
    let folder = try emptyTemporaryFolder()

    #expect(throws: DatasetError.dataDirectoryNotFound(start: folder.path)) {
        try CourseData.directory(searchingFrom: folder)
    }
}
