import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A child process in its own process group, with stdout, stderr and one extra descriptor
/// read as pipes by a single poll loop.
///
/// posix_spawn is used rather than Foundation's `Process` because the child needs an extra
/// inherited descriptor for events and its own process group, so that a timeout can kill
/// everything it started.
struct ChildProcess {
    enum Stream {
        case stdout
        case stderr
        case events
    }

    enum Termination: Equatable {
        case exited(Int32)
        case signaled(Int32)
        /// The engine killed the process group because `shouldStop` returned true.
        case stopped
    }

    var executable: String
    var arguments: [String]
    var environment: [String: String]
    var workingDirectory: String
    /// Descriptor number at which the child finds the write end of the events pipe.
    var eventsDescriptor: Int32 = 3

    /// Runs the child to the end.
    ///
    /// - Parameters:
    ///   - onOutput: called with each chunk read from one of the three pipes.
    ///   - shouldStop: polled at least every 100 ms; returning true kills the process group.
    func run(onOutput: (Stream, ArraySlice<UInt8>) -> Void, shouldStop: () -> Bool) throws -> Termination {
        let outputPipe = try makePipe()
        let errorPipe = try makePipe()
        let eventsPipe = try makePipe()

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe.write, STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, errorPipe.write, STDERR_FILENO)
        posix_spawn_file_actions_adddup2(&actions, eventsPipe.write, eventsDescriptor)
        addChangeDirectory(&actions, workingDirectory)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        // redbook ignores the termination signals (a dispatch source handles them), and ignored
        // signals stay ignored across exec, so the child gets the default actions back.
        for signal in [SIGPIPE] + terminationSignals {
            sigaddset(&defaultSignals, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }

        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(outputPipe.write)
        close(errorPipe.write)
        close(eventsPipe.write)
        guard status == 0 else {
            close(outputPipe.read)
            close(errorPipe.read)
            close(eventsPipe.read)
            throw NotebookDiagnostic(severity: .error, file: executable, line: 1, column: 1,
                                     message: Message.programFailedToStart(reason: String(cString: strerror(status))).text())
        }

        Interruption.setRunningProcessGroup(pid)
        defer { Interruption.setRunningProcessGroup(0) }

        var open: [(Int32, Stream)] = [(outputPipe.read, .stdout), (errorPipe.read, .stderr), (eventsPipe.read, .events)]
        var buffer = [UInt8](repeating: 0, count: 65536)
        var stopped = false
        var exitStatus: Int32?

        while !open.isEmpty {
            var descriptors = open.map { pollfd(fd: $0.0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&descriptors, nfds_t(descriptors.count), 100)
            if ready < 0 && errno != EINTR {
                break
            }

            var closed: Set<Int32> = []
            for entry in descriptors where entry.revents != 0 {
                let count = read(entry.fd, &buffer, buffer.count)
                if count > 0 {
                    let stream = open.first(where: { $0.0 == entry.fd })!.1
                    onOutput(stream, buffer[0..<count])
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    closed.insert(entry.fd)
                }
            }
            for descriptor in closed {
                close(descriptor)
            }
            open.removeAll { closed.contains($0.0) }

            if !stopped && shouldStop() {
                kill(-pid, SIGKILL)
                stopped = true
            }
            // A grandchild may keep the pipes open after the child is gone; stop reading then.
            if exitStatus == nil, let status = reap(pid, blocking: false) {
                exitStatus = status
                drain(open, into: &buffer, onOutput: onOutput)
                open.forEach { close($0.0) }
                open = []
            }
        }

        let finalStatus = exitStatus ?? reap(pid, blocking: true) ?? 0
        if stopped {
            return .stopped
        }
        if finalStatus & 0x7f == 0 {
            return .exited((finalStatus >> 8) & 0xff)
        }
        return .signaled(finalStatus & 0x7f)
    }

    private func drain(_ open: [(Int32, Stream)], into buffer: inout [UInt8], onOutput: (Stream, ArraySlice<UInt8>) -> Void) {
        for (descriptor, stream) in open {
            let flags = fcntl(descriptor, F_GETFL)
            _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                guard count > 0 else { break }
                onOutput(stream, buffer[0..<count])
            }
        }
    }

    private func reap(_ pid: pid_t, blocking: Bool) -> Int32? {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
            if result == pid {
                return status
            }
            if result < 0 && errno == EINTR {
                continue
            }
            return nil
        }
    }

    private func makePipe() throws -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else {
            throw NotebookDiagnostic(severity: .error, file: executable, line: 1, column: 1,
                                     message: Message.programFailedToStart(reason: String(cString: strerror(errno))).text())
        }
        // Another thread may spawn between pipe() and here and inherit these ends. The poll loop
        // copes with that because it stops reading once its own child has exited.
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        return (descriptors[0], descriptors[1])
    }
}

private typealias AddChangeDirectory = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

/// glibc's `posix_spawn_file_actions_addchdir_np` (glibc 2.29 and later), looked up at run time
/// because Swift's Glibc module does not declare GNU extensions.
private let addChangeDirectoryFunction: AddChangeDirectory? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else {
        return nil
    }
    return unsafeBitCast(symbol, to: AddChangeDirectory.self)
}()

private func addChangeDirectory(_ actions: inout posix_spawn_file_actions_t, _ directory: String) {
    // NOTE: without the glibc function the child starts in redbook's own working directory.
    guard let function = addChangeDirectoryFunction else { return }
    _ = function(&actions, directory)
}

/// Returns the conventional name of a signal, such as "SIGILL".
func signalName(_ signal: Int32) -> String {
    let names: [Int32: String] = [
        SIGILL: "SIGILL", SIGTRAP: "SIGTRAP", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE",
        SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV", SIGPIPE: "SIGPIPE", SIGTERM: "SIGTERM", SIGINT: "SIGINT",
    ]
    return names[signal] ?? "signal \(signal)"
}
