import Foundation

/// The shared `assets/` directory beside the pages: highlight.js and KaTeX from Debian's
/// packages, plus redbook's own style sheet and script.
enum PageAssets {
    static let directoryName = "assets"

    /// Files copied from Debian's `libjs-highlight.js` and `libjs-katex` packages: destination
    /// path under `assets/` to source path.
    static let packagedFiles: [(String, String)] = [
        ("highlight/highlight.min.js", "/usr/share/javascript/highlight.js/highlight.min.js"),
        ("highlight/github.css", "/usr/share/javascript/highlight.js/styles/github.css"),
        ("katex/katex.min.js", "/usr/share/javascript/katex/katex.min.js"),
        ("katex/katex.min.css", "/usr/share/javascript/katex/katex.min.css"),
    ]
    static let katexFonts = "/usr/share/javascript/katex/fonts"

    /// Installs the current assets in `root/assets`, replacing the directory atomically
    /// when its stamp differs.
    static func install(into root: String) throws {
        let fileManager = FileManager.default
        let target = "\(root)/\(directoryName)"
        let stamp = SHA256.hex(of: Array((PageStyle.css + PageStyle.script + packagedFiles.map(\.1).joined()).utf8))
        if let existing = try? String(contentsOfFile: "\(target)/.stamp", encoding: .utf8), existing == stamp {
            return
        }

        for (_, source) in packagedFiles where !fileManager.fileExists(atPath: source) {
            throw ToolchainError(message: .toolchainMissing(what: "the page asset", path: source + " (installed by scripts/setup)"))
        }
        let staging = "\(root)/.staging-assets-\(UUID().uuidString)"
        do {
            try fileManager.createDirectory(atPath: "\(staging)/highlight", withIntermediateDirectories: true)
            try fileManager.createDirectory(atPath: "\(staging)/katex", withIntermediateDirectories: true)
            for (destination, source) in packagedFiles {
                // Debian ships some of these as symbolic links (katex.min.js -> katex.js); copy the files.
                let file = URL(fileURLWithPath: source).resolvingSymlinksInPath().path
                try fileManager.copyItem(atPath: file, toPath: "\(staging)/\(destination)")
            }
            // The style sheet refers to fonts/ beside it; browsers load only the woff2 files.
            try fileManager.createDirectory(atPath: "\(staging)/katex/fonts", withIntermediateDirectories: true)
            let fonts = URL(fileURLWithPath: katexFonts).resolvingSymlinksInPath().path
            for font in try fileManager.contentsOfDirectory(atPath: fonts) where font.hasSuffix(".woff2") {
                let file = URL(fileURLWithPath: "\(fonts)/\(font)").resolvingSymlinksInPath().path
                try fileManager.copyItem(atPath: file, toPath: "\(staging)/katex/fonts/\(font)")
            }
            try PageStyle.css.write(toFile: "\(staging)/redbook.css", atomically: false, encoding: .utf8)
            try PageStyle.script.write(toFile: "\(staging)/redbook.js", atomically: false, encoding: .utf8)
            try stamp.write(toFile: "\(staging)/.stamp", atomically: false, encoding: .utf8)
            try replaceDirectory(at: target, with: staging)
        } catch {
            try? fileManager.removeItem(atPath: staging)
            throw ToolchainError(message: .outputNotWritable(path: target, reason: describe(error)))
        }
    }
}

/// Moves the directory `staging` to `target`, putting any existing `target` aside first and
/// deleting it only after the new one is in place.
func replaceDirectory(at target: String, with staging: String) throws {
    let fileManager = FileManager.default
    let parent = URL(fileURLWithPath: target).deletingLastPathComponent().path
    let name = URL(fileURLWithPath: target).lastPathComponent
    let retired = "\(parent)/.staging-old-\(name)-\(UUID().uuidString)"
    let hadTarget = fileManager.fileExists(atPath: target)
    if hadTarget {
        try fileManager.moveItem(atPath: target, toPath: retired)
    }
    do {
        try fileManager.moveItem(atPath: staging, toPath: target)
    } catch {
        if hadTarget {
            try? fileManager.moveItem(atPath: retired, toPath: target)
        }
        throw error
    }
    if hadTarget {
        try? fileManager.removeItem(atPath: retired)
    }
}
