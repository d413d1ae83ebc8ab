internal import CCairo

public func cairoVersionString() -> String { String(cString: cairo_version_string()) }
