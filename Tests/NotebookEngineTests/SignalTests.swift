import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Returns whether process `pid` is gone or only waits to be reaped.
private func processEnded(_ pid: Int32) -> Bool {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
    let afterName = status[(status.lastIndex(of: ")") ?? status.startIndex)...]
    return afterName.dropFirst(2).first == "Z"
}

/// Waits up to `seconds` for `condition`, checking every 50 ms.
private func wait(seconds: Double, until condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        usleep(50_000)
    }
    return condition()
}

@Test(arguments: [SIGHUP, SIGINT, SIGTERM])
func signalStopsNotebookAndCleansUp(_ signal: Int32) throws {
    let directory = try TestSupport.temporaryDirectory()
    let temporary = try TestSupport.temporaryDirectory()
    let notebook = "```swift\nimport Glibc\nlet pid = \"\\(getpid())\"\ntry! pid.write(toFile: \"pid.txt\", atomically: true, encoding: .utf8)\nsleep(60)\n```\n"
    try notebook.write(toFile: "\(directory)/slow.md", atomically: true, encoding: .utf8)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "\(TestSupport.packageRoot)/.build/release/redbook")
    process.arguments = ["render", "--output", "\(directory)/out", "\(directory)/slow.md"]
    process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary]) { $1 }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()

    let started = wait(seconds: 120) { FileManager.default.fileExists(atPath: "\(directory)/pid.txt") }
    try #require(started, "the notebook program never wrote its pid")
    usleep(100_000)
    let childText = try String(contentsOfFile: "\(directory)/pid.txt", encoding: .utf8)
    let child = try #require(Int32(childText), "pid file: \(childText)")
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: temporary).filter { $0.hasPrefix("redbook-") }

    #expect(process.terminationStatus == 128 + signal, "status: expected \(128 + signal), observed \(process.terminationStatus)")
    #expect(wait(seconds: 5) { processEnded(child) }, "notebook program \(child) still runs")
    #expect(leftovers.isEmpty, "left behind: \(leftovers)")
    kill(child, SIGKILL)
}
