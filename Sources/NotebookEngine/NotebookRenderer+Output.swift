import Foundation

extension NotebookRenderer {
    /// Calls `body` with a fresh temporary directory and removes the directory afterwards.
    func withWorkDirectory<Result>(_ body: (String) throws -> Result) throws -> Result {
        let path = "\(NSTemporaryDirectory())/redbook-\(UUID().uuidString)"
        Interruption.register(temporaryDirectory: path)
        defer {
            try? FileManager.default.removeItem(atPath: path)
            Interruption.unregister(temporaryDirectory: path)
        }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return try body(path)
    }

    /// Writes the page, `outputs.json` and the figures into a staging directory beside the
    /// target, then swaps it into place, so an interrupted render leaves the old output whole.
    /// Figures no longer referenced are not copied, which prunes them.
    func write(record: NotebookRecord, page: String, figures: [String: String], to directory: String) throws {
        let fileManager = FileManager.default
        let parent = URL(fileURLWithPath: directory).deletingLastPathComponent().path
        let name = URL(fileURLWithPath: directory).lastPathComponent
        let staging = "\(parent)/.staging-\(name)-\(UUID().uuidString)"

        do {
            try fileManager.createDirectory(atPath: "\(staging)/figures", withIntermediateDirectories: true)
            for (file, source) in figures.sorted(by: { $0.key < $1.key }) {
                try fileManager.copyItem(atPath: source, toPath: "\(staging)/\(file)")
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(record).write(to: URL(fileURLWithPath: "\(staging)/outputs.json"))
            try page.write(toFile: "\(staging)/index.html", atomically: false, encoding: .utf8)
            try options.beforeCommit?(staging)
            try replaceDirectory(at: directory, with: staging)
        } catch {
            try? fileManager.removeItem(atPath: staging)
            throw RenderError(message: Message.outputNotWritable(path: directory, reason: describe(error)).text())
        }
    }
}
