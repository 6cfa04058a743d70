import ArgumentParser
import Foundation

/// `[--jsonl] [FILE|-]`: the texts a command works on. Without `--jsonl` the whole input, every
/// byte, is one text; with it, each line is one JSON string.
struct TextInputOptions: ParsableArguments {
    @Flag(name: .long, help: "Each input line is one JSON string; print one result line per input line.")
    var jsonl = false

    @Argument(help: "Input file, or - for standard input (the default).")
    var input: InputSource = .standardInput

    /// The texts, in input order.
    /// - Throws: `InputError` for unreadable input, invalid UTF-8 (with its byte offset) or a
    ///   line that is not a JSON string (with its line number).
    func texts() throws -> [String] {
        let whole = try input.readText()
        guard jsonl else { return [whole] }
        var lines = whole.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        let decoder = JSONDecoder()
        return try lines.enumerated().map { index, line in
            do {
                return try decoder.decode(String.self, from: Data(line.utf8))
            } catch {
                let reason = line.isEmpty ? "empty line; expected a JSON string" : "not a JSON string"
                throw InputError.invalidJSONLine(source: input.displayName, line: index + 1, reason: reason)
            }
        }
    }
}

/// Buffered standard output: commands that print one line per text write in large blocks.
struct OutputBuffer {
    private var bytes: [UInt8] = []

    mutating func appendLine(_ line: String) {
        bytes.append(contentsOf: line.utf8)
        bytes.append(0x0A)
        if bytes.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !bytes.isEmpty else { return }
        FileHandle.standardOutput.write(Data(bytes))
        bytes.removeAll(keepingCapacity: true)
    }
}
