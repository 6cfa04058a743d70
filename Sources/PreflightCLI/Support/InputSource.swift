import ArgumentParser
import Foundation

/// Where a command reads its input: a file path, or `-` / nothing for standard input.
struct InputSource: ExpressibleByArgument, Sendable {
    /// `nil` means standard input.
    let path: String?

    init(path: String?) { self.path = path == "-" ? nil : path }
    init?(argument: String) { self.init(path: argument) }

    static let standardInput = InputSource(path: nil)

    /// A name for messages: the path, or `<stdin>`.
    var displayName: String { path ?? "<stdin>" }

    /// Reads every byte (trailing newline included).
    func readBytes() throws -> [UInt8] {
        if let path {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw InputError.unreadable(path: path)
            }
            return [UInt8](data)
        }
        return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    }

    /// Reads the input as UTF-8 text, rejecting invalid UTF-8 with the byte offset of the first bad sequence.
    func readText() throws -> String {
        try UTF8Text.decode(readBytes(), source: displayName)
    }
}

/// Input problems, each saying what and where.
enum InputError: Error, CustomStringConvertible {
    case unreadable(path: String)
    case invalidUTF8(source: String, byteOffset: Int)
    case invalidJSONLine(source: String, line: Int, reason: String)

    var description: String {
        switch self {
        case .unreadable(let path):
            return "cannot read '\(path)': no such file, or not readable"
        case .invalidUTF8(let source, let byteOffset):
            return "\(source): invalid UTF-8 at byte offset \(byteOffset)"
        case .invalidJSONLine(let source, let line, let reason):
            return "\(source):\(line): \(reason)"
        }
    }
}

/// Strict UTF-8 decoding: never substitutes U+FFFD silently.
enum UTF8Text {
    /// Decodes `bytes` as UTF-8, or throws `InputError.invalidUTF8` with the offset of the first invalid byte.
    static func decode(_ bytes: [UInt8], source: String) throws -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        throw InputError.invalidUTF8(source: source, byteOffset: firstInvalidOffset(in: bytes))
    }

    /// The byte offset of the first sequence that is not valid UTF-8.
    /// - Complexity: O(n).
    static func firstInvalidOffset(in bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        var offset = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            offset += UTF8.width(scalar)
        }
        return offset
    }
}
