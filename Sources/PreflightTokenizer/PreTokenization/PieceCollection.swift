/// The pieces a byte-range splitter yields for `text`, as strings: what `PreTokenizer.pieces(of:)`
/// and `PatternSplitter.pieces(of:)` return, so one stage can be run and printed alone.
/// - Parameter forEachPiece: the splitter's walk over a UTF-8 buffer and a range of it, calling its
///   last argument with each piece's byte range until that returns `false`.
/// - Complexity: O(n) plus the splitter's own cost.
func collectPieces(
    of text: String,
    _ forEachPiece: (UnsafeBufferPointer<UInt8>, Range<Int>, (Range<Int>) -> Bool) -> Bool
) -> [String] {
    var copy = text
    return copy.withUTF8 { buffer in
        var result: [String] = []
        _ = forEachPiece(buffer, 0..<buffer.count) { range in
            result.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self))
            return true
        }
        return result
    }
}
