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

    /// Writes the page, `outputs.json`, the figures and the prose images into a staging
    /// directory beside the target, then swaps it into place, so an interrupted render leaves
    /// the old output whole. Files no longer referenced are not copied, which prunes them.
    ///
    /// The home page is written to `<outputRoot>/index.html` (atomically, on its own) after its
    /// directory is in place, so the figures it shows exist before it does.
    ///
    /// - Parameter files: path below the output directory (`figures/…`, `media/…`) to the file to copy.
    func write(record: NotebookRecord, page: String, files: [String: String], location: PageLocation) throws {
        let fileManager = FileManager.default
        let directory = "\(options.outputRoot)/\(location.outputName)"
        let parent = URL(fileURLWithPath: directory).deletingLastPathComponent().path
        let name = URL(fileURLWithPath: directory).lastPathComponent
        let staging = "\(parent)/.staging-\(name)-\(UUID().uuidString)"

        do {
            try fileManager.createDirectory(atPath: "\(staging)/figures", withIntermediateDirectories: true)
            for (file, source) in files.sorted(by: { $0.key < $1.key }) {
                let destination = "\(staging)/\(file)"
                let folder = URL(fileURLWithPath: destination).deletingLastPathComponent().path
                try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try fileManager.copyItem(atPath: source, toPath: destination)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(record).write(to: URL(fileURLWithPath: "\(staging)/outputs.json"))
            if !location.isHome {
                try page.write(toFile: "\(staging)/index.html", atomically: false, encoding: .utf8)
            }
            try options.beforeCommit?(staging)
            try replaceDirectory(at: directory, with: staging)
        } catch {
            try? fileManager.removeItem(atPath: staging)
            throw RenderError(message: Message.outputNotWritable(path: directory, reason: describe(error)).text())
        }

        guard location.isHome else { return }
        let homePage = pagePath(of: location)
        do {
            try page.write(toFile: homePage, atomically: true, encoding: .utf8)
        } catch {
            throw RenderError(message: Message.outputNotWritable(path: homePage, reason: describe(error)).text())
        }
    }
}
