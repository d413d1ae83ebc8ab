/// The "same as before" forecast for a time series: the value `lag` steps ago is the prediction.
///
/// For daily weather with `lag: 1` it predicts that tomorrow's maximum temperature equals today's,
/// the common-sense baseline that a forecasting model must beat.
public enum PersistenceForecast {
    /// Returns the predictions for `rows`: `series[row - lag]` for each row.
    public static func predictions(_ series: [Float], for rows: Range<Int>, lag: Int = 1) -> [Float] {
        precondition(lag >= 1, "PersistenceForecast: lag must be at least 1; got \(lag)")
        precondition(rows.lowerBound >= lag && rows.upperBound <= series.count, "PersistenceForecast: rows \(rows) need \(lag) earlier values and must lie in the \(series.count) values 0..<\(series.count)")
        return rows.map { series[$0 - lag] }
    }

    /// Returns the mean absolute error of the forecast over `rows`, in the unit of `series`.
    public static func meanAbsoluteError(_ series: [Float], over rows: Range<Int>, lag: Int = 1) -> Double {
        precondition(!rows.isEmpty, "PersistenceForecast.meanAbsoluteError: rows \(rows) are empty")
        let forecasts = predictions(series, for: rows, lag: lag)
        let totalError = zip(forecasts, rows).reduce(0.0) { $0 + Double(abs($1.0 - series[$1.1])) }
        return totalError / Double(rows.count)
    }
}
