import Foundation

/// A multinomial naive-Bayes classifier over token counts with additive (Laplace) smoothing: the
/// baseline a neural text classifier must beat.
///
/// It scores a class `c` for a sequence as `log P(c) + Σ log P(token | c)` over the sequence's
/// tokens, with `P(token | c) = (count(token, c) + smoothing) / (tokens in c + smoothing × V)`,
/// where V is the number of token indices that count.
///
/// ```swift
/// var classifier = MultinomialNaiveBayes()
/// classifier.fit(tokenizer.sequences(for: train.texts), labels: train.labels, vocabularySize: tokenizer.vocabularySize)
/// let accuracy = classifier.accuracy(tokenizer.sequences(for: test.texts), labels: test.labels)
/// ```
public struct MultinomialNaiveBayes: Sendable {
    /// The pseudo-count added to every token of every class; 1 is Laplace smoothing.
    public let smoothing: Double

    /// Whether a token counts once per sequence however often it repeats there (binarized naive
    /// Bayes), which often suits sentiment, where one "好" says as much as three.
    public let binary: Bool

    /// Indices that carry no evidence and are skipped: padding and out-of-vocabulary by default.
    public let ignoredIndices: Set<Int>

    /// The log prior of each class, from its share of the training sequences.
    public private(set) var logPriors: [Double] = []

    /// `logLikelihoods[class][index]`: the smoothed log probability of the token in the class.
    public private(set) var logLikelihoods: [[Double]] = []

    /// Creates an untrained classifier; call `fit` next.
    public init(
        smoothing: Double = 1,
        binary: Bool = false,
        ignoring ignoredIndices: Set<Int> = [Tokenizer.paddingIndex, Tokenizer.outOfVocabularyIndex]
    ) {
        precondition(smoothing > 0, "MultinomialNaiveBayes: smoothing must be positive; got \(smoothing)")
        self.smoothing = smoothing
        self.binary = binary
        self.ignoredIndices = ignoredIndices
    }

    /// The number of classes seen by `fit`.
    public var classCount: Int {
        logPriors.count
    }

    /// Counts the tokens of each class and turns the counts into smoothed log probabilities.
    ///
    /// - Parameters:
    ///   - sequences: Token indices, each in `0..<vocabularySize`.
    ///   - labels: The class of each sequence, from 0; the largest label sets the class count.
    public mutating func fit(_ sequences: [[Int]], labels: [Int], vocabularySize: Int) {
        precondition(sequences.count == labels.count, "MultinomialNaiveBayes.fit: \(sequences.count) sequences but \(labels.count) labels")
        precondition(!labels.isEmpty, "MultinomialNaiveBayes.fit: no training sequences")
        precondition(labels.allSatisfy { $0 >= 0 }, "MultinomialNaiveBayes.fit: labels must be 0 or more; found \(labels.min()!)")
        let classCount = labels.max()! + 1

        var documentCounts = [Int](repeating: 0, count: classCount)
        var tokenCounts = [[Double]](repeating: [Double](repeating: 0, count: vocabularySize), count: classCount)
        for (sequence, label) in zip(sequences, labels) {
            documentCounts[label] += 1
            for index in counted(sequence) {
                precondition(index >= 0 && index < vocabularySize, "MultinomialNaiveBayes.fit: token index \(index) is outside 0..<\(vocabularySize)")
                tokenCounts[label][index] += 1
            }
        }

        let countedIndices = Double((0..<vocabularySize).filter { !ignoredIndices.contains($0) }.count)
        logPriors = documentCounts.map { log(Double($0) / Double(labels.count)) }
        logLikelihoods = tokenCounts.map { counts in
            let denominator = log(counts.reduce(0, +) + smoothing * countedIndices)
            return counts.map { log($0 + smoothing) - denominator }
        }
    }

    /// Returns the unnormalised log posterior of each class for one sequence.
    public func scores(for sequence: [Int]) -> [Double] {
        precondition(!logPriors.isEmpty, "MultinomialNaiveBayes.scores(for:): call fit before predicting")
        return (0..<classCount).map { label in
            var score = logPriors[label]
            for index in counted(sequence) {
                precondition(index >= 0 && index < logLikelihoods[label].count, "MultinomialNaiveBayes: token index \(index) is outside the fitted vocabulary of \(logLikelihoods[label].count)")
                score += logLikelihoods[label][index]
            }
            return score
        }
    }

    /// Returns the most likely class of each sequence; ties go to the lower class.
    public func predict(_ sequences: [[Int]]) -> [Int] {
        sequences.map { sequence in
            let scores = scores(for: sequence)
            return scores.firstIndex(of: scores.max()!)!
        }
    }

    /// Returns the fraction of sequences whose predicted class equals the label.
    public func accuracy(_ sequences: [[Int]], labels: [Int]) -> Double {
        precondition(sequences.count == labels.count && !labels.isEmpty, "MultinomialNaiveBayes.accuracy: needs as many labels as sequences, at least one; got \(sequences.count) sequences and \(labels.count) labels")
        let correct = zip(predict(sequences), labels).filter { $0 == $1 }.count
        return Double(correct) / Double(labels.count)
    }

    /// The indices of `sequence` that count as evidence, once each when `binary` is set.
    private func counted(_ sequence: [Int]) -> [Int] {
        let evidence = sequence.filter { !ignoredIndices.contains($0) }
        guard binary else { return evidence }

        // First occurrences in sequence order, so sums are added in the same order on every run.
        var seen = Set<Int>()
        return evidence.filter { seen.insert($0).inserted }
    }
}
