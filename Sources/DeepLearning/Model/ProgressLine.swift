import Foundation

/// Prints Keras-style progress: `Epoch 3/5`, then `469/469 - 3s - loss: 0.5123 - accuracy: 0.8150`.
///
/// With verbose 1 the line is rewritten in place with a carriage return during the epoch, at most
/// ten times a second and always at the end. With verbose 2 only the final line is printed, and
/// with verbose 0 nothing is.
final class ProgressLine {
    private let verbose: Int
    private let batchCount: Int
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawnLength = 0

    init(verbose: Int, epoch: Int, epochs: Int, batchCount: Int) {
        self.verbose = verbose
        self.batchCount = batchCount
        if verbose > 0 {
            print("Epoch \(epoch + 1)/\(epochs)")
            fflush(stdout)
        }
    }

    func update(batch: Int, logs: [(String, Double)]) {
        guard verbose == 1, batch < batchCount else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        print("\r" + padded(line(batch: batch, logs: logs)), terminator: "")
        fflush(stdout)
    }

    func finish(logs: [(String, Double)]) {
        guard verbose > 0 else { return }
        let text = line(batch: batchCount, logs: logs)
        print(verbose == 1 ? "\r" + padded(text) : text)
        fflush(stdout)
    }

    /// Pads `text` with spaces to the length of the line it overwrites, so no old characters remain.
    private func padded(_ text: String) -> String {
        defer { drawnLength = Swift.max(drawnLength, text.count) }
        return text + String(repeating: " ", count: Swift.max(0, drawnLength - text.count))
    }

    private func line(batch: Int, logs: [(String, Double)]) -> String {
        let seconds = Int(Date().timeIntervalSince(start).rounded())
        let values = logs.map { "\($0.0): \(String(format: "%.4f", $0.1))" }
        return (["\(batch)/\(batchCount)", "\(seconds)s"] + values).joined(separator: " - ")
    }
}
