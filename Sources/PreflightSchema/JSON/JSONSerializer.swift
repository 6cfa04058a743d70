/// Writes JSON text: compact, UTF-8, numbers as their literal, and optionally keys sorted by
/// code point for a canonical form (what `responseFormat` payloads and stable test output use).
public enum JSONSerializer {
    /// How to order object keys.
    public enum KeyOrder: Sendable {
        /// Document (insertion) order.
        case preserved
        /// Sorted by UTF-8 bytes (= code point order), for a canonical, diffable form.
        case sorted
    }

    /// The serialisation of `value` as bytes.
    /// - Complexity: O(size of the value), plus O(k log k) per object when sorting.
    public static func bytes(from value: JSONValue, keyOrder: KeyOrder = .preserved) -> [UInt8] {
        var output: [UInt8] = []
        write(value, keyOrder: keyOrder, into: &output)
        return output
    }

    /// The serialisation of `value` as a string.
    /// - Complexity: as `bytes(from:keyOrder:)`.
    public static func string(from value: JSONValue, keyOrder: KeyOrder = .preserved) -> String {
        String(decoding: bytes(from: value, keyOrder: keyOrder), as: UTF8.self)
    }

    private static func write(_ value: JSONValue, keyOrder: KeyOrder, into output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): output.append(contentsOf: number.literal.utf8)
        case .string(let text): writeString(text, into: &output)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (offset, item) in items.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                write(item, keyOrder: keyOrder, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            var members = Array(object)
            if keyOrder == .sorted { members.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) } }
            for (offset, member) in members.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                writeString(member.0, into: &output)
                output.append(UInt8(ascii: ":"))
                write(member.1, keyOrder: keyOrder, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string literal: escapes `"`, `\` and control characters; everything else as UTF-8.
    static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
            case 0x0A: output.append(contentsOf: "\\n".utf8)
            case 0x0D: output.append(contentsOf: "\\r".utf8)
            case 0x09: output.append(contentsOf: "\\t".utf8)
            case 0x08: output.append(contentsOf: "\\b".utf8)
            case 0x0C: output.append(contentsOf: "\\f".utf8)
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                output.append(contentsOf: "\\u00".utf8)
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0xF)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
