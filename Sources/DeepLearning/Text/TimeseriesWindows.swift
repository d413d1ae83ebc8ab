/// One batch of time-series windows and their targets.
public struct TimeseriesBatch: Sendable, Equatable {
    /// The windows, row-major with shape `inputShape`.
    public var inputs: [Float]

    /// `[windows in this batch, sequenceLength, featureCount]`.
    public var inputShape: [Int]

    /// One target per window, in the same order.
    public var targets: [Float]

    /// The data row that each target was read from, in the same order: the key to compare a
    /// model with a baseline on exactly the same days.
    public var targetRows: [Int]
}

/// Cuts a multivariate time series into batches of (window of past rows, future target) pairs,
/// like Keras's `timeseries_dataset_from_array`, but with the target offset built in.
///
/// The data is a row-major matrix with one row per time step and `featureCount` columns. The
/// window that predicts the target at row `t` reads `sequenceLength` rows that end `delay` rows
/// before `t`, taking every `samplingRate`-th row:
///
///     rows  t - delay - (sequenceLength - 1) * samplingRate, …, t - delay - samplingRate, t - delay
///
/// For daily weather, `sequenceLength: 14, delay: 1` predicts tomorrow from the last two weeks.
///
/// `targetRange` selects the targets, not the inputs. A window whose target lies in the validation
/// span may read rows from the training span before it: those are past observations, which a
/// real forecast has too. No window reads a row at or after its own target when `delay` is at
/// least 1, so training windows (targets in the training span) never read validation rows.
/// Targets too early to have a full window are skipped.
public struct TimeseriesWindows: Sequence, Sendable {
    public let featureCount: Int
    public let sequenceLength: Int
    public let samplingRate: Int
    public let delay: Int
    public let batchSize: Int

    /// The target row of every window, in the order the batches deliver them (shuffled when asked).
    public private(set) var targetRows: [Int]

    private let data: [Float]
    private let targets: [Float]

    /// Creates windows over `data`; nothing is copied until a batch is read.
    ///
    /// - Parameters:
    ///   - data: Row-major `[rows, featureCount]` inputs, usually standardized.
    ///   - featureCount: The number of columns in `data`.
    ///   - targets: One value per row of `data`; the target of a window is read at its target row.
    ///   - sequenceLength: The number of time steps in a window.
    ///   - samplingRate: The distance in rows between consecutive steps of a window.
    ///   - delay: How many rows after the last input row the target lies; 1 is the next row,
    ///     0 the last input row itself.
    ///   - targetRange: The rows whose targets are used; `nil` means every row.
    ///   - batchSize: The number of windows per batch; the last batch may be smaller.
    ///   - shuffle: Whether to visit the windows in a random order fixed by `seed`.
    ///   - seed: The seed of the shuffle; the same seed gives the same order.
    public init(
        data: [Float],
        featureCount: Int,
        targets: [Float],
        sequenceLength: Int,
        samplingRate: Int = 1,
        delay: Int = 1,
        targetRange: Range<Int>? = nil,
        batchSize: Int = 128,
        shuffle: Bool = false,
        seed: UInt64 = 0
    ) {
        precondition(featureCount > 0, "TimeseriesWindows: featureCount must be positive; got \(featureCount)")
        precondition(data.count % featureCount == 0, "TimeseriesWindows: data has \(data.count) values, which is not a whole number of rows of \(featureCount) features")
        let rowCount = data.count / featureCount
        precondition(targets.count == rowCount, "TimeseriesWindows: targets has \(targets.count) values but data has \(rowCount) rows")
        precondition(sequenceLength > 0, "TimeseriesWindows: sequenceLength must be positive; got \(sequenceLength)")
        precondition(samplingRate > 0, "TimeseriesWindows: samplingRate must be positive; got \(samplingRate)")
        precondition(delay >= 0, "TimeseriesWindows: delay must not be negative; got \(delay)")
        precondition(batchSize > 0, "TimeseriesWindows: batchSize must be positive; got \(batchSize)")
        let range = targetRange ?? 0..<rowCount
        precondition(range.lowerBound >= 0 && range.upperBound <= rowCount, "TimeseriesWindows: targetRange \(range) is outside the \(rowCount) rows 0..<\(rowCount)")

        self.featureCount = featureCount
        self.sequenceLength = sequenceLength
        self.samplingRate = samplingRate
        self.delay = delay
        self.batchSize = batchSize
        self.data = data
        self.targets = targets

        let firstTarget = Swift.max(range.lowerBound, delay + (sequenceLength - 1) * samplingRate)
        var rows = Array(firstTarget..<Swift.max(firstTarget, range.upperBound))
        if shuffle {
            var generator = SeededGenerator(seed: seed)
            rows.shuffleReproducibly(using: &generator)
        }
        targetRows = rows
    }

    /// The number of windows.
    public var windowCount: Int {
        targetRows.count
    }

    /// The number of batches, counting a smaller last one.
    public var batchCount: Int {
        (windowCount + batchSize - 1) / batchSize
    }

    /// Returns the data rows that the window for `targetRow` reads, oldest first.
    public func inputRows(forTargetRow targetRow: Int) -> [Int] {
        let lastRow = targetRow - delay
        return (0..<sequenceLength).map { lastRow - (sequenceLength - 1 - $0) * samplingRate }
    }

    /// Returns the batch at `index`, in `0..<batchCount`.
    public func batch(at index: Int) -> TimeseriesBatch {
        precondition(index >= 0 && index < batchCount, "TimeseriesWindows.batch(at:): index \(index) is outside 0..<\(batchCount)")
        let rows = Array(targetRows[(index * batchSize)..<Swift.min(windowCount, (index + 1) * batchSize)])

        var inputs: [Float] = []
        inputs.reserveCapacity(rows.count * sequenceLength * featureCount)
        for targetRow in rows {
            for inputRow in inputRows(forTargetRow: targetRow) {
                inputs += data[(inputRow * featureCount)..<((inputRow + 1) * featureCount)]
            }
        }
        return TimeseriesBatch(
            inputs: inputs,
            inputShape: [rows.count, sequenceLength, featureCount],
            targets: rows.map { targets[$0] },
            targetRows: rows)
    }

    /// Returns a copy that visits the same windows in the order fixed by `seed`, for a new order
    /// every epoch.
    public func reshuffled(seed: UInt64) -> TimeseriesWindows {
        var copy = self
        var generator = SeededGenerator(seed: seed)
        var rows = targetRows.sorted()
        rows.shuffleReproducibly(using: &generator)
        copy.targetRows = rows
        return copy
    }

    public func makeIterator() -> AnyIterator<TimeseriesBatch> {
        var next = 0
        return AnyIterator {
            guard next < batchCount else { return nil }
            defer { next += 1 }
            return batch(at: next)
        }
    }
}
