public enum NotebookEventsVersion { public static let current = 1 }
