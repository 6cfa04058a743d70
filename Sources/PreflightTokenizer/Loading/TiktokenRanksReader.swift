import Foundation

/// Reads tiktoken rank files (`.tiktoken`, and Llama 3/4's `tokenizer.model`): one
/// `<base64 token> <rank>` per line, the format `tiktoken.load.load_tiktoken_bpe` reads.
///
/// Decisions where tiktoken is silent: empty lines are skipped (as tiktoken does); a duplicate
/// rank or two ranks with the same bytes is an error (tiktoken would silently keep one); gaps in
/// the ranks are allowed and become holes that are never produced; ranks above 2^24 are rejected
/// so that a corrupt number cannot allocate gigabytes.
public enum TiktokenRanksReader {
    /// The largest rank accepted.
    public static let maximumRank = 1 << 24

    /// Reads a rank file from disk.
    /// - Parameter rankLimit: when set, only ranks below it are active (Tekken uses the first
    ///   130,072 of 150,000); the others are still checked for syntax, then dropped.
    /// - Complexity: O(file size).
    public static func vocabulary(contentsOf url: URL, rankLimit: Int? = nil) throws(VocabularyError) -> Vocabulary {
        let name = url.lastPathComponent
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .unreadable(file: name, reason: "\(error)") }
        return try vocabulary(from: [UInt8](data), file: name, rankLimit: rankLimit)
    }

    /// Reads rank-file bytes; `file` names the source in errors.
    /// - Complexity: O(n), one pass.
    public static func vocabulary(from contents: [UInt8], file: String, rankLimit: Int? = nil) throws(VocabularyError)
        -> Vocabulary
    {
        let limit = rankLimit ?? Int.max
        // Decoded bytes are at most 3/4 of the base64 text, so the input size bounds them.
        var decoded = [UInt8](repeating: 0, count: contents.count)
        var used = 0
        // Per rank: where its bytes start in `decoded` plus one (0 = absent), their length, and
        // its line and line offset (for duplicate-token errors).
        var entries: [RankEntry] = []
        // Rank files list ranks in order, so the line count is a good first size.
        entries.reserveCapacity(contents.count / 8)
        let failure: VocabularyError? = contents.withUnsafeBufferPointer { input -> VocabularyError? in
            decoded.withUnsafeMutableBufferPointer { output -> VocabularyError? in
                Base64.values.withUnsafeBufferPointer { table -> VocabularyError? in
                    var lineStart = 0
                    var line = 0
                    let count = input.count
                    while lineStart < count {
                        line += 1
                        // Invariant: every index read below is < count (checked by each loop).
                        var space = lineStart
                        while space < count, input[space] != 0x20, input[space] != 0x0A { space += 1 }
                        var lineEnd = space
                        while lineEnd < count, input[lineEnd] != 0x0A { lineEnd += 1 }
                        let next = lineEnd + 1
                        var contentEnd = lineEnd
                        if contentEnd > lineStart, input[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                        if contentEnd == lineStart {
                            lineStart = next
                            continue
                        }
                        if space >= contentEnd {
                            return .malformedLine(file: file, line: line, byteOffset: lineStart,
                                                  reason: "no space before the rank")
                        }
                        if space == lineStart {
                            return .malformedLine(file: file, line: line, byteOffset: lineStart, reason: "the token is empty")
                        }
                        let rankStart = space + 1
                        var rank = 0
                        var valid = rankStart < contentEnd
                        var k = rankStart
                        while k < contentEnd {
                            let digit = input[k] &- UInt8(ascii: "0")
                            if digit > 9 { valid = false; break }
                            if rank <= maximumRank { rank = rank * 10 + Int(digit) }
                            k += 1
                        }
                        if !valid {
                            let text = String(decoding: UnsafeBufferPointer(rebasing: input[rankStart..<contentEnd]), as: UTF8.self)
                            return .malformedRank(file: file, line: line, byteOffset: rankStart, rank: text)
                        }
                        if rank > maximumRank {
                            return .rankTooLarge(file: file, line: line, byteOffset: rankStart, rank: rank, limit: maximumRank)
                        }
                        let start = used
                        let lineOffset = lineStart
                        switch Base64.decode(input, lineStart..<space, into: output, at: &used, table: table) {
                        case .some(let bad): return .invalidBase64(file: file, line: line, byteOffset: bad)
                        case .none: break
                        }
                        lineStart = next
                        if rank >= limit {
                            used = start
                            continue
                        }
                        while rank >= entries.count { entries.append(RankEntry()) }
                        if entries[rank].start != 0 {
                            return .duplicateRank(file: file, line: line, byteOffset: rankStart, rank: rank)
                        }
                        entries[rank] = RankEntry(
                            start: UInt32(start + 1), length: UInt32(used - start), line: UInt32(line),
                            offset: UInt32(truncatingIfNeeded: lineOffset))
                    }
                    return nil
                }
            }
        }
        if let failure { throw failure }
        if entries.isEmpty { throw .empty(file: file) }
        var builder = Vocabulary.Builder()
        builder.storage.reserveCapacity(used)
        builder.offsets.reserveCapacity(entries.count + 1)
        decoded.withUnsafeBufferPointer { decoded in
            for entry in entries {
                if entry.start == 0 {
                    builder.appendHole()
                } else {
                    let start = Int(entry.start) - 1
                    builder.append(UnsafeBufferPointer(rebasing: decoded[start..<(start + Int(entry.length))]))
                }
            }
        }
        do {
            return try Vocabulary(builder: builder, file: file)
        } catch {
            if case .duplicateToken(_, let first, let second) = error {
                throw .duplicateTokenBytes(
                    file: file, line: Int(entries[second].line), byteOffset: Int(entries[second].offset),
                    rank: second, sameAsRank: first)
            }
            throw error
        }
    }

    /// Where one rank's bytes are, and where its line is.
    private struct RankEntry {
        var start: UInt32 = 0
        var length: UInt32 = 0
        var line: UInt32 = 0
        var offset: UInt32 = 0
    }
}
