/// Finds the longest user-defined piece that starts at a position of the text, as
/// SentencePiece's `PrefixMatcher` does (longest match wins; user-defined pieces are then kept
/// whole and never merged).
///
/// A byte trie: the root has a dense 256-entry child table, because most positions fail on the
/// first byte; deeper nodes keep short sorted edge lists.
struct SentencePiecePrefixMatcher: Sendable {
    private var rootChildren = [Int32](repeating: -1, count: 256)
    /// Per node: first edge index and edge count into `edgeBytes`/`edgeTargets`.
    private var edgeStart: [Int32] = []
    private var edgeCount: [Int32] = []
    private var edgeBytes: [UInt8] = []
    private var edgeTargets: [Int32] = []
    /// Per node: whether a piece ends here.
    private var isTerminal: [Bool] = []

    /// Whether no piece is registered (the matcher then never matches).
    private(set) var isEmpty = true

    /// Builds the trie over `pieces` (UTF-8 texts; empty texts are ignored).
    /// - Complexity: O(total bytes × fan-out).
    init(pieces: [[UInt8]]) {
        // Build with per-node dictionaries, then flatten to sorted edge arrays.
        var children: [[UInt8: Int32]] = [[:]]
        var terminal: [Bool] = [false]
        for piece in pieces where !piece.isEmpty {
            isEmpty = false
            var node = 0
            for byte in piece {
                if let next = children[node][byte] {
                    node = Int(next)
                } else {
                    children.append([:])
                    terminal.append(false)
                    children[node][byte] = Int32(children.count - 1)
                    node = children.count - 1
                }
            }
            terminal[node] = true
        }
        for (byte, child) in children[0] { rootChildren[Int(byte)] = child }
        for node in children.indices {
            edgeStart.append(Int32(edgeBytes.count))
            edgeCount.append(Int32(children[node].count))
            for (byte, child) in children[node].sorted(by: { $0.key < $1.key }) {
                edgeBytes.append(byte)
                edgeTargets.append(child)
            }
        }
        isTerminal = terminal
    }

    /// The byte length of the longest piece that is a prefix of `text[position...]`, or 0.
    /// - Complexity: O(length of the longest piece × fan-out).
    @inline(__always)
    func longestMatch(in text: UnsafeRawBufferPointer, at position: Int) -> Int {
        var node = Int(rootChildren[Int(text[position])])
        guard node >= 0 else { return 0 }
        var best = isTerminal[node] ? 1 : 0
        var index = position + 1
        while index < text.count {
            let byte = text[index]
            let start = Int(edgeStart[node])
            let end = start + Int(edgeCount[node])
            var next = -1
            var edge = start
            while edge < end {
                if edgeBytes[edge] == byte { next = Int(edgeTargets[edge]); break }
                edge += 1
            }
            guard next >= 0 else { break }
            node = next
            index += 1
            if isTerminal[node] { best = index - position }
        }
        return best
    }
}
