/// The split regexes of `SplitPattern` as one hand-written scanner over UTF-8.
///
/// Each published regex is an alternation tried left to right at the current position (the
/// leftmost-first semantics of Rust's `regex`/`fancy-regex` and Python's `regex`). The scanner
/// tries the same alternatives in the same order; each alternative is a small function that
/// returns where its match ends, following the backtracking the regex engine would do (the
/// comments at each function spell out the case analysis). Pieces are returned as byte ranges.
///
/// - Complexity: O(n) in the length of the text: every alternative scans forward from the
///   current position at most once per class run.
public struct PatternSplitter: Sendable, Hashable {
    /// The regex this scanner implements.
    public let pattern: SplitPattern

    /// A scanner for `pattern`.
    public init(_ pattern: SplitPattern) { self.pattern = pattern }

    /// The pieces of `text`, as strings: for tests and for printing a stage's output.
    /// - Complexity: O(n).
    public func pieces(of text: String) -> [String] {
        collectPieces(of: text) { forEachPiece(in: $0, range: $1, $2) }
    }

    /// Calls `body` with each piece's byte range, in order, until it returns `false`.
    /// `range` is treated as the whole text (`$` and `(?!\S)` see its end as the end of text).
    /// - Returns: `false` when `body` stopped the iteration.
    @discardableResult
    func forEachPiece(
        in buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>, _ body: (Range<Int>) -> Bool
    ) -> Bool {
        guard let base = buffer.baseAddress, !range.isEmpty else { return true }
        // Invariant: range lies within buffer, so the cursor reads only in-bounds bytes.
        let cursor = ClassCursor(base: base, end: range.upperBound)
        var position = range.lowerBound
        while position < range.upperBound {
            let end = pieceEnd(cursor, at: position)
            if !body(position..<end) { return false }
            position = end
        }
        return true
    }

    /// Where the match starting at `i` ends (always > i).
    @inline(__always)
    func pieceEnd(_ c: ClassCursor, at i: Int) -> Int {
        switch pattern {
        case .gpt2:
            if let e = contraction(c, at: i, caseInsensitive: false) { return e }
            if let e = spacedRun(c, at: i, of: ClassSet.letter) { return e }
            if let e = spacedRun(c, at: i, of: ClassSet.number) { return e }
            if let e = punctuation(c, at: i, tail: 0) { return e }
            return whitespace(c, at: i, newlineRule: false, endAnchor: false)
        case .cl100k, .llama3, .qwen2:
            if let e = contraction(c, at: i, caseInsensitive: true) { return e }
            if let e = prefixedLetters(c, at: i) { return e }
            if let e = digits(c, at: i, max: pattern == .qwen2 ? 1 : 3) { return e }
            if let e = punctuation(c, at: i, tail: Tail.newlines) { return e }
            return whitespace(c, at: i, newlineRule: true, endAnchor: pattern == .cl100k)
        case .o200k, .tekken:
            let suffix = pattern == .o200k
            if let e = casedWord(c, at: i, contractionSuffix: suffix) { return e }
            if let e = digits(c, at: i, max: suffix ? 3 : 1) { return e }
            if let e = punctuation(c, at: i, tail: Tail.newlinesAndSlash) { return e }
            return whitespace(c, at: i, newlineRule: true, endAnchor: false)
        }
    }

    // MARK: - Alternatives

