import DeepLearning
import Foundation

/// The repository's `Notebooks/data` folder, found from this file's path so tests do not depend
/// on the current directory.
let repositoryDataDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Notebooks/data")

/// Creates an empty folder of its own for one test.
func emptyTemporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("redbook-dataset-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// The path named by a `DatasetError.missingFile`, or nil for any other error.
func missingFilePath(in error: DatasetError) -> String? {
    guard case .missingFile(let path, _) = error else { return nil }
    return path
}
