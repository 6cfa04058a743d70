/// A JSON value, as RFC 8259 defines it, with JSON Schema's notion of equality.
///
/// Equality is the one JSON Schema uses for `const`, `enum` and `uniqueItems`: numbers compare by
/// value (`1 == 1.0`), strings by Unicode scalars (not Swift's canonical equivalence, so `"é"` and
/// `"e\u{301}"` differ), objects regardless of key order, and `true` never equals `1`.
public enum JSONValue: Sendable, Hashable, CustomStringConvertible {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, kept exactly as written.
    case number(JSONNumber)
    /// A string (any Unicode scalars; lone surrogates are rejected by the parser).
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, keys in document order.
    case object(JSONObject)

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return JSONKey.sameScalars(a, b)
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .number(let value): hasher.combine(value)
        case .string(let value): JSONKey(value).hash(into: &hasher)
        case .array(let values): hasher.combine(values)
        case .object(let object): hasher.combine(object)
        }
    }

    /// The compact serialisation, keys in document order.
    public var description: String { JSONSerializer.string(from: self) }

    /// The JSON type name, as JSON Schema's `type` keyword spells it (`integer` is reported as `number`).
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// The member `key` of an object, else `nil`.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The string payload, else `nil`.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The object payload, else `nil`.
    public var objectValue: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The array payload, else `nil`.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(floatLiteral value: Double) { self = .number(JSONNumber(floatLiteral: value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// Keys keep the order written; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var object = JSONObject()
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }
    public init(nilLiteral: ()) { self = .null }
}

/// A string compared and hashed by its UTF-8 bytes (JSON's code-point equality), for object keys.
struct JSONKey: Hashable, Sendable {
    let string: String
    init(_ string: String) { self.string = string }
    static func == (lhs: JSONKey, rhs: JSONKey) -> Bool { sameScalars(lhs.string, rhs.string) }

    /// Whether two strings have the same UTF-8 bytes (hence the same scalars), compared on contiguous storage.
    /// - Complexity: O(n).
    static func sameScalars(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        var left = lhs
        var right = rhs
        return left.withUTF8 { leftBytes in right.withUTF8 { rightBytes in leftBytes.elementsEqual(rightBytes) } }
    }
    func hash(into hasher: inout Hasher) {
        var text = string
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(0xFF as UInt8)
    }
}

/// A JSON object: members in document order, plus an index for O(1) lookup by key.
public struct JSONObject: Sendable, Hashable, Sequence {
    /// Keys in document order.
    public private(set) var keys: [String] = []
    /// Values, parallel to `keys`.
    public private(set) var values: [JSONValue] = []
    private var index: [JSONKey: Int] = [:]

    /// An empty object.
    public init() {}

    /// The number of members.
    public var count: Int { keys.count }

    /// The value for `key`, or `nil`; setting appends a new key or replaces the value in place.
    public subscript(key: String) -> JSONValue? {
        get { index[JSONKey(key)].map { values[$0] } }
        set {
            if let position = index[JSONKey(key)] {
                if let newValue {
                    values[position] = newValue
                } else {
                    keys.remove(at: position)
                    values.remove(at: position)
                    index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { (JSONKey($1), $0) })
                }
            } else if let newValue {
                index[JSONKey(key)] = keys.count
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// Adds a member unless the key is present; returns false for a duplicate (the parser's check).
    mutating func insertNew(_ key: String, _ value: JSONValue) -> Bool {
        let jsonKey = JSONKey(key)
        if index[jsonKey] != nil { return false }
        index[jsonKey] = keys.count
        keys.append(key)
        values.append(value)
        return true
    }

    /// Whether `key` is a member.
    public func contains(key: String) -> Bool { index[JSONKey(key)] != nil }

    /// Iterates `(key, value)` pairs in document order.
    public func makeIterator() -> Zip2Sequence<[String], [JSONValue]>.Iterator {
        zip(keys, values).makeIterator()
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs {
            guard let other = rhs[key], other == value else { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent: combine per-member hashes commutatively.
        var combined = 0
        for (key, value) in self {
            var member = Hasher()
            JSONKey(key).hash(into: &member)
            member.combine(value)
            combined ^= member.finalize()
        }
        hasher.combine(count)
        hasher.combine(combined)
    }
}
