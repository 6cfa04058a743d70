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
    /// - Complexity: O(n).
    public static func vocabulary(from contents: [UInt8], file: String, rankLimit: Int? = nil) throws(VocabularyError)
        -> Vocabulary
    {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(contents.count * 3 / 5)
        // Per rank: where its bytes start in `decoded` (+1; 0 = absent) and their length.
        var starts: [UInt32] = []
        var lengths: [UInt32] = []
        var lineOfRank: [Int32] = []
        var offsetOfRank: [UInt32] = []
        let limit = rankLimit ?? Int.max
        // Rank files list ranks in order, so the line count is a good first size.
        let lineCount = contents.reduce(into: 0) { if $1 == 0x0A { $0 += 1 } } + 1
        starts.reserveCapacity(lineCount)
        lengths.reserveCapacity(lineCount)
        lineOfRank.reserveCapacity(lineCount)
        offsetOfRank.reserveCapacity(lineCount)
        let result: VocabularyError? = contents.withUnsafeBufferPointer { input -> VocabularyError? in
            var lineStart = 0
            var line = 0
            while lineStart < input.count {
                line += 1
                var lineEnd = lineStart
                // Invariant: lineEnd < input.count inside the loop.
                while lineEnd < input.count, input[lineEnd] != 0x0A { lineEnd += 1 }
                let next = lineEnd + 1
                var contentEnd = lineEnd
                if contentEnd > lineStart, input[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                defer { lineStart = next }
                if contentEnd == lineStart { continue }
                var space = lineStart
                while space < contentEnd, input[space] != UInt8(ascii: " ") { space += 1 }
                if space == contentEnd {
                    return .malformedLine(file: file, line: line, byteOffset: lineStart, reason: "no space before the rank")
                }
                if space == lineStart {
                    return .malformedLine(file: file, line: line, byteOffset: lineStart, reason: "the token is empty")
                }
                let rankStart = space + 1
                var rank = 0
                var valid = rankStart < contentEnd
                for k in rankStart..<max(rankStart, contentEnd) {
                    let digit = input[k] &- UInt8(ascii: "0")
                    if digit > 9 { valid = false; break }
                    if rank <= maximumRank { rank = rank * 10 + Int(digit) }
                }
                if !valid {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: input[rankStart..<contentEnd]), as: UTF8.self)
                    return .malformedRank(file: file, line: line, byteOffset: rankStart, rank: text)
                }
                if rank > maximumRank {
                    return .rankTooLarge(file: file, line: line, byteOffset: rankStart, rank: rank, limit: maximumRank)
                }
                let before = decoded.count
                if let bad = Base64.decode(input, lineStart..<space, appendingTo: &decoded) {
                    return .invalidBase64(file: file, line: line, byteOffset: bad)
                }
                if rank >= limit {
                    decoded.removeLast(decoded.count - before)
                    continue
                }
                while rank >= starts.count {
                    starts.append(0)
                    lengths.append(0)
                    lineOfRank.append(0)
                    offsetOfRank.append(0)
                }
                if starts[rank] != 0 {
                    return .duplicateRank(file: file, line: line, byteOffset: rankStart, rank: rank)
                }
                starts[rank] = UInt32(before + 1)
                lengths[rank] = UInt32(decoded.count - before)
                lineOfRank[rank] = Int32(line)
                offsetOfRank[rank] = UInt32(lineStart)
            }
            return nil
        }
        if let result { throw result }
        if starts.isEmpty { throw .empty(file: file) }
        var builder = Vocabulary.Builder()
        builder.storage.reserveCapacity(decoded.count)
        builder.offsets.reserveCapacity(starts.count + 1)
        for rank in 0..<starts.count {
            if starts[rank] == 0 {
                builder.appendHole()
            } else {
                let start = Int(starts[rank]) - 1
                builder.append(decoded[start..<(start + Int(lengths[rank]))])
            }
        }
        do {
            return try Vocabulary(builder: builder, file: file)
        } catch {
            if case .duplicateToken(_, let first, let second) = error {
                throw .duplicateTokenBytes(
                    file: file, line: Int(lineOfRank[second]), byteOffset: Int(offsetOfRank[second]),
                    rank: second, sameAsRank: first)
            }
            throw error
        }
    }
}
