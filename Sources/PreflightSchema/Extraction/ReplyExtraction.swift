/// Finds the JSON value in a model's reply and says where and how it was found.
///
/// Models wrap JSON in prose and code fences, stop mid-string when they hit `max_tokens`, or add
/// trailing commas. Extraction tries, in order: the whole reply; fenced blocks labelled `json`;
/// any fenced block; the first balanced value (`{…}` or `[…]`) after prose. A value that starts
/// but never ends is reported as `.truncated` (the usual cause: the output hit `max_tokens`);
/// malformed JSON as `.invalid` with its position. Nothing is repaired unless the caller asks
/// (`Repair.trailingCommas`), and every repair is listed.
public enum ReplyExtraction {
    /// How the value was located.
    public enum Method: String, Sendable, Hashable {
        /// The whole reply (surrounding whitespace aside) is the JSON value.
        case whole
        /// A fenced block labelled `json` (```` ```json ````).
        case fencedJSON = "fenced-json"
        /// A fenced block with another or no label.
        case fenced
        /// The first balanced value after prose.
        case balanced
    }

    /// Repairs the caller may allow. Each one applied is reported in `ExtractedJSON.repairs`.
    public enum Repair: String, Sendable, Hashable, CaseIterable {
        /// Remove commas directly before `}` or `]` (outside strings).
        case trailingCommas = "trailing-commas"
    }

    /// One repair that was applied.
    public struct AppliedRepair: Sendable, Hashable, CustomStringConvertible {
        /// Which repair.
        public let repair: Repair
        /// Byte offsets in the reply of what was removed.
        public let byteOffsets: [Int]

        public var description: String {
            "removed \(byteOffsets.count) trailing comma\(byteOffsets.count == 1 ? "" : "s") at byte\(byteOffsets.count == 1 ? "" : "s") \(byteOffsets.map(String.init).joined(separator: ", "))"
        }
    }

    /// A value found in the reply.
    public struct ExtractedJSON: Sendable, Hashable {
        /// The parsed value.
        public let value: JSONValue
        /// How it was located.
        public let method: Method
        /// Its UTF-8 byte range in the reply.
        public let byteRange: Range<Int>
        /// Line and column where it starts.
        public let start: SourcePosition
        /// Repairs applied (empty unless the caller allowed some and they were needed).
        public let repairs: [AppliedRepair]
        /// Byte ranges of further complete JSON values found by the same method (e.g. a second fenced block).
        public let otherCandidates: [Range<Int>]
    }

    /// The result of looking for JSON in a reply.
    public enum Outcome: Sendable, Hashable {
        /// A complete value.
        case found(ExtractedJSON)
        /// A value starts at `start` (found by `method`) but the reply ends inside it; `error` says what was still expected.
        case truncated(method: Method, start: SourcePosition, error: JSONParseError)
        /// A value starts at `start` but is malformed; `error` has the exact position in the reply.
        case invalid(method: Method, start: SourcePosition, error: JSONParseError)
        /// No `{`, `[` or fenced block: the reply has no JSON value.
        case notFound

        /// The likely cause, in words, for messages.
        public var explanation: String {
            switch self {
            case .found(let json):
                return "JSON found (\(json.method.rawValue)) at \(json.start)"
            case .truncated(let method, let start, let error):
                return "the JSON value starting at \(start) (\(method.rawValue)) is truncated: \(error). The reply probably hit max_tokens; raise max_tokens or ask for a shorter answer"
            case .invalid(let method, let start, let error):
                return "the JSON value starting at \(start) (\(method.rawValue)) is invalid: \(error)"
            case .notFound:
                return "no JSON value found in the reply"
            }
        }
    }

