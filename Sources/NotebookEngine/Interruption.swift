import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Signals after which redbook cleans up and exits: Ctrl-C, `kill`, and a closed terminal.
let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

/// The cleanup a termination signal needs: the running child's process group and the
/// temporary directories in use.
enum Interruption {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var processGroup: pid_t = 0
    nonisolated(unsafe) private static var temporaryDirectories: Set<String> = []
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func setRunningProcessGroup(_ group: pid_t) {
        lock.withLock { processGroup = group }
    }

    /// Records a directory to delete if a signal ends redbook before its owner removes it.
    static func register(temporaryDirectory path: String) {
        _ = lock.withLock { temporaryDirectories.insert(path) }
    }

    static func unregister(temporaryDirectory path: String) {
        _ = lock.withLock { temporaryDirectories.remove(path) }
    }

    /// Handles each termination signal on a dispatch queue instead of in a C signal handler,
    /// because deleting directories is not safe inside a signal handler.
    static func install() {
        lock.withLock {
            guard sources.isEmpty else { return }
            for number in terminationSignals {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { terminate(after: number) }
                source.resume()
                sources.append(source)
            }
        }
    }

    /// Kills the child's process group, deletes the temporary directories and exits with
    /// 128 plus the signal number, as a shell reports a process ended by that signal.
    private static func terminate(after number: Int32) -> Never {
        killRunningProcessGroup()
        let directories = lock.withLock { temporaryDirectories }
        for path in directories {
            try? FileManager.default.removeItem(atPath: path)
        }
        // The main thread may have started another child meanwhile.
        killRunningProcessGroup()
        _exit(128 + number)
    }

    private static func killRunningProcessGroup() {
        let group = lock.withLock { processGroup }
        if group > 0 {
            kill(-group, SIGKILL)
        }
    }
}

/// Makes SIGINT, SIGTERM and SIGHUP kill the running notebook program's process group and
/// delete redbook's temporary directories before redbook exits. The program runs in its own
/// process group, so a terminal's Ctrl-C or hang-up would not reach it.
public func installInterruptHandler() {
    Interruption.install()
}
