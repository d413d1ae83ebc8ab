import CMark
public func cmarkVersion() -> String { String(cString: cmark_version_string()) }
