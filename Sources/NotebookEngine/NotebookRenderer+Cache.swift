import Foundation

/// A cell's source hash and its cache key.
struct CellKey: Equatable {
    var sourceHash: String
    var key: String
}

extension NotebookRenderer {
    /// Computes each cell's source hash and cache key; each key chains the previous one, so a
    /// change in one cell invalidates every later cell.
    func cellKeys(for notebook: Notebook) throws -> [CellKey] {
        let salt = try compilerAndLibrarySalt()
        var previous = ""
        return notebook.cells.map { cell in
            var source = SHA256()
            source.update(cell.code)
            source.update("\u{0}")
            source.update(cell.options.canonicalText)
            let sourceHash = source.hexDigest()

            var key = SHA256()
            for part in [sourceHash, previous, salt] {
                key.update(part)
                key.update("\u{0}")
            }
            previous = key.hexDigest()
            return CellKey(sourceHash: sourceHash, key: previous)
        }
    }

    func compilerAndLibrarySalt() throws -> String {
        if let cacheSalt { return cacheSalt }
        let salt = try toolchain.compilerVersion() + "\u{0}" + toolchain.libraryFingerprint()
        cacheSalt = salt
        return salt
    }

    func storedRecord(in directory: String, matching keys: [CellKey]) -> NotebookRecord? {
        guard let record = loadRecord(in: directory),
              record.succeeded,
              record.cells.map(\.key) == keys.map(\.key) else {
            return nil
        }
        for cell in record.cells {
            for case let .image(image) in cell.outputs where !FileManager.default.fileExists(atPath: "\(directory)/\(image.file)") {
                return nil
            }
        }
        return record
    }

    /// Returns the stored record in `directory`, whatever its status, or nil if there is none.
    func loadRecord(in directory: String) -> NotebookRecord? {
        guard let data = FileManager.default.contents(atPath: "\(directory)/outputs.json"),
              let record = try? JSONDecoder().decode(NotebookRecord.self, from: data),
              record.formatVersion == NotebookRecord.currentFormatVersion else {
            return nil
        }
        return record
    }

    /// Returns the figure files of a stored record, found in its output directory.
    func storedFigures(of record: NotebookRecord, in directory: String) -> [String: String] {
        var figures: [String: String] = [:]
        for cell in record.cells {
            for case let .image(image) in cell.outputs {
                figures[image.file] = "\(directory)/\(image.file)"
            }
        }
        return figures
    }
}
