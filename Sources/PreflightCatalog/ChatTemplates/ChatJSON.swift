/// A JSON value that keeps object members in the order they were written and numbers as written.
///
/// Chat templates print tool definitions and tool-call arguments back out as JSON (Hugging Face's
/// `tojson`, mistral-common's `json.dumps`), and those printers keep the caller's key order. A
/// dictionary-backed value would reorder keys and change the prompt, so the chat model uses this
/// ordered tree instead of Foundation's `JSONSerialization`.
public enum ChatJSON: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number, kept as its JSON lexeme (`"21"`, `"0.5"`, `"1e3"`) so no precision is lost.
    case number(String)
    case string(String)
    case array([ChatJSON])
    /// Members in document order. Duplicate keys are kept as written; lookups take the last one, as Python does.
    case object([(key: String, value: ChatJSON)])

    /// The member named `key` of an object (the last one if repeated), or `nil`.
    /// - Complexity: O(n) in the number of members.
    public subscript(key: String) -> ChatJSON? {
        guard case .object(let members) = self else { return nil }
        return members.last(where: { $0.key == key })?.value
    }

    /// The string payload, or `nil` for any other kind of value.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The members of an object, or `nil` for any other kind of value.
    public var objectMembers: [(key: String, value: ChatJSON)]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The elements of an array, or `nil` for any other kind of value.
    public var arrayElements: [ChatJSON]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// What kind of value this is, for error messages ("a string", "an object").
    public var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// Equal when the values are the same; see the type's notes on what counts as the same.
    public static func == (lhs: ChatJSON, rhs: ChatJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a.unicodeScalars.elementsEqual(b.unicodeScalars)
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count
                && zip(a, b).allSatisfy { $0.key.unicodeScalars.elementsEqual($1.key.unicodeScalars) && $0.value == $1.value }
        default: return false
        }
    }

    /// Hashes what `==` compares.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .number(let lexeme): hasher.combine(lexeme)
        case .string(let text): hasher.combine(Array(text.utf8))
        case .array(let elements): hasher.combine(elements)
        case .object(let members):
            for member in members {
                hasher.combine(Array(member.key.utf8))
                hasher.combine(member.value)
            }
        }
    }
}
