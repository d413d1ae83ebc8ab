import Foundation

/// The folder `Notebooks/data` that contains the committed course data sets.
public enum CourseData {
    /// The remedy given when a committed data file is missing or unreadable.
    static let committedFileRemedy = "The file is part of the redbook repository: restore it with `git checkout -- Notebooks/data`, or rebuild the folder with scripts/prepare-course-data."

    /// Finds `Notebooks/data` from `start` (the current directory by default) or a folder above it.
    ///
    /// Notebook programs run with either the notebook's folder or the repository root as their
    /// current directory, so both `<repository>/Notebooks/data` and a `data` folder beside the
    /// notebook are accepted. A `data` folder counts only if it holds one of the course data
    /// sets, so an unrelated `data` folder on the way up is skipped.
    ///
    /// - Throws: `DatasetError.dataDirectoryNotFound` when no folder up to the file-system root has one.
    public static func directory(
        searchingFrom start: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) throws -> URL {
        var folder = start.standardizedFileURL
        while true {
            for candidate in [folder.appendingPathComponent("Notebooks/data"), folder.appendingPathComponent("data")]
            where holdsCourseData(candidate) {
                return candidate
            }

            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path {
                throw DatasetError.dataDirectoryNotFound(start: start.path)
            }
            folder = parent
        }
    }

    private static func holdsCourseData(_ folder: URL) -> Bool {
        [ReviewSentiment.folderName, SeattleWeather.folderName].contains { name in
            var isDirectory: ObjCBool = false
            let path = folder.appendingPathComponent(name).path
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }
}
