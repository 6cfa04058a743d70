import Foundation

/// Markdown code fences (```` ``` ```` lines) in a reply.
struct FencedBlocks {
    /// One fenced block.
    struct Block {
        /// The bytes between the opening and closing fence lines (to the end when unclosed).
        let content: Range<Int>
        /// The info string says `json` (or `jsonc`, `json5`...).
        let isJSON: Bool
        /// A closing fence was found.
        let isClosed: Bool

        /// The content starts with `{` or `[`.
        func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
            guard let first = bytes[content].first(where: { !ReplyExtraction.isWhitespace($0) }) else { return false }
            return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
        }
    }

    /// The fenced blocks of `bytes`, in order.
    /// - Complexity: O(n).
    static func find(in bytes: [UInt8]) -> [Block] {
        var lines: [Range<Int>] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == 0x0A {
            lines.append(start..<offset)
            start = offset + 1
        }
        lines.append(start..<bytes.count)
        var blocks: [Block] = []
        var open: (contentStart: Int, isJSON: Bool)?
        for line in lines {
            var index = line.lowerBound
            while index < line.upperBound, index - line.lowerBound < 3, bytes[index] == 0x20 { index += 1 }
            let isFence = line.upperBound - index >= 3 && bytes[index..<(index + 3)].allSatisfy { $0 == UInt8(ascii: "`") }
            guard isFence else { continue }
            if let current = open {
                blocks.append(Block(content: current.contentStart..<line.lowerBound, isJSON: current.isJSON, isClosed: true))
                open = nil
            } else {
                let info = String(decoding: bytes[(index + 3)..<line.upperBound], as: UTF8.self)
                    .trimmingCharacters(in: .whitespaces).lowercased()
                open = (min(line.upperBound + 1, bytes.count), info.hasPrefix("json"))
            }
        }
        if let current = open {
            blocks.append(Block(content: current.contentStart..<bytes.count, isJSON: current.isJSON, isClosed: false))
        }
        return blocks
    }
}

extension ReplyExtraction {
    /// Removes commas that directly precede `}` or `]` (outside strings) in `range`, and parses again.
    static func repairTrailingCommas(_ bytes: [UInt8], _ range: Range<Int>, _ method: Method, _ wholeValue: Bool)
        -> ExtractedJSON?
    {
        var removed: [Int] = []
        var output: [UInt8] = []
        var inString = false
        var escaped = false
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: ",") {
                var next = index + 1
                while next < range.upperBound, isWhitespace(bytes[next]) { next += 1 }
                if next < range.upperBound, bytes[next] == UInt8(ascii: "}") || bytes[next] == UInt8(ascii: "]") {
                    removed.append(index)
                    index += 1
                    continue
                }
            }
            output.append(byte)
            index += 1
        }
        guard !removed.isEmpty else { return nil }
        let parser = JSONParser()
        let value: JSONValue
        var end = range.upperBound
        if wholeValue {
            guard let parsed = try? parser.parse(output) else { return nil }
            value = parsed
        } else {
            guard let (parsed, repairedEnd) = try? parser.parsePrefix(of: output[...]) else { return nil }
            value = parsed
            end = range.lowerBound + repairedEnd
            for offset in removed where offset < end { end += 1 }
        }
        let trimmed = trimmedRange(range.lowerBound..<end, in: bytes)
        return ExtractedJSON(value: value, method: method, byteRange: trimmed,
                             start: SourcePosition(byteOffset: trimmed.lowerBound, in: bytes[...]),
                             repairs: [AppliedRepair(repair: .trailingCommas, byteOffsets: removed)], otherCandidates: [])
    }
}
