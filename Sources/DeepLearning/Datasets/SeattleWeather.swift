import Foundation

/// Daily weather in Seattle from 2012-01-01 to 2015-12-31 (1461 days, none missing), NOAA records
/// as shipped by the `vega_datasets` package, committed in `Notebooks/data/seattle-weather/`.
///
/// The course splits the days by year:
///
/// | span | years | rows |
/// | --- | --- | --- |
/// | `trainingRows` | 2012–2013 | 0..<731 |
/// | `validationRows` | 2014 | 731..<1096 |
/// | `testRows` | 2015 | 1096..<1461 |
///
/// A model predicting the next day's maximum temperature must beat the "same as yesterday"
/// forecast, whose mean absolute error on the validation span is about 2.28 °C.
public struct SeattleWeather: Sendable {
    /// A numeric column of the data set; the raw value is its name in the CSV header.
    public enum Column: String, CaseIterable, Sendable {
        /// Daily precipitation in millimetres.
        case precipitation = "precipitation"

        /// Daily maximum temperature in °C.
        case maximumTemperature = "temp_max"

        /// Daily minimum temperature in °C.
        case minimumTemperature = "temp_min"

        /// Mean wind speed in metres per second.
        case wind = "wind"
    }

    /// The folder inside `Notebooks/data`.
    public static let folderName = "seattle-weather"

    /// The file inside `folderName`.
    public static let fileName = "seattle-weather.csv"

    /// The weather kinds in label order: `weatherLabels` contains indices into this array.
    public static let weatherKinds = ["drizzle", "fog", "rain", "snow", "sun"]

    /// The days in ISO 8601 form, `2012-01-01` first.
    public private(set) var dates: [String] = []

    /// The calendar year of each day.
    public private(set) var years: [Int] = []

    /// The numeric columns, each with one value per day.
    public private(set) var columns: [Column: [Float]] = [:]

    /// The weather kind of each day as written in the file, such as `rain`.
    public private(set) var weather: [String] = []

    /// The weather kind of each day as an index into `weatherKinds`.
    public private(set) var weatherLabels: [Int] = []

    /// The number of days.
    public var count: Int {
        dates.count
    }

    /// The rows of 2012 and 2013.
    public var trainingRows: Range<Int> {
        rows(inYears: 2012...2013)
    }

    /// The rows of 2014.
    public var validationRows: Range<Int> {
        rows(inYears: 2014...2014)
    }

    /// The rows of 2015.
    public var testRows: Range<Int> {
        rows(inYears: 2015...2015)
    }

    /// Returns the values of one column, one per day.
    public func column(_ column: Column) -> [Float] {
        columns[column]!
    }

    /// Returns the chosen columns side by side as a row-major `[count, columns.count]` matrix, the
    /// `data` of `TimeseriesWindows`.
    public func features(_ columns: [Column] = Column.allCases) -> [Float] {
        let values = columns.map(column)
        var matrix: [Float] = []
        matrix.reserveCapacity(count * columns.count)
        for row in 0..<count {
            for column in values {
                matrix.append(column[row])
            }
        }
        return matrix
    }

    /// Returns the rows whose dates fall in `years`; the rows are consecutive because the days are
    /// in date order.
    public func rows(inYears years: ClosedRange<Int>) -> Range<Int> {
        let first = self.years.firstIndex { years.contains($0) } ?? count
        let end = self.years.lastIndex { years.contains($0) }.map { $0 + 1 } ?? first
        return first..<end
    }

    /// Loads the data set from `Notebooks/data`, found with `CourseData.directory()`.
    public static func load() throws -> SeattleWeather {
        try load(from: CourseData.directory())
    }

    /// Loads the data set from a data folder such as `<repository>/Notebooks/data`.
    ///
    /// - Throws: `DatasetError` naming a missing file or a line that breaks the format.
    public static func load(from dataDirectory: URL) throws -> SeattleWeather {
        let url = dataDirectory.appendingPathComponent(folderName).appendingPathComponent(fileName)
        return try SeattleWeather(csv: readDataFile(url, remedy: CourseData.committedFileRemedy), path: url.path)
    }

    /// Parses the CSV format of `seattle-weather.csv`: the header
    /// `date,precipitation,temp_max,temp_min,wind,weather`, then one day per line with the date as
    /// `yyyy/mm/dd`, in date order.
    ///
    /// - Parameter path: The file's path, used in error messages.
    /// - Throws: `DatasetError.invalidLine` naming the first line that breaks the format.
    public init(csv contents: String, path: String) throws {
        let header = "date,precipitation,temp_max,temp_min,wind,weather"
        let lines = dataLines(of: contents)
        guard lines.first == Substring(header) else {
            throw DatasetError.invalidLine(path: path, line: 1, expected: "the header \"\(header)\"", found: "\"\(lines.first ?? "")\"")
        }

        let numericColumns: [Column] = [.precipitation, .maximumTemperature, .minimumTemperature, .wind]
        for column in numericColumns {
            columns[column] = []
        }
        for (offset, line) in lines.enumerated().dropFirst() {
            func invalid(_ expected: String) -> DatasetError {
                .invalidLine(path: path, line: offset + 1, expected: expected, found: "\"\(line)\"")
            }

            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 6 else {
                throw invalid("6 comma-separated fields")
            }
            guard let date = isoDate(fields[0]), dates.last.map({ $0 < date }) ?? true else {
                throw invalid("a date yyyy/mm/dd later than the line before")
            }
            dates.append(date)
            years.append(Int(date.prefix(4))!)

            for (column, field) in zip(numericColumns, fields[1...4]) {
                guard let value = Float(field), value.isFinite else {
                    throw invalid("a number for \(column.rawValue)")
                }
                columns[column]!.append(value)
            }

            guard let label = Self.weatherKinds.firstIndex(of: String(fields[5])) else {
                throw invalid("a weather kind among \(Self.weatherKinds.joined(separator: ", "))")
            }
            weather.append(String(fields[5]))
            weatherLabels.append(label)
        }
    }
}

/// Converts `yyyy/mm/dd` to `yyyy-mm-dd`, or returns nil when the text is not such a date.
private func isoDate(_ text: Substring) -> String? {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
          let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil,
          (1...12).contains(month), (1...31).contains(day)
    else {
        return nil
    }
    return parts.joined(separator: "-")
}
