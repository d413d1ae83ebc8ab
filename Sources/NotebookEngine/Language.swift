import Foundation

/// The language of redbook's messages and page chrome.
public enum Language: String, Codable, Sendable {
    case english = "en"
    case chinese = "zh"

    /// Returns the language for terminal messages: Chinese when `LC_ALL`, `LC_MESSAGES` or `LANG`
    /// (checked in that order, as POSIX does) starts with `zh`, English otherwise.
    public static func forMessages(environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[variable], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("zh") ? .chinese : .english
        }
        return .english
    }

    /// Returns the language for page chrome of a notebook whose front matter sets `lang`.
    public static func forPage(lang: String) -> Language {
        lang.lowercased().hasPrefix("zh") ? .chinese : .english
    }

    /// The language of terminal messages for this process.
    public static let current = forMessages()
}
