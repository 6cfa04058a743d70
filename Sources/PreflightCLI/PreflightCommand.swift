import ArgumentParser
import Foundation

/// The `preflight` command: count, check and cost prompts for Workers AI models before sending,
/// and validate the JSON that comes back. Subcommands live in `Commands/`, one file each.
@main
struct PreflightCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preflight",
        abstract: "Count, check and cost prompts for Cloudflare Workers AI, offline; validate the JSON replies.",
        subcommands: [
            TokenizersCommand.self,
            TokenizeCommand.self,
            CountCommand.self,
            ModelsCommand.self,
            CheckCommand.self,
            ValidateCommand.self,
            CostCommand.self,
            ForecastCommand.self,
            RunCommand.self,
        ]
    )

    /// Runs the command with the exit codes of `cli-contract.md`: usage errors and bad input exit 2
    /// (ArgumentParser's default would be 64), a "no" answer exits 1, a remote failure exits 3.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: CLIFailure.normalized(error))
        }
    }
}
