import Foundation

/// The output paths of a notebook's page and files, relative to the output root.
///
/// The files (`outputs.json`, `figures/`, `media/`) go to `<outputRoot>/<outputName>/`. The page
/// is `index.html` in that directory, except for a site's home page, which is
/// `<outputRoot>/index.html` and reaches its files through the prefix `<outputName>/`.
struct PageLocation: Equatable {
    var outputName: String
    var isHome = false

    /// Path components of the directory that contains the page, relative to the output root.
    var pageDirectory: [String] {
        isHome ? [] : outputName.split(separator: "/").map(String.init)
    }

    /// Prefix from the page to its own files: empty, or `<outputName>/` for the home page.
    var filesPrefix: String {
        isHome ? URLPath.encode(outputName) + "/" : ""
    }

    /// Relative path from the page to the shared `assets/` directory, ending in `/`.
    var assetsPath: String {
        String(repeating: "../", count: pageDirectory.count) + PageAssets.directoryName + "/"
    }

    /// Returns the relative URL of `other`'s page as seen from this page.
    func href(to other: PageLocation) -> String {
        let current = pageDirectory
        let target = other.pageDirectory + ["index.html"]
        var shared = 0
        while shared < current.count, shared < target.count - 1, current[shared] == target[shared] {
            shared += 1
        }
        let upward = Array(repeating: "..", count: current.count - shared)
        return (upward + target[shared...].map(URLPath.encodeComponent)).joined(separator: "/")
    }
}

/// Percent-encoding for the relative URLs that redbook writes into pages.
enum URLPath {
    /// Characters kept as they are in one path component. A colon is encoded too, because in
    /// the first component of a relative URL it would start a scheme.
    private static let allowed: CharacterSet = {
        var characters = CharacterSet.urlPathAllowed
        characters.remove(charactersIn: "/:")
        return characters
    }()

    static func encodeComponent(_ component: String) -> String {
        component.addingPercentEncoding(withAllowedCharacters: allowed) ?? component
    }

    /// Encodes each component of a `/`-separated relative path.
    static func encode(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { encodeComponent(String($0)) }.joined(separator: "/")
    }
}
