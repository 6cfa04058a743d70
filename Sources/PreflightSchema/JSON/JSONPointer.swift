/// A JSON Pointer (RFC 6901): the location of a value inside a JSON document, e.g. `/items/2/score`.
///
/// Every location Preflight reports (instance and keyword locations of validation errors, parse
/// positions inside schemas) is one of these. Reference tokens are stored unescaped; `description`
/// escapes `~` as `~0` and `/` as `~1`.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible, Comparable {
    /// The unescaped reference tokens, outermost first.
    public private(set) var tokens: [String]

    /// The pointer to the whole document (`""`).
    public static let root = JSONPointer(tokens: [])

    /// A pointer made of unescaped tokens.
    public init(tokens: [String]) { self.tokens = tokens }

    /// Parses the RFC 6901 string form (`""` or `/a/b~1c`).
    /// - Throws: `JSONPointerError` when the text does not start with `/` or has a bad `~` escape.
    /// - Complexity: O(n).
    public init(parsing text: String) throws(JSONPointerError) {
        if text.isEmpty {
            self.init(tokens: [])
            return
        }
        guard text.hasPrefix("/") else { throw .missingLeadingSlash(text) }
        var tokens: [String] = []
        for raw in text.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst() {
            var token: [UInt8] = []
            var index = raw.startIndex
            while index < raw.endIndex {
                let byte = raw[index]
                if byte == UInt8(ascii: "~") {
                    let next = raw.index(after: index)
                    guard next < raw.endIndex else { throw .invalidEscape(text) }
                    switch raw[next] {
                    case UInt8(ascii: "0"): token.append(UInt8(ascii: "~"))
                    case UInt8(ascii: "1"): token.append(UInt8(ascii: "/"))
                    default: throw .invalidEscape(text)
                    }
                    index = raw.index(after: next)
                } else {
                    token.append(byte)
                    index = raw.index(after: index)
                }
            }
            tokens.append(String(decoding: token, as: UTF8.self))
        }
        self.init(tokens: tokens)
    }

    /// The pointer with `token` appended.
    public func appending(_ token: String) -> JSONPointer {
        var copy = self
        copy.tokens.append(token)
        return copy
    }

    /// The pointer with an array index appended.
    public func appending(_ index: Int) -> JSONPointer { appending(String(index)) }

    /// The pointer with all of `other`'s tokens appended.
    public func appending(contentsOf other: JSONPointer) -> JSONPointer {
        var copy = self
        copy.tokens.append(contentsOf: other.tokens)
        return copy
    }

    /// The RFC 6901 string, e.g. `/a~1b/0`.
    public var description: String {
        var text = ""
        for token in tokens {
            text += "/"
            for scalar in token.unicodeScalars {
                switch scalar {
                case "~": text += "~0"
                case "/": text += "~1"
                default: text.unicodeScalars.append(scalar)
                }
            }
        }
        return text
    }

    /// The value this pointer designates in `document`, or `nil` when a step is missing.
    /// Array steps must be canonical decimal indices (`0`, `12`; not `01`, `-`).
    /// - Complexity: O(depth), plus O(1) per object step.
    public func resolve(in document: JSONValue) -> JSONValue? {
        var current = document
        for token in tokens {
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let items):
                guard let index = Self.arrayIndex(token), index < items.count else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }

    /// The index a token names, if it is a canonical non-negative decimal.
    static func arrayIndex(_ token: String) -> Int? {
        guard let first = token.utf8.first, token.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              first != UInt8(ascii: "0") || token.utf8.count == 1 else { return nil }
        return Int(token)
    }

    /// Orders by value (used for sorting reports).
    public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        lhs.description.utf8.lexicographicallyPrecedes(rhs.description.utf8)
    }
}

/// Why a string is not a JSON Pointer.
public enum JSONPointerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A non-empty pointer must start with `/`.
    case missingLeadingSlash(String)
    /// `~` must be followed by `0` or `1`.
    case invalidEscape(String)

    /// What is wrong and where, as a sentence a person can act on.
    public var description: String {
        switch self {
        case .missingLeadingSlash(let text): return "JSON Pointer '\(text)' must be empty or start with '/'"
        case .invalidEscape(let text): return "JSON Pointer '\(text)' has a '~' not followed by 0 or 1"
        }
    }
}
