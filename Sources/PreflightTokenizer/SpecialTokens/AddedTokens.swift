/// Tokens matched in the raw text before normalisation and pre-tokenisation: special tokens
/// (`<|endoftext|>`, `<|eot_id|>`) and Hugging Face's non-special added tokens.
///
/// Special tokens are matched only under `SpecialTokenPolicy.honored`. Non-special added tokens
/// (Qwen3's `<think>`) are always matched, as Hugging Face does even with
/// `add_special_tokens=False`. Matching is leftmost-longest (Hugging Face's Aho-Corasick mode);
/// tiktoken's alternation never meets two specials where one is a prefix of the other in the
/// bundled sets.
public struct AddedTokens: Sendable {
    /// One added token.
    public struct Entry: Sendable, Hashable {
        /// The token's text, matched byte for byte.
        public var content: String
        /// Its id.
        public var id: TokenID
        /// Whether it is special (matched only when honoured) or an always-matched added token.
        public var isSpecial: Bool

        /// An added token.
        public init(content: String, id: TokenID, isSpecial: Bool = true) {
            self.content = content
            self.id = id
            self.isSpecial = isSpecial
        }
    }

    /// The tokens, in the order given.
    public let entries: [Entry]
    /// Entry contents as a vocabulary (index = entry index), for matching by bytes.
    let contents: Vocabulary?
    /// Distinct content lengths, longest first.
    let lengths: [Int]
    /// Bit per first byte: bit 0 some special starts with it, bit 1 some non-special does.
    let firstBytes: [UInt8]
    let hasNonSpecial: Bool

    /// No added tokens.
    public static let none = AddedTokens()

    private init() {
        entries = []
        contents = nil
        lengths = []
        firstBytes = [UInt8](repeating: 0, count: 256)
        hasNonSpecial = false
    }

    /// A set of added tokens.
    /// - Throws: `VocabularyError.duplicateToken` when two entries have the same content, and
    ///   `.emptyToken` for an empty content.
    public init(_ entries: [Entry], file: String = "<memory>") throws(VocabularyError) {
        self.entries = entries
        contents = try Vocabulary(tokens: entries.map { Array($0.content.utf8) }, file: file)
        lengths = Array(Set(entries.map { $0.content.utf8.count })).sorted(by: >)
        var first = [UInt8](repeating: 0, count: 256)
        for entry in entries {
            guard let byte = entry.content.utf8.first else { continue }
            first[Int(byte)] |= entry.isSpecial ? 1 : 2
        }
        firstBytes = first
        hasNonSpecial = entries.contains { !$0.isSpecial }
    }

    /// The id of the added token whose content is exactly `content`.
    /// - Complexity: O(k), k = the content's length.
    public func id(of content: String) -> TokenID? {
        guard let contents, let index = contents.id(of: Array(content.utf8)) else { return nil }
        return entries[Int(index)].id
    }

    /// The content of the added token with id `id`.
    /// - Complexity: O(n) in the number of added tokens.
    public func content(of id: TokenID) -> String? {
        entries.first { $0.id == id }?.content
    }

    /// A stretch of raw text, or a matched added token.
    enum Segment {
        case text(Range<Int>)
        case token(UInt32)
    }

    /// Calls `body` with the text between matches and each match, in order, until it returns
    /// `false`. Returns `false` when stopped.
    /// - Complexity: O(n · L), L = the number of distinct token lengths, at candidate bytes only.
    func forEachSegment(
        in text: UnsafeBufferPointer<UInt8>, policy: SpecialTokenPolicy, _ body: (Segment) -> Bool
    ) -> Bool {
        let mask: UInt8 = policy == .honored ? 3 : 2
        guard let contents, policy == .honored || hasNonSpecial else {
            return text.isEmpty ? true : body(.text(0..<text.count))
        }
        return contents.withView { view in
            firstBytes.withUnsafeBufferPointer { first in
                var segmentStart = 0
                var i = 0
                let n = text.count
                while i < n {
                    // Invariant: i < n == text.count; first has 256 entries.
                    guard first[Int(text[i])] & mask != 0 else { i += 1; continue }
                    var matched: (index: Int, length: Int)? = nil
                    for length in lengths where i + length <= n {
                        let key = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: text[i..<(i + length)]))
                        if let index = view.find(key), entries[Int(index)].isSpecial ? mask == 3 : true {
                            matched = (Int(index), length)
                            break
                        }
                    }
                    guard let (index, length) = matched else { i += 1; continue }
                    if segmentStart < i, !body(.text(segmentStart..<i)) { return false }
                    if !body(.token(entries[index].id.rawValue)) { return false }
                    i += length
                    segmentStart = i
                }
                if segmentStart < n { return body(.text(segmentStart..<n)) }
                return true
            }
        }
    }
}
