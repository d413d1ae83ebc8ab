import DeepLearning
import Testing

/// Ten rows of two features, row r = [r, 10r], with target 100r.
private let rowCount = 10
private let data: [Float] = (0..<rowCount).flatMap { [Float($0), Float(10 * $0)] }
private let targets: [Float] = (0..<rowCount).map { Float(100 * $0) }

@Test func windowsExactIndices() {
    let windows = TimeseriesWindows(data: data, featureCount: 2, targets: targets, sequenceLength: 3, samplingRate: 2, delay: 1, batchSize: 2)

    // The first full window ends at row 4 = 5 - delay and starts at row 0.
    #expect(windows.targetRows == [5, 6, 7, 8, 9])
    #expect(windows.inputRows(forTargetRow: 5) == [0, 2, 4])
    #expect(windows.inputRows(forTargetRow: 9) == [4, 6, 8])
    #expect(windows.batchCount == 3)
}

@Test func windowsBatchContents() {
    let windows = TimeseriesWindows(data: data, featureCount: 2, targets: targets, sequenceLength: 3, samplingRate: 2, delay: 1, batchSize: 2)
    let first = windows.batch(at: 0)

    #expect(first.inputShape == [2, 3, 2])
    #expect(first.inputs == [0, 0, 2, 20, 4, 40, 1, 10, 3, 30, 5, 50])
    #expect(first.targets == [500, 600])
    #expect(first.targetRows == [5, 6])
}

@Test func windowsLastBatchSmaller() {
    let windows = TimeseriesWindows(data: data, featureCount: 2, targets: targets, sequenceLength: 3, samplingRate: 2, delay: 1, batchSize: 2)
    let batches = Array(windows)

    #expect(batches.map(\.inputShape) == [[2, 3, 2], [2, 3, 2], [1, 3, 2]])
    #expect(batches.last?.inputs == [4, 40, 6, 60, 8, 80])
    #expect(batches.last?.targets == [900])
}

@Test func windowsDelayZero() {
    let windows = TimeseriesWindows(data: data, featureCount: 2, targets: targets, sequenceLength: 2, delay: 0)

    #expect(windows.targetRows.first == 1)
    #expect(windows.inputRows(forTargetRow: 1) == [0, 1])
}

@Test func windowsLongDelay() {
    let windows = TimeseriesWindows(data: data, featureCount: 2, targets: targets, sequenceLength: 2, delay: 3)

    #expect(windows.targetRows == [4, 5, 6, 7, 8, 9])
    #expect(windows.inputRows(forTargetRow: 4) == [0, 1])
}

@Test func windowsTargetRange() {
    let windows = TimeseriesWindows(data: data, featureCount: 2, targets: targets, sequenceLength: 3, delay: 1, targetRange: 6..<8)

    // Inputs may come from before the range; targets may not.
    #expect(windows.targetRows == [6, 7])
    #expect(windows.inputRows(forTargetRow: 6) == [3, 4, 5])
}

@Test func windowsTargetRangeTooEarly() {
    let windows = TimeseriesWindows(data: data, featureCount: 2, targets: targets, sequenceLength: 4, delay: 1, targetRange: 0..<3)

    #expect(windows.windowCount == 0)
    #expect(Array(windows).isEmpty)
}

@Test func windowsShuffleRepeatsWithSeed() {
    let first = TimeseriesWindows(data: data, featureCount: 2, targets: targets, sequenceLength: 2, shuffle: true, seed: 11)
    let second = TimeseriesWindows(data: data, featureCount: 2, targets: targets, sequenceLength: 2, shuffle: true, seed: 11)
    let other = first.reshuffled(seed: 12)

    #expect(first.targetRows == second.targetRows)
    #expect(first.targetRows.sorted() == Array(2..<10))
    #expect(other.targetRows != first.targetRows)
    #expect(other.targetRows.sorted() == Array(2..<10))
}

@Test func windowsShuffledBatchesMatchRows() {
    let windows = TimeseriesWindows(data: data, featureCount: 2, targets: targets, sequenceLength: 2, batchSize: 3, shuffle: true, seed: 4)

    for batch in windows {
        #expect(batch.targets == batch.targetRows.map { Float(100 * $0) })
        let lastInputs = batch.targetRows.map { Float($0 - 1) }
        let observed = (0..<batch.targetRows.count).map { batch.inputs[$0 * 4 + 2] }
        #expect(observed == lastInputs)
    }
}

@Test func windowsWeatherPersistence() throws {
    // The last input step of each validation window, turned back into °C, is the
    // "same as yesterday" forecast, so its error must equal the baseline's on the same days.
    let weather = try SeattleWeather.load(from: repositoryDataDirectory)
    let features = weather.features()
    let standardizer = ColumnStandardizer(fittingRows: weather.trainingRows, of: features, featureCount: 4)
    let windows = TimeseriesWindows(
        data: standardizer.transform(features), featureCount: 4,
        targets: weather.column(.maximumTemperature),
        sequenceLength: 14, delay: 1, targetRange: weather.validationRows, batchSize: 64)
    let temperatureColumn = SeattleWeather.Column.allCases.firstIndex(of: .maximumTemperature)!

    var totalError = 0.0
    var days = 0
    for batch in windows {
        #expect(batch.inputShape.dropFirst() == [14, 4])
        for window in 0..<batch.targets.count {
            let lastStep = batch.inputs[(window * 14 + 13) * 4 + temperatureColumn]
            let forecast = standardizer.inverseTransform(lastStep, column: temperatureColumn)
            totalError += Double(abs(forecast - batch.targets[window]))
            days += 1
        }
    }
    let baseline = PersistenceForecast.meanAbsoluteError(weather.column(.maximumTemperature), over: weather.validationRows)

    #expect(days == 365)
    #expect(abs(totalError / Double(days) - baseline) < 1e-4, "windows \(totalError / Double(days)), baseline \(baseline)")
}
