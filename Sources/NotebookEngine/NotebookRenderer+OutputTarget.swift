import Foundation

extension NotebookRenderer {
    /// Throws unless rendering `notebook` into `<outputRoot>/<outputName>` can only replace an
    /// earlier redbook output.
    ///
    /// Publishing swaps the whole directory, so anything else already there would be deleted:
    /// a directory of the user's files, a regular file, or the folder holding the notebook.
    func checkOutputTarget(for notebook: Notebook, outputName: String) throws {
        let fileManager = FileManager.default
        let root = options.outputRoot
        var isDirectory: ObjCBool = false

        if fileManager.fileExists(atPath: root, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw RenderError(message: Message.outputRootIsFile(path: root).text())
        }
        if outputName.split(separator: "/").first.map(String.init) == PageAssets.directoryName {
            throw RenderError(message: Message.outputNameReserved(notebook: notebook.path, name: PageAssets.directoryName).text())
        }

        let directory = "\(root)/\(outputName)"
        guard fileManager.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            return
        }
        if !isDirectory.boolValue {
            throw RenderError(message: Message.outputOccupied(path: directory, what: .file).text())
        }
        if Self.path(notebook.path, isInside: directory) {
            throw RenderError(message: Message.outputContainsNotebook(path: directory, notebook: notebook.path).text())
        }
        let contents = (try? fileManager.contentsOfDirectory(atPath: directory)) ?? []
        if !contents.isEmpty, !contents.contains("outputs.json") {
            throw RenderError(message: Message.outputOccupied(path: directory, what: .directory).text())
        }
    }

    /// Returns whether `path` lies below `directory`, after resolving `.`, `..` and symbolic links.
    static func path(_ path: String, isInside directory: String) -> Bool {
        let inner = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let outer = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        return inner.hasPrefix(outer.hasSuffix("/") ? outer : outer + "/")
    }
}
