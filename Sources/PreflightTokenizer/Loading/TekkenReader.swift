import Foundation

/// Reads Mistral's Tekken tokenizer JSON (`tekken_240718.json` and later): a tiktoken-style rank
/// list in `vocab` (base64 `token_bytes` + `rank`), the split regex in `config.pattern`, and
/// `config.default_num_special_tokens` control ids placed before the ranks.
///
/// As mistral-common does: ids are rank + `default_num_special_tokens` (1,000), and only the first
/// `default_vocab_size - default_num_special_tokens` ranks (130,072) are active. Control tokens
/// come from the file's `special_tokens` list when it has one (`rank` = id); files without it
/// (240718) get none here, and the caller supplies them.
public enum TekkenReader {
    /// Reads a Tekken JSON file.
    /// - Complexity: O(file size).
    public static func tokenizer(contentsOf url: URL) throws(TokenizerLoadingError) -> Tokenizer {
        let name = url.lastPathComponent
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .vocabulary(.unreadable(file: name, reason: "\(error)"))
        }
        return try tokenizer(from: data, file: name)
    }

    /// Reads Tekken JSON contents; `file` names the source in errors.
    public static func tokenizer(from data: Data, file: String) throws(TokenizerLoadingError) -> Tokenizer {
        do {
            let root = try JSONNode.parse(data, file: file)
            let config = root["config"]
            let pattern = try config["pattern"].string()
            let vocabularySize = try config["default_vocab_size"].int()
            let specialCount = try config["default_num_special_tokens"].int()
            guard specialCount >= 0, vocabularySize > specialCount else {
                throw config.fail("default_vocab_size must exceed default_num_special_tokens")
            }
            let active = vocabularySize - specialCount
            var builder = Vocabulary.Builder()
            var seen = 0
            var scratch: [UInt8] = []
            for item in try root["vocab"].array() {
                let rank = try item["rank"].int()
                if rank >= active { continue }
                guard rank == builder.count else {
                    throw item["rank"].fail("ranks must be listed in order from 0; expected \(builder.count)")
                }
                let encoded = Array(try item["token_bytes"].string().utf8)
                scratch.removeAll(keepingCapacity: true)
                let bad = encoded.withUnsafeBufferPointer { Base64.decode($0, 0..<$0.count, appendingTo: &scratch) }
                if bad != nil { throw item["token_bytes"].fail("not valid base64") }
                builder.append(scratch)
                seen += 1
            }
            guard seen == active else {
                throw root["vocab"].fail("expected \(active) active ranks, found \(seen)")
            }
            let vocabulary = try Vocabulary(builder: builder, file: file)
            var specials: [(content: String, id: TokenID)] = []
            let specialNode = root["special_tokens"]
            if !specialNode.isNull {
                for item in try specialNode.array() {
                    specials.append((try item["token_str"].string(), TokenID(UInt32(try item["rank"].int()))))
                }
            }
            let definition = TiktokenDefinition(
                pattern: pattern, idOffset: UInt32(specialCount), specialTokens: specials)
            return try Tokenizer.tiktoken(vocabulary: vocabulary, definition: definition, file: file)
        } catch {
            throw TokenizerLoadingError(wrapping: error, file: file)
        }
    }
}
