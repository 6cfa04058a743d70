import Foundation

/// `Resources/vocab/tokenizers.json`: one entry per bundled tokenizer (format in
/// `Resources/README.md`).
struct TokenizerManifest: Decodable, Sendable {
    var format: Int
    var tokenizers: [Entry]

    /// One bundled tokenizer as the manifest describes it.
    struct Entry: Decodable, Sendable {
        var name: String
        var kind: String
        var file: String
        var pattern: String?
        var normalization: String?
        var idOffset: UInt32?
        var rankLimit: Int?
        var specialTokens: [SpecialToken]?
        var addSpecial: AddSpecial?
        var vocabSize: Int
        var source: String
        // WordPiece settings (passed to the WordPiece loader).
        var lowercase: Bool?
        var stripAccents: Bool?
        var handleChineseChars: Bool?
        var cleanText: Bool?
        var unknownToken: String?
        var continuingSubwordPrefix: String?
        var maxInputCharsPerWord: Int?

        enum CodingKeys: String, CodingKey {
            case name, kind, file, pattern, normalization, source, lowercase
            case idOffset = "id_offset"
            case rankLimit = "rank_limit"
            case specialTokens = "special_tokens"
            case addSpecial = "add_special"
            case vocabSize = "vocab_size"
            case stripAccents = "strip_accents"
            case handleChineseChars = "handle_chinese_chars"
            case cleanText = "clean_text"
            case unknownToken = "unknown_token"
            case continuingSubwordPrefix = "continuing_subword_prefix"
            case maxInputCharsPerWord = "max_input_chars_per_word"
        }
    }

    struct SpecialToken: Decodable, Sendable {
        var content: String
        var id: UInt32
    }

    struct AddSpecial: Decodable, Sendable {
        var prefix: [String]
        var suffix: [String]
    }

    /// Reads and decodes the manifest.
    static func load(from url: URL) throws(BundledTokenizerError) -> TokenizerManifest {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .manifest(file: url.lastPathComponent, reason: "cannot read it (\(error.localizedDescription))")
        }
        do {
            return try JSONDecoder().decode(TokenizerManifest.self, from: data)
        } catch {
            throw .manifest(file: url.lastPathComponent, reason: "\(error)")
        }
    }
}