    /// Looks for the JSON value in `reply`.
    /// - Parameter repairs: repairs the caller allows; none by default.
    /// - Complexity: O(n · k) for k candidate start positions tried (bounded by `maxCandidates`).
    public static func extract(from reply: String, repairs: Set<Repair> = []) -> Outcome {
        let bytes = Array(reply.utf8)
        var firstProblem: Outcome?

        func attempt(_ range: Range<Int>, _ method: Method, wholeValue: Bool) -> (ExtractedJSON?, Outcome?) {
            let slice = bytes[range]
            let parser = JSONParser()
            do {
                if wholeValue {
                    let value = try parser.parse(slice)
                    let trimmed = trimmedRange(range, in: bytes)
                    return (ExtractedJSON(value: value, method: method, byteRange: trimmed,
                                          start: SourcePosition(byteOffset: trimmed.lowerBound, in: bytes[...]),
                                          repairs: [], otherCandidates: []), nil)
                }
                let (value, end) = try parser.parsePrefix(of: slice)
                let trimmed = trimmedRange(range.lowerBound..<end, in: bytes)
                return (ExtractedJSON(value: value, method: method, byteRange: trimmed,
                                      start: SourcePosition(byteOffset: trimmed.lowerBound, in: bytes[...]),
                                      repairs: [], otherCandidates: []), nil)
            } catch {
                let start = SourcePosition(byteOffset: trimmedRange(range, in: bytes).lowerBound, in: bytes[...])
                let relocated = relocate(error, by: range.lowerBound, in: bytes)
                if repairs.contains(.trailingCommas), let repaired = repairTrailingCommas(bytes, range, method, wholeValue) {
                    return (repaired, nil)
                }
                if error.isTruncation { return (nil, .truncated(method: method, start: start, error: relocated)) }
                return (nil, .invalid(method: method, start: start, error: relocated))
            }
        }

        // 1. The whole reply.
        if let first = bytes.firstIndex(where: { !isWhitespace($0) }), bytes[first] == UInt8(ascii: "{") || bytes[first] == UInt8(ascii: "[") {
            let (found, problem) = attempt(0..<bytes.count, .whole, wholeValue: true)
            if let found { return .found(found) }
            if case .truncated? = problem { return problem ?? .notFound }
            firstProblem = problem
        }

        // 2. Fenced blocks, `json` first.
        let blocks = FencedBlocks.find(in: bytes)
        for wantJSON in [true, false] {
            var found: [ExtractedJSON] = []
            for block in blocks where block.isJSON == wantJSON {
                let (value, problem) = attempt(block.content, wantJSON ? .fencedJSON : .fenced, wholeValue: block.isClosed)
                if let value { found.append(value) } else if firstProblem == nil || !block.isClosed {
                    if wantJSON || block.looksLikeJSON(bytes) { firstProblem = problem }
                }
            }
            if let first = found.first {
                return .found(ExtractedJSON(value: first.value, method: first.method, byteRange: first.byteRange,
                                            start: first.start, repairs: first.repairs,
                                            otherCandidates: found.dropFirst().map(\.byteRange)))
            }
            if let firstProblem, case .truncated = firstProblem { return firstProblem }
        }
        // A fence that holds broken JSON is the answer's location: report it rather than a fragment of it.
        if let firstProblem, blocks.contains(where: { $0.isJSON || $0.looksLikeJSON(bytes) }) { return firstProblem }

        // 3. Balanced values after prose. Every `{` / `[` start is a candidate; a value that parses is
        //    skipped whole (its nested values are not candidates), and so is the part of a broken one
        //    that parsed, so fragments of a larger value are not mistaken for the answer. The longest
        //    complete value wins, unless a truncated value (which runs to the end) is longer still.
        var complete: [ExtractedJSON] = []
        var truncated: (outcome: Outcome, length: Int)?
        var tried = 0
        var index = 0
        while index < bytes.count, tried < maxCandidates {
            guard bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "[") else {
                index += 1
                continue
            }
            tried += 1
            let (value, problem) = attempt(index..<bytes.count, .balanced, wholeValue: false)
            if let value {
                complete.append(value)
                index = max(value.byteRange.upperBound, index + 1)
                continue
            }
            switch problem {
            case .truncated?:
                if truncated == nil, let problem { truncated = (problem, bytes.count - index) }
                index = bytes.count
            case .invalid(_, _, let error)?:
                if firstProblem == nil { firstProblem = problem }
                index = max(index + 1, (error.position?.byteOffset ?? index))
            default:
                index += 1
            }
        }
        let best = complete.max { $0.byteRange.count < $1.byteRange.count }
        if let truncated, truncated.length > (best?.byteRange.count ?? 0) { return truncated.outcome }
        if let best {
            return .found(ExtractedJSON(value: best.value, method: .balanced, byteRange: best.byteRange, start: best.start,
                                        repairs: best.repairs,
                                        otherCandidates: complete.filter { $0.byteRange != best.byteRange }.map(\.byteRange)))
        }
        return firstProblem ?? .notFound
    }

    /// How many start positions the balanced scan tries before giving up.
    public static let maxCandidates = 64

    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    static func trimmedRange(_ range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isWhitespace(bytes[lower]) { lower += 1 }
        while upper > lower, isWhitespace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// Re-expresses a parse error's position (relative to a slice parse, already in slice indices) against the whole reply.
    static func relocate(_ error: JSONParseError, by offset: Int, in bytes: [UInt8]) -> JSONParseError {
        guard let position = error.position else { return error }
        let moved = SourcePosition(byteOffset: position.byteOffset + offset, in: bytes[...])
        switch error {
        case .unexpectedEnd(let expected, _): return .unexpectedEnd(expected: expected, at: moved)
        case .unexpectedCharacter(let found, let expected, _): return .unexpectedCharacter(found: found, expected: expected, at: moved)
        case .invalidUTF8: return .invalidUTF8(at: moved)
        case .invalidEscape(let escape, _): return .invalidEscape(escape, at: moved)
        case .controlCharacterInString(let byte, _): return .controlCharacterInString(byte, at: moved)
        case .invalidNumber(let reason, _): return .invalidNumber(reason, at: moved)
        case .duplicateKey(let key, _): return .duplicateKey(key, at: moved)
        case .nestingTooDeep(let limit, _): return .nestingTooDeep(limit: limit, at: moved)
        case .trailingContent: return .trailingContent(at: moved)
        case .inputTooLarge: return error
        }
    }
}
