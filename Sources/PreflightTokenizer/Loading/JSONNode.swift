import Foundation

/// A value from `JSONSerialization` with the JSON Pointer that reached it, so every type error
/// names its place in the file (`/model/merges/17`).
struct JSONNode {
    let value: Any?
    let pointer: String
    let file: String

    /// The parsed root of `data`.
    static func parse(_ data: Data, file: String) throws(VocabularyError) -> JSONNode {
        do {
            let value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return JSONNode(value: value, pointer: "", file: file)
        } catch {
            throw .invalidJSON(file: file, pointer: "", reason: "not valid JSON (\(error.localizedDescription))")
        }
    }

    /// The member `key` (a missing member and `null` are both `isNull`).
    subscript(key: String) -> JSONNode {
        let escaped = key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        return JSONNode(value: (value as? [String: Any])?[key], pointer: pointer + "/" + escaped, file: file)
    }

    /// Whether the value is absent or `null`.
    var isNull: Bool { value == nil || value is NSNull }

    func fail(_ reason: String) -> VocabularyError { .invalidJSON(file: file, pointer: pointer, reason: reason) }

    /// The elements, each with its pointer.
    func array() throws(VocabularyError) -> [JSONNode] {
        guard let array = value as? [Any] else { throw fail("expected an array") }
        return array.enumerated().map { JSONNode(value: $1, pointer: pointer + "/\($0)", file: file) }
    }

    /// The value as an object.
    func object() throws(VocabularyError) -> [String: Any] {
        guard let object = value as? [String: Any] else { throw fail("expected an object") }
        return object
    }

    func string() throws(VocabularyError) -> String {
        guard let string = value as? String else { throw fail("expected a string") }
        return string
    }

    func int() throws(VocabularyError) -> Int {
        if let number = value as? NSNumber, !(value is Bool), number.doubleValue == Double(number.intValue) {
            return number.intValue
        }
        if let int = value as? Int { return int }
        throw fail("expected an integer")
    }

    /// A boolean, or `defaultValue` when absent or null.
    func bool(default defaultValue: Bool) throws(VocabularyError) -> Bool {
        if isNull { return defaultValue }
        guard let bool = value as? Bool else { throw fail("expected true or false") }
        return bool
    }

    /// The `"type"` member of a component object.
    func type() throws(VocabularyError) -> String { try self["type"].string() }
}
