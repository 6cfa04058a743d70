import Foundation

/// Runs the built `preflight` executable, for end-to-end CLI tests (argument-parser's style):
/// feeds standard input from bytes, captures stdout, stderr and the exit code.
public enum PreflightProcess {
    /// What one run printed and returned.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Errors finding or running the executable.
    public enum Failure: Error, CustomStringConvertible {
        case executableNotFound(searched: [String])
        public var description: String {
            switch self {
            case .executableNotFound(let searched):
                return "preflight executable not found (build it with `swift build --build-tests`); looked in "
                    + searched.joined(separator: ", ")
            }
        }
    }

    /// The `preflight` binary next to the test bundle (the build products folder).
    public static func executableURL() throws -> URL {
        var folders: [URL] = []
        folders.append(Bundle.main.bundleURL)
        folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        for bundle in Bundle.allBundles { folders.append(bundle.bundleURL.deletingLastPathComponent()) }
        for folder in folders {
            for candidate in [folder, folder.deletingLastPathComponent()] {
                let url = candidate.appendingPathComponent("preflight")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    FileManager.default.isExecutableFile(atPath: url.path)
                {
                    return url
                }
            }
        }
        throw Failure.executableNotFound(searched: folders.map(\.path))
    }

    /// The package root, from this file's path: where the committed examples and fixtures live.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `preflight arguments…` with `input` on standard input, in `workingDirectory` when given
    /// (relative paths in `arguments` resolve against it), and with only `environment` (plus a
    /// minimal `PATH`) when given, else the test's own environment.
    public static func run(
        _ arguments: [String], input: [UInt8] = [], workingDirectory: URL? = nil, environment: [String: String]? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = try executableURL()
        process.arguments = arguments
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        if let environment { process.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { $1 } }
        let inputFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("preflight-stdin-\(UUID().uuidString)")
        try Data(input).write(to: inputFile)
        defer { try? FileManager.default.removeItem(at: inputFile) }
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both pipes fully before waiting, so a large output cannot block the child.
        let errorData = ErrorCollector(stderr.fileHandleForReading)
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData.finish(), as: UTF8.self))
    }

    /// Drains a pipe on a background thread.
    private final class ErrorCollector: @unchecked Sendable {
        // @unchecked Sendable: `data` is written only by the reading thread before `done` is
        // signalled, and read only after waiting on it.
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        func finish() -> Data {
            done.wait()
            return data
        }
    }
}
