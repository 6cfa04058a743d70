import PreflightSchema

extension ReplyValidator {
    /// Validates replies against `schema` with the schema module's validator; each violation
    /// becomes one message (`at /city: … is required`).
    ///
    /// Replies that came back as text are searched for their JSON value first: the whole text,
    /// else the first fenced code block, else the span from the first `{` or `[` to the last
    /// matching `}` or `]`.
    public static func schema(_ schema: CompiledSchema) -> ReplyValidator {
        ReplyValidator(
            extract: { text in findJSON(in: text) },
            validate: { value in schema.validate(value).violations.map(\.description) })
    }

    /// The JSON value a model's reply holds, if any.
    /// - Complexity: O(n) in the reply's length per candidate, three candidates at most.
    static func findJSON(in text: String) -> JSONValue? {
        let parser = JSONParser()
        if let whole = try? parser.parse(text) { return whole }
        if let fenced = fencedBlock(in: text), let value = try? parser.parse(fenced) { return value }
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { $0 == "{" || $0 == "[" }) else { return nil }
        let closer: Unicode.Scalar = scalars[start] == "{" ? "}" : "]"
        guard let end = scalars.lastIndex(of: closer), start < end else { return nil }
        return try? parser.parse(String(scalars[start...end]))
    }

    /// The contents of the first ``` fenced block (its info string, e.g. `json`, dropped).
    /// Works on UTF-8 bytes: a "\r\n" line end is one `Character` and would hide the "\n".
    private static func fencedBlock(in text: String) -> String? {
        let bytes = Array(text.utf8)
        let fence = Array("```".utf8)
        func find(_ needle: [UInt8], from start: Int) -> Int? {
            guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
            return (start...(bytes.count - needle.count)).first { bytes[$0..<$0 + needle.count].elementsEqual(needle) }
        }
        guard let open = find(fence, from: 0),
            let lineEnd = bytes[(open + 3)...].firstIndex(of: UInt8(ascii: "\n")),
            let close = find(fence, from: lineEnd + 1)
        else { return nil }
        return String(decoding: bytes[(lineEnd + 1)..<close], as: UTF8.self)
    }
}
