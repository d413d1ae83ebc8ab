import NotebookEvents

/// Cell boundary hooks that redbook's generated program calls around each cell.
///
/// Notebook code never calls these itself; the underscore marks them as plumbing.
public enum _NotebookCell {
    /// Marks the start of cell `index` (zero-based among the notebook's executable cells).
    public static func begin(_ index: Int) {
        NotebookSession.shared.begin(cell: index)
    }

    /// Marks the normal end of cell `index`.
    public static func end(_ index: Int) {
        NotebookSession.shared.end(cell: index)
    }

    /// Reports an error thrown by cell `index`, which was marked `error: true` and wrapped in
    /// `do`/`catch` by the generated program.
    public static func caught(_ error: any Error, cell index: Int) {
        let description = String(describing: error)
        if NotebookSession.shared.isAttached {
            NotebookSession.shared.send(.caughtError(description: description), cell: index)
        } else {
            print("error: \(description)")
        }
    }
}
