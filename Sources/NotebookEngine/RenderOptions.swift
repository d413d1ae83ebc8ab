import Foundation

/// Settings for rendering notebooks.
public struct RenderOptions: Sendable {
    /// Directory that receives one subdirectory per notebook and the shared `assets/`.
    public var outputRoot = "Output"
    /// Notebook time limit in seconds from `--timeout`; wins over the front matter.
    public var timeout: Double?
    /// Limit for a cell without its own `timeout` option, in seconds.
    public var cellTimeout: Double = 600
    /// Limit for a notebook without `timeout` in its front matter or on the command line, in seconds.
    public var notebookTimeout: Double = 1800
    /// Re-run every cell even when the stored outputs match.
    public var force = false
    /// Bytes kept per output stream per cell; the rest is dropped with a note.
    public var streamLimit = 256 * 1024
    /// Called with the staging directory just before it replaces the previous output; a
    /// throwing hook aborts the render there, which tests use to check atomicity.
    public var beforeCommit: (@Sendable (String) throws -> Void)?

    public init() {}
}
