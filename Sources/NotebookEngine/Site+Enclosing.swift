import Foundation

/// Finding the site of a notebook that is rendered on its own.
extension Site {
    /// Returns the root directory of the site that the notebook at `path` belongs to: the nearest
    /// directory that contains `index.md`, starting with the notebook's own directory and going up.
    ///
    /// The search stops at the filesystem root, and at the top of a Git working tree after
    /// checking that directory itself, so the notebooks of a repository never join a site outside
    /// it. The top is a directory that contains `.git`, which is a file in a linked worktree or a
    /// submodule. Returns an absolute path with `.` and `..` removed and symbolic links kept, or nil.
    public static func rootDirectory(forNotebookAt path: String) -> String? {
        var directory = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        while true {
            if FileManager.default.regularFileExists(atPath: directory.appendingPathComponent(homeFileName).path) {
                return directory.path
            }
            let parent = directory.deletingLastPathComponent()
            let isWorkingTreeTop = FileManager.default.fileExists(atPath: directory.appendingPathComponent(".git").path)
            if isWorkingTreeTop || parent.path == directory.path {
                return nil
            }
            directory = parent
        }
    }

    /// Returns the site whose page the notebook at `path` is, read from the directory that
    /// `rootDirectory(forNotebookAt:)` finds. Returns nil when there is no such directory or when
    /// its site leaves the notebook out: the notebook lies in a hidden or `data` directory or in
    /// `excluded`, or it cannot be read.
    ///
    /// - Parameter excluded: a directory to skip, such as the output root when it sits inside.
    public static func enclosing(notebookAt path: String, skipping excluded: String? = nil) -> Site? {
        guard let root = rootDirectory(forNotebookAt: path) else { return nil }
        let site = Site(directory: root, skipping: excluded)
        return site.page(forNotebookAt: path) == nil ? nil : site
    }

    /// Returns the page whose notebook is the file at `path`, the home page included.
    public func page(forNotebookAt path: String) -> Page? {
        page(resolvedPath: Self.resolve(path))
    }
}

extension FileManager {
    /// Returns whether a file that is not a directory exists at `path`, following symbolic links.
    func regularFileExists(atPath path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
