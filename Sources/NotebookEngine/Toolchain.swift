import Foundation

/// The locations of the prebuilt notebook library and the Swift compiler, and the swiftc arguments.
///
/// A render never builds the libraries: it compiles only the generated `main.swift` and links
/// it against `libRedbookNotebook.so` from a release build of this package.
public struct Toolchain: Sendable {
    /// Directory with `libRedbookNotebook.so` and `Modules/`, such as `<repo>/.build/release`.
    public var buildDirectory: String
    /// The package root, which contains the C module maps under `Sources/`.
    public var packageDirectory: String
    public var swiftcPath: String
    /// Include directories of the C libraries the notebook library's modules import.
    public var cIncludeDirectories: [String]

    public static let buildDirectoryVariable = "REDBOOK_BUILD_DIR"
    static let libraryName = "libRedbookNotebook.so"
    // NOTE: a new system-library target whose headers need pkg-config flags must be added here.
    static let pkgConfigPackages = ["openblas", "cairo", "zlib"]

    public init(buildDirectory: String, packageDirectory: String, swiftcPath: String, cIncludeDirectories: [String]) {
        self.buildDirectory = buildDirectory
        self.packageDirectory = packageDirectory
        self.swiftcPath = swiftcPath
        self.cIncludeDirectories = cIncludeDirectories
    }

    /// Finds the toolchain for this process.
    ///
    /// The build directory is `REDBOOK_BUILD_DIR` if set, else the directory of the running
    /// executable (`/proc/self/exe`), which for `redbook` is `<repo>/.build/release`. The package
    /// root is the nearest ancestor of the build directory holding `Package.swift`.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Toolchain {
        let buildDirectory: String
        if let override = environment[buildDirectoryVariable], !override.isEmpty {
            buildDirectory = URL(fileURLWithPath: override).standardizedFileURL.resolvingSymlinksInPath().path
        } else {
            let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            buildDirectory = executable.deletingLastPathComponent().path
        }

        let fileManager = FileManager.default
        let library = "\(buildDirectory)/\(libraryName)"
        guard fileManager.fileExists(atPath: library) else {
            throw toolchainError(.toolchainMissing(what: "the notebook library \(libraryName)", path: library))
        }
        let runtimeModule = "\(buildDirectory)/Modules/NotebookRuntime.swiftmodule"
        guard fileManager.fileExists(atPath: runtimeModule) else {
            throw toolchainError(.toolchainMissing(what: "the module NotebookRuntime", path: runtimeModule))
        }

        var packageDirectory = URL(fileURLWithPath: buildDirectory)
        while !fileManager.fileExists(atPath: packageDirectory.appendingPathComponent("Package.swift").path) {
            guard packageDirectory.path != "/" else {
                throw toolchainError(.toolchainMissing(what: "Package.swift above the build directory", path: buildDirectory))
            }
            packageDirectory.deleteLastPathComponent()
        }

        let swiftc = try findExecutable("swiftc", environment: environment)
        let includes = try pkgConfigIncludeDirectories(environment: environment)
        return Toolchain(buildDirectory: buildDirectory, packageDirectory: packageDirectory.path, swiftcPath: swiftc,
                         cIncludeDirectories: includes)
    }

    /// Arguments for `swiftc` that compile `source` into `output`.
    func compileArguments(source: String, output: String) -> [String] {
        var arguments = ["-Onone", "-diagnostic-style=llvm", "-module-name", "Notebook", source, "-I", "\(buildDirectory)/Modules"]
        for directory in cModuleDirectories {
            arguments += ["-I", directory]
        }
        for directory in cIncludeDirectories {
            arguments += ["-Xcc", "-I\(directory)"]
        }
        arguments += ["-L", buildDirectory, "-lRedbookNotebook", "-Xlinker", "-rpath", "-Xlinker", buildDirectory, "-o", output]
        return arguments
    }

    /// Directories under `Sources/` with a `module.modulemap`: the C modules that the notebook
    /// library's Swift modules import, which the compiler must find to load them. A system-library
    /// target keeps its module map at the top of its directory, a C target in its `include/`.
    var cModuleDirectories: [String] {
        let sources = "\(packageDirectory)/Sources"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: sources)) ?? []
        return names.sorted()
            .flatMap { ["\(sources)/\($0)", "\(sources)/\($0)/include"] }
            .filter { FileManager.default.fileExists(atPath: "\($0)/module.modulemap") }
    }

    /// Returns the first line of `swiftc --version`, part of every cache key.
    public func compilerVersion() throws -> String {
        let result = try runTool(swiftcPath, ["--version"])
        guard result.status == 0 else {
            throw toolchainError(.toolFailed(command: "swiftc --version", status: result.status, output: result.standardError))
        }
        return result.standardOutput.split(separator: "\n").first.map(String.init) ?? ""
    }

    /// SHA-256 of the notebook library, part of every cache key, so a rebuilt library re-runs notebooks.
    public func libraryFingerprint() throws -> String {
        let path = "\(buildDirectory)/\(Self.libraryName)"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw toolchainError(.toolchainMissing(what: "the notebook library \(Self.libraryName)", path: path))
        }
        return SHA256.hex(of: data)
    }

    private static func findExecutable(_ name: String, environment: [String: String]) throws -> String {
        let searchPath = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in searchPath.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        throw toolchainError(.toolNotFound(name))
    }

    private static func pkgConfigIncludeDirectories(environment: [String: String]) throws -> [String] {
        let pkgConfig = try findExecutable("pkg-config", environment: environment)
        let result = try runTool(pkgConfig, ["--cflags-only-I"] + pkgConfigPackages)
        guard result.status == 0 else {
            throw toolchainError(.toolFailed(command: "pkg-config --cflags-only-I \(pkgConfigPackages.joined(separator: " "))",
                                             status: result.status, output: result.standardError + " (run 'make build', which installs the system packages)"))
        }
        return result.standardOutput.split(whereSeparator: { $0 == " " || $0 == "\n" })
            .filter { $0.hasPrefix("-I") }
            .map { String($0.dropFirst(2)) }
    }
}

/// A toolchain problem: not tied to a notebook line, so it names the path or tool instead.
struct ToolchainError: Error, CustomStringConvertible {
    var message: Message
    var description: String { "error: " + message.text() }
}

private func toolchainError(_ message: Message) -> ToolchainError {
    ToolchainError(message: message)
}

/// The result of running a short-lived tool.
struct ToolResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

/// Runs a tool to completion with its output captured, for swiftc and pkg-config.
func runTool(_ executable: String, _ arguments: [String], workingDirectory: String = FileManager.default.currentDirectoryPath) throws -> ToolResult {
    let child = ChildProcess(executable: executable, arguments: arguments,
                             environment: ProcessInfo.processInfo.environment, workingDirectory: workingDirectory)
    var output: [UInt8] = []
    var errors: [UInt8] = []
    let termination = try child.run(onOutput: { stream, bytes in
        switch stream {
        case .stdout: output += bytes
        case .stderr: errors += bytes
        case .events: break
        }
    }, shouldStop: { false })

    let status: Int32
    switch termination {
    case let .exited(code): status = code
    case let .signaled(signal): status = 128 + signal
    case .stopped: status = 128 + SIGKILL
    }
    return ToolResult(status: status, standardOutput: String(decoding: output, as: UTF8.self),
                      standardError: String(decoding: errors, as: UTF8.self))
}
