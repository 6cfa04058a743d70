import ArgumentParser
import Foundation

/// The exit codes of the command line (`cli-contract.md`), and the one place that turns any
/// error into a one-line message on stderr plus the right code.
enum CLIFailure {
    /// The answer is "no": a prompt does not fit, a reply is invalid.
    static let answerIsNo = ExitCode(1)
    /// Usage error or bad input: unknown model or tokenizer, unreadable file, malformed JSON.
    static let badInput = ExitCode(2)
    /// Remote failure: network, HTTP or API error after retries.
    static let remote = ExitCode(3)

    /// Maps an error to what `exit(withError:)` should see: help and clean exits pass through,
    /// validation errors keep their message but exit 2 instead of ArgumentParser's 64, and any
    /// other error is printed as one line on stderr with exit 2.
    static func normalized(_ error: any Error) -> any Error {
        if let exit = error as? ExitCode { return exit }
        if error is CleanExit { return error }
        let message = PreflightCommand.message(for: error)
        if PreflightCommand.exitCode(for: error) == .success { return error }
        if !message.isEmpty {
            FileHandle.standardError.write(Data(("preflight: " + firstLine(of: message) + "\n").utf8))
        }
        if error is RemoteFailure { return remote }
        return badInput
    }

    private static func firstLine(of message: String) -> String {
        let trimmed = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
        return trimmed.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? trimmed
    }
}

/// Marks an error as a remote failure (exit 3). The client's errors conform to it in the CLI.
protocol RemoteFailure: Error {}
