import DeepLearning
import Foundation

/// Trains a GRU that predicts tomorrow's maximum temperature in Seattle from the last 14 days, on
/// 2012–2013, and scores it on 2014 against "same as yesterday".
func runWeatherForecast() throws {
    heading("Seattle weather: next-day maximum temperature (train 2012–2013, validate 2014)")
    let weather = try SeattleWeather.load()
    let temperature = weather.column(.maximumTemperature)
    let baseline = PersistenceForecast.meanAbsoluteError(temperature, over: weather.validationRows)
    print("same as yesterday: 2014 MAE \(formatted(baseline, 3)) °C")

    // The four measurements plus the season as a point on the unit circle, because 14 days alone
    // do not tell spring from autumn. The statistics come from the training years only.
    let featureCount = SeattleWeather.Column.allCases.count + 2
    let measurements = weather.features()
    var features: [Float] = []
    for row in 0..<weather.count {
        let angle = 2 * Float.pi * Float(dayOfYear(weather.dates[row])) / 365.25
        features += measurements[(row * 4)..<((row + 1) * 4)]
        features += [sin(angle), cos(angle)]
    }
    let standardizer = ColumnStandardizer(fittingRows: weather.trainingRows, of: features, featureCount: featureCount)
    let data = standardizer.transform(features)
    let temperatureColumn = 1
    let targets = data.enumerated().compactMap { $0.offset % featureCount == temperatureColumn ? $0.element : nil }

    let training = TimeseriesWindows(
        data: data, featureCount: featureCount, targets: targets, sequenceLength: 14, delay: 1,
        targetRange: weather.trainingRows)
    let validation = TimeseriesWindows(
        data: data, featureCount: featureCount, targets: targets, sequenceLength: 14, delay: 1,
        targetRange: weather.validationRows)
    let (trainX, trainY) = training.tensors()
    let (validationX, validationY) = validation.tensors()
    print("windows: \(training.windowCount) training, \(validation.windowCount) validation (targets \(validation.targetRows.first!)…\(validation.targetRows.last!))")

    setSeed(3)
    let model = Sequential {
        Input(shape: [14, featureCount])
        GRU(16, recurrentDropout: 0.25)
        Dense(1)
    }
    model.summary()
    model.compile(optimizer: RMSprop(), loss: .meanSquaredError, metrics: [.mae])
    let (_, seconds) = try timed {
        try model.fit(trainX, trainY, epochs: 40, batchSize: 32, validationData: (validationX, validationY), verbose: 0)
    }

    let predictions = try model.predict(validationX).scalars
    var totalError = 0.0
    for (prediction, row) in zip(predictions, validation.targetRows) {
        let celsius = standardizer.inverseTransform(prediction, column: temperatureColumn)
        totalError += Double(abs(celsius - temperature[row]))
    }
    let modelError = totalError / Double(predictions.count)
    print("GRU(16), 40 epochs (\(formatted(seconds, 1)) s): 2014 MAE \(formatted(modelError, 3)) °C")
    print("RESULT weather persistence_mae=\(formatted(baseline, 3)) gru_mae=\(formatted(modelError, 3))")
}

/// Returns the day of the year, from 1, of an ISO date such as `2014-03-01`.
private func dayOfYear(_ date: String) -> Int {
    let parts = date.split(separator: "-").compactMap { Int($0) }
    let (year, month, day) = (parts[0], parts[1], parts[2])
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let monthLengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return monthLengths.prefix(month - 1).reduce(0, +) + day
}
