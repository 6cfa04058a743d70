import Foundation
import PreflightResources
import PreflightTokenizer
import Synchronization

/// The tokenizers Preflight ships, by name (`o200k_base`, `llama3`, …), as listed in
/// `Resources/vocab/tokenizers.json`.
///
/// Each tokenizer is built on first use and then shared: loading a vocabulary takes tens of
/// milliseconds, encoding with it microseconds. Safe to call from any thread or task.
public enum BundledTokenizers {
    /// What the manifest says about one bundled tokenizer.
    public struct Descriptor: Sendable, Hashable, Codable {
        /// The name the CLI and catalog use.
        public var name: String
        /// `tiktoken`, `sentencepiece` or `wordpiece`.
        public var kind: String
        /// The number of ids, special tokens included.
        public var vocabSize: Int
        /// Where the vocabulary comes from (package and path).
        public var source: String
        /// The vocabulary file, relative to the bundle's `vocab/` folder.
        public var file: String

        enum CodingKeys: String, CodingKey {
            case name, kind, source, file
            case vocabSize = "vocab_size"
        }
    }

    /// The names of the bundled tokenizers, in manifest order.
    /// - Complexity: O(n) after the manifest's first load.
    public static var names: [String] {
        (try? manifest().tokenizers.map(\.name)) ?? []
    }

    /// The descriptors of the bundled tokenizers, in manifest order.
    /// - Throws: `BundledTokenizerError.manifest` when the manifest is unreadable.
    public static func descriptors() throws(BundledTokenizerError) -> [Descriptor] {
        try manifest().tokenizers.map {
            Descriptor(name: $0.name, kind: $0.kind, vocabSize: $0.vocabSize, source: $0.source, file: $0.file)
        }
    }

    /// The bundled tokenizer called `name`, built once and cached.
    /// - Throws: `BundledTokenizerError.unknownName` listing the known names (with a suggestion
    ///   when one is close), or an error saying why its files could not be loaded.
    public static func tokenizer(named name: String) throws(BundledTokenizerError) -> Tokenizer {
        if let cached = cache.withLock({ $0[name] }) { return cached }
        let manifest = try manifest()
        guard let entry = manifest.tokenizers.first(where: { $0.name.utf8.elementsEqual(name.utf8) }) else {
            let known = manifest.tokenizers.map(\.name)
            throw .unknownName(name, known: known, suggestion: NameSuggestion.closest(to: name, among: known))
        }
        let tokenizer = try build(entry)
        return cache.withLock { cache in
            if let existing = cache[name] { return existing }
            cache[name] = tokenizer
            return tokenizer
        }
    }

    // MARK: - Loading

    private static let cache = Mutex<[String: Tokenizer]>([:])
    private static let manifestCache = Mutex<TokenizerManifest?>(nil)

    private static func manifest() throws(BundledTokenizerError) -> TokenizerManifest {
        if let cached = manifestCache.withLock({ $0 }) { return cached }
        let loaded = try TokenizerManifest.load(
            from: BundledResources.vocabularyDirectory.appendingPathComponent("tokenizers.json"))
        manifestCache.withLock { $0 = loaded }
        return loaded
    }

    private static func build(_ entry: TokenizerManifest.Entry) throws(BundledTokenizerError) -> Tokenizer {
        let url = BundledResources.vocabularyDirectory.appendingPathComponent(entry.file)
        switch entry.kind {
        case "tiktoken":
            guard let pattern = entry.pattern else {
                throw .unsupportedEntry(name: entry.name, reason: "a tiktoken entry needs a 'pattern'")
            }
            let normalizer: Normalizer
            switch entry.normalization {
            case nil: normalizer = .none
            case "NFC": normalizer = .nfc
            case "NFKC": normalizer = .nfkc
            case let other?:
                throw .unsupportedEntry(name: entry.name, reason: "unknown normalization '\(other)'")
            }
            let definition = TiktokenDefinition(
                pattern: pattern, normalizer: normalizer, idOffset: entry.idOffset ?? 0, rankLimit: entry.rankLimit,
                specialTokens: (entry.specialTokens ?? []).map { ($0.content, TokenID($0.id)) },
                prefix: entry.addSpecial?.prefix ?? [], suffix: entry.addSpecial?.suffix ?? [])
            do {
                return try Tokenizer.tiktoken(ranks: url, definition: definition)
            } catch {
                throw .loading(name: entry.name, error)
            }
        case "sentencepiece":
            do {
                return try Tokenizer.sentencePiece(
                    model: url, specialTokens: (entry.specialTokens ?? []).map { ($0.content, TokenID($0.id)) },
                    prefix: entry.addSpecial?.prefix ?? [], suffix: entry.addSpecial?.suffix ?? [])
            } catch {
                throw .loading(name: entry.name, error)
            }
        case "wordpiece":
            var settings = WordPieceVocabularyReader.Settings()
            if let unknown = entry.unknownToken { settings.unknownToken = unknown }
            if let prefix = entry.continuingSubwordPrefix { settings.continuingSubwordPrefix = prefix }
            if let limit = entry.maxInputCharsPerWord { settings.maxInputCharactersPerWord = limit }
            let normalizer = BertNormalizer(
                lowercase: entry.lowercase ?? true, stripAccents: entry.stripAccents,
                cleanText: entry.cleanText ?? true, handleChineseChars: entry.handleChineseChars ?? true)
            do {
                return try Tokenizer.wordPiece(
                    vocabulary: url, normalizer: normalizer, settings: settings,
                    specialTokens: (entry.specialTokens ?? []).map { ($0.content, TokenID($0.id)) },
                    prefix: entry.addSpecial?.prefix ?? [], suffix: entry.addSpecial?.suffix ?? [])
            } catch {
                throw .loading(name: entry.name, error)
            }
        default:
            throw .unsupportedEntry(
                name: entry.name,
                reason: "'\(entry.kind)' tokenizers are not implemented in this build yet")
        }
    }
}
