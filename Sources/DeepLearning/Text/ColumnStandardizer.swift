/// Standardizes each column of a row-major matrix with a mean and standard deviation measured on
/// chosen rows only, so validation and test rows cannot leak into the statistics.
///
/// ```swift
/// let standardizer = ColumnStandardizer(fittingRows: weather.trainingRows, of: features, featureCount: 4)
/// let standardized = standardizer.transform(features)   // every row, training statistics
/// ```
public struct ColumnStandardizer: Sendable, Equatable {
    /// The mean of each column over the fitted rows.
    public let mean: [Float]

    /// The population standard deviation (dividing by the row count) of each column over the
    /// fitted rows. A column that is constant there gets 1 instead of 0, so it is centred but not
    /// divided by zero.
    public let standardDeviation: [Float]

    /// Measures the mean and standard deviation of each column over `rows` of `data`.
    public init(fittingRows rows: Range<Int>, of data: [Float], featureCount: Int) {
        precondition(featureCount > 0, "ColumnStandardizer: featureCount must be positive; got \(featureCount)")
        precondition(data.count % featureCount == 0, "ColumnStandardizer: data has \(data.count) values, which is not a whole number of rows of \(featureCount) features")
        let rowCount = data.count / featureCount
        precondition(!rows.isEmpty && rows.lowerBound >= 0 && rows.upperBound <= rowCount, "ColumnStandardizer: fitting rows \(rows) must be a non-empty part of the \(rowCount) rows 0..<\(rowCount)")

        // Sums in Double: a few thousand Float additions would lose about three digits.
        var sums = [Double](repeating: 0, count: featureCount)
        for row in rows {
            for column in 0..<featureCount {
                sums[column] += Double(data[row * featureCount + column])
            }
        }
        let means = sums.map { $0 / Double(rows.count) }

        var squaredDeviations = [Double](repeating: 0, count: featureCount)
        for row in rows {
            for column in 0..<featureCount {
                let deviation = Double(data[row * featureCount + column]) - means[column]
                squaredDeviations[column] += deviation * deviation
            }
        }
        let deviations = squaredDeviations.map { ($0 / Double(rows.count)).squareRoot() }

        mean = means.map { Float($0) }
        standardDeviation = deviations.map { $0 > 1e-12 ? Float($0) : 1 }
    }

    /// The number of columns.
    public var featureCount: Int {
        mean.count
    }

    /// Returns `(data - mean) / standardDeviation`, column by column, for every row of `data`.
    public func transform(_ data: [Float]) -> [Float] {
        checkShape(of: data, operation: "transform")
        return data.indices.map { (data[$0] - mean[$0 % featureCount]) / standardDeviation[$0 % featureCount] }
    }

    /// Returns `data * standardDeviation + mean`, undoing `transform`.
    public func inverseTransform(_ data: [Float]) -> [Float] {
        checkShape(of: data, operation: "inverseTransform")
        return data.indices.map { data[$0] * standardDeviation[$0 % featureCount] + mean[$0 % featureCount] }
    }

    /// Returns one standardized value of `column` in its original unit, such as a predicted
    /// temperature back in °C.
    public func inverseTransform(_ value: Float, column: Int) -> Float {
        precondition(column >= 0 && column < featureCount, "ColumnStandardizer.inverseTransform: column \(column) is outside 0..<\(featureCount)")
        return value * standardDeviation[column] + mean[column]
    }

    private func checkShape(of data: [Float], operation: String) {
        precondition(data.count % featureCount == 0, "ColumnStandardizer.\(operation): data has \(data.count) values, which is not a whole number of rows of \(featureCount) features")
    }
}
