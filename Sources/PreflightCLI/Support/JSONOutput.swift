import Foundation

/// Machine output: JSON with stable (sorted) keys, one value per line, on stdout.
enum JSONOutput {
    /// Encodes `value` on one line with sorted keys and prints it.
    static func printLine(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