    /// `'s|'t|'re|'ve|'m|'ll|'d`, optionally under `(?i:…)`. The alternatives share no prefix, so
    /// their order does not matter. Case folding is Unicode simple folding as the regex crates do
    /// it: besides ASCII case, `s` also matches U+017F LATIN SMALL LETTER LONG S.
    @inline(__always)
    func contraction(_ c: ClassCursor, at i: Int, caseInsensitive: Bool) -> Int? {
        // Invariant: i < c.end (callers only ask inside the text).
        guard c.base[i] == UInt8(ascii: "'"), i + 1 < c.end else { return nil }
        let b1 = c.base[i + 1]
        let fold: UInt8 = caseInsensitive ? 0x20 : 0
        let lower = b1 | fold
        if caseInsensitive, b1 == 0xC5, i + 2 < c.end, c.base[i + 2] == 0xBF { return i + 3 }  // ſ
        switch lower {
        case UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "m"), UInt8(ascii: "d"):
            return b1 == lower || (caseInsensitive && b1 == lower - 0x20) ? i + 2 : nil
        case UInt8(ascii: "r"), UInt8(ascii: "v"), UInt8(ascii: "l"):
            guard b1 == lower || (caseInsensitive && b1 == lower - 0x20), i + 2 < c.end else { return nil }
            let second: UInt8 = lower == UInt8(ascii: "l") ? UInt8(ascii: "l") : UInt8(ascii: "e")
            let b2 = c.base[i + 2]
            return b2 == second || (caseInsensitive && b2 == second - 0x20) ? i + 3 : nil
        default:
            return nil
        }
    }

    /// `[^\r\n\p{L}\p{N}]?\p{L}+` (cl100k's possessive form matches the same strings: the prefix
    /// scalar is never a letter, so giving it back could not help `\p{L}+`).
    @inline(__always)
    func prefixedLetters(_ c: ClassCursor, at i: Int) -> Int? {
        let (bits, length) = c.scalar(at: i)
        var start = i
        if bits & ClassSet.letter == 0 {
            guard bits & ClassSet.wordPrefix != 0, i + length < c.end,
                c.scalar(at: i + length).bits & ClassSet.letter != 0
            else { return nil }
            start = i + length
        }
        return run(c, from: start, of: ClassSet.letter)
    }

    /// GPT-2's ` ?\p{L}+` and ` ?\p{N}+`: an optional ASCII space, then a run of `set`.
    @inline(__always)
    func spacedRun(_ c: ClassCursor, at i: Int, of set: UInt8) -> Int? {
        var start = i
        if c.base[i] == UInt8(ascii: " ") { start = i + 1 }
        guard start < c.end, c.scalar(at: start).bits & set != 0 else { return nil }
        return run(c, from: start, of: set)
    }

    /// `\p{N}{1,max}` (greedy; cl100k's possessive `{1,3}+` matches the same).
    @inline(__always)
    func digits(_ c: ClassCursor, at i: Int, max: Int) -> Int? {
        var end = i
        var taken = 0
        while taken < max, end < c.end {
            let (bits, length) = c.scalar(at: end)
            guard bits & ClassSet.number != 0 else { break }
            end += length
            taken += 1
        }
        return taken == 0 ? nil : end
    }

    /// What may follow punctuation: `[\r\n]*` or o200k's `[\r\n/]*`.
    enum Tail {
        static let newlines: UInt8 = 1
        static let newlinesAndSlash: UInt8 = 2
    }

    /// ` ?[^\s\p{L}\p{N}]+` then the tail. The optional space is taken only when punctuation
    /// follows it; otherwise the alternative starts at `i`, where a space can never match.
    @inline(__always)
    func punctuation(_ c: ClassCursor, at i: Int, tail: UInt8) -> Int? {
        var start = i
        if c.base[i] == UInt8(ascii: " ") {
            guard i + 1 < c.end, c.scalar(at: i + 1).bits & ClassSet.punctuation != 0 else { return nil }
            start = i + 1
        } else if c.scalar(at: i).bits & ClassSet.punctuation == 0 {
            return nil
        }
        var end = run(c, from: start, of: ClassSet.punctuation)
        if tail != 0 {
            while end < c.end {
                let b = c.base[end]
                guard b == 0x0A || b == 0x0D || (tail == Tail.newlinesAndSlash && b == UInt8(ascii: "/")) else { break }
                end += 1
            }
        }
        return end
    }

    /// The white-space alternatives, given that nothing before them matched at `i`.
    ///
    /// Let `r` be the maximal `\s` run from `i`:
    /// - `\s++$` (cl100k, `endAnchor`): the whole run when it reaches the end of text.
    /// - `\s*[\r\n]+` / `\s*[\r\n]` (`newlineRule`): `\s*` backtracks from the end of the run to
    ///   the last `\r`/`\n` in it, so the match ends just after the run's last newline.
    /// - `\s+(?!\S)`: the whole run at the end of text; otherwise the run minus its last scalar
    ///   (which is then followed by white space), if that leaves at least one scalar.
    /// - `\s+` / `\s`: the rest — a run of one scalar followed by a non-space.
    /// When the scalar at `i` is not white space at all (no alternative matched), the scalar is
    /// returned alone, as an unmatched gap; the published patterns never leave one.
    @inline(__always)
    func whitespace(_ c: ClassCursor, at i: Int, newlineRule: Bool, endAnchor: Bool) -> Int {
        var end = i
        var lastNewlineEnd = -1
        var lastScalarStart = i
        var scalars = 0
        while end < c.end {
            let (bits, length) = c.scalar(at: end)
            guard bits & ClassSet.whitespace != 0 else { break }
            if bits == ScalarClass.newline.bit { lastNewlineEnd = end + length }
            lastScalarStart = end
            end += length
            scalars += 1
        }
        if scalars == 0 { return i + c.scalar(at: i).length }
        if endAnchor && end == c.end { return end }
        if newlineRule && lastNewlineEnd >= 0 { return lastNewlineEnd }
        if end == c.end || scalars == 1 { return end }
        return lastScalarStart
    }

    /// o200k/Tekken words:
    /// `[^\r\n\p{L}\p{N}]?U*W+C?|[^\r\n\p{L}\p{N}]?U+W*C?` with U = `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]`,
    /// W = `[\p{Ll}\p{Lm}\p{Lo}\p{M}]` and C the optional contraction suffix.
    ///
    /// Backtracking order: first alternative with the prefix, then without it (the greedy `?`
    /// gives the prefix back before the alternation moves on), then the second alternative the
    /// same way. The prefix class includes marks, which are also in U and W, so giving the prefix
    /// back matters: "\u{301}A" matches only the mark, via the first alternative without prefix.
    @inline(__always)
    func casedWord(_ c: ClassCursor, at i: Int, contractionSuffix: Bool) -> Int? {
        let (bits, length) = c.scalar(at: i)
        let prefixEnd = bits & ClassSet.wordPrefix != 0 && i + length < c.end ? i + length : -1
        var end: Int? = nil
        if prefixEnd >= 0 { end = lowerTail(c, from: prefixEnd) }
        if end == nil { end = lowerTail(c, from: i) }
        if end == nil, prefixEnd >= 0 { end = upperHead(c, from: prefixEnd) }
        if end == nil { end = upperHead(c, from: i) }
        guard let wordEnd = end else { return nil }
        if contractionSuffix, wordEnd < c.end, let e = contraction(c, at: wordEnd, caseInsensitive: true) {
            return e
        }
        return wordEnd
    }

    /// `U*W+` from `p`. `U*` takes the maximal U run to `j`; if the scalar at `j` is in W, `W+`
    /// extends over the W run from there. Otherwise `U*` gives back scalars from the end until
    /// one is in W (Lm, Lo or a mark); `W+` matches that one scalar (the ones after it are not in
    /// W), so the match ends just after the run's last W scalar. No W scalar: no match.
    @inline(__always)
    func lowerTail(_ c: ClassCursor, from p: Int) -> Int? {
        var j = p
        var lastLowerEnd = -1
        while j < c.end {
            let (bits, length) = c.scalar(at: j)
            guard bits & ClassSet.casedUpper != 0 else { break }
            j += length
            if bits & ClassSet.casedLower != 0 { lastLowerEnd = j }
        }
        if j < c.end, c.scalar(at: j).bits & ClassSet.casedLower != 0 {
            return run(c, from: j, of: ClassSet.casedLower)
        }
        return lastLowerEnd >= 0 ? lastLowerEnd : nil
    }

    /// `U+W*` from `p`: the maximal U run (at least one scalar), then the maximal W run.
    @inline(__always)
    func upperHead(_ c: ClassCursor, from p: Int) -> Int? {
        let j = run(c, from: p, of: ClassSet.casedUpper)
        guard j > p else { return nil }
        return run(c, from: j, of: ClassSet.casedLower)
    }

    /// The end of the maximal run of scalars in `set` starting at `start` (possibly `start`).
    @inline(__always)
    func run(_ c: ClassCursor, from start: Int, of set: UInt8) -> Int {
        var end = start
        while end < c.end {
            let (bits, length) = c.scalar(at: end)
            guard bits & set != 0 else { break }
            end += length
        }
        return end
    }
}
