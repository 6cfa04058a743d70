import Foundation

/// Reads Hugging Face `tokenizer.json` files for byte-level BPE (GPT-2, Llama 3, Qwen 2/3 style):
/// `model` (BPE `vocab` + `merges`, either spelling), `added_tokens`, and the normalizers,
/// pre-tokenizers, post-processors and decoders those files use. Any other component is a
/// typed error naming its JSON Pointer, never a silent approximation.
///
/// Byte-level tokens are stored as raw bytes: the GPT-2 alphabet is undone while loading. Merge
/// priority is the order of `merges`, which may differ from id order.
public enum HuggingFaceTokenizerReader {
    /// Reads a `tokenizer.json` file.
    /// - Complexity: O(file size).
    public static func tokenizer(contentsOf url: URL) throws(VocabularyError) -> Tokenizer {
        let name = url.lastPathComponent
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .unreadable(file: name, reason: "\(error)") }
        return try tokenizer(from: data, file: name)
    }

    /// Reads `tokenizer.json` contents; `file` names the source in errors.
    public static func tokenizer(from data: Data, file: String) throws(VocabularyError) -> Tokenizer {
        let root = try JSONNode.parse(data, file: file)
        // The small components first, so an unsupported one is reported before the vocabulary is read.
        let normalizer = try self.normalizer(root["normalizer"])
        let preTokenizer = try self.preTokenizer(root["pre_tokenizer"])
        try checkDecoder(root["decoder"])
        let (model, tokenIDs) = try bytePairModel(root["model"])
        let added = try addedTokens(root["added_tokens"])
        let postProcessor = try self.postProcessor(root["post_processor"], added: added, tokenIDs: tokenIDs)
        return Tokenizer(
            normalizer: normalizer, preTokenizer: preTokenizer, model: .bytePair(model),
            postProcessor: postProcessor, decoder: .byteLevel, addedTokens: added)
    }

    // MARK: - Model

    private static func bytePairModel(_ node: JSONNode) throws(VocabularyError) -> (BytePairModel, [String: Int]) {
        let type = try node.type()
        guard type == "BPE" else { throw .unsupportedComponent(file: node.file, pointer: node["type"].pointer, type: type) }
        if try node["byte_fallback"].bool(default: false) {
            throw .unsupportedComponent(file: node.file, pointer: node["byte_fallback"].pointer, type: "BPE byte_fallback")
        }
        for key in ["continuing_subword_prefix", "end_of_word_suffix", "dropout"] where !node[key].isNull {
            if key == "dropout", let d = node[key].value as? NSNumber, d.doubleValue == 0 { continue }
            throw .unsupportedComponent(file: node.file, pointer: node[key].pointer, type: "BPE \(key)")
        }
        let vocabNode = node["vocab"]
        let vocab = try vocabNode.object()
        var tokenIDs = [String: Int](minimumCapacity: vocab.count)
        var tokens: [[UInt8]?] = []
        for (token, value) in vocab {
            let entry = vocabNode[token]
            guard let id = value as? Int, id >= 0, id < TiktokenRanksReader.maximumRank else {
                throw entry.fail("expected a non-negative integer id")
            }
            guard let bytes = ByteLevelAlphabet.bytes(of: token) else {
                throw entry.fail("token is not in the byte-level alphabet; only byte-level BPE is supported")
            }
            if id >= tokens.count { tokens.append(contentsOf: repeatElement(nil, count: id + 1 - tokens.count)) }
            if tokens[id] != nil { throw entry.fail("id \(id) is used twice") }
            tokens[id] = bytes
            tokenIDs[token] = id
        }
        let vocabulary = try Vocabulary(tokens: tokens, file: node.file)
        var merges: [(left: UInt32, right: UInt32, merged: UInt32)] = []
        let mergesNode = node["merges"]
        let list = try mergesNode.array()
        merges.reserveCapacity(list.count)
        for item in list {
            let left: String
            let right: String
            if let pair = item.value as? String {
                guard let space = pair.firstIndex(of: " ") else { throw item.fail("expected 'left right'") }
                left = String(pair[..<space])
                right = String(pair[pair.index(after: space)...])
            } else if let pair = item.value as? [Any], pair.count == 2, let a = pair[0] as? String, let b = pair[1] as? String {
                left = a
                right = b
            } else {
                throw item.fail("expected a merge: 'left right' or [left, right]")
            }
            guard let l = tokenIDs[left] else { throw .unknownToken(file: node.file, pointer: item.pointer, token: left) }
            guard let r = tokenIDs[right] else { throw .unknownToken(file: node.file, pointer: item.pointer, token: right) }
            guard let m = tokenIDs[left + right] else {
                throw .unknownToken(file: node.file, pointer: item.pointer, token: left + right)
            }
            merges.append((UInt32(l), UInt32(r), UInt32(m)))
        }
        let ignoreMerges = try node["ignore_merges"].bool(default: false)
        let model = try BytePairModel(
            vocabulary: vocabulary, mergeRule: .list(MergeTable(merges)), looksUpWholePieces: ignoreMerges,
            file: node.file)
        return (model, tokenIDs)
    }

    // MARK: - Added tokens

    private static func addedTokens(_ node: JSONNode) throws(VocabularyError) -> AddedTokens {
        if node.isNull { return .none }
        var entries: [AddedTokens.Entry] = []
        for item in try node.array() {
            for flag in ["lstrip", "rstrip", "single_word"] where try item[flag].bool(default: false) {
                throw .unsupportedComponent(file: item.file, pointer: item[flag].pointer, type: "added token \(flag)")
            }
            let id = try item["id"].int()
            guard id >= 0, id <= Int(UInt32.max) else { throw item["id"].fail("id out of range") }
            entries.append(
                AddedTokens.Entry(
                    content: try item["content"].string(), id: TokenID(UInt32(id)),
                    isSpecial: try item["special"].bool(default: false)))
        }
        return try AddedTokens(entries, file: node.file)
    }

    // MARK: - Normalizer

    private static func normalizer(_ node: JSONNode) throws(VocabularyError) -> Normalizer {
        if node.isNull { return .none }
        let type = try node.type()
        switch type {
        case "NFC": return .nfc
        case "NFD": return .nfd
        case "NFKC": return .nfkc
        case "NFKD": return .nfkd
        case "Lowercase": return .lowercase
        case "Sequence":
            var stages: [Normalizer] = []
            for child in try node["normalizers"].array() { stages.append(try normalizer(child)) }
            return .sequence(stages)
        default:
            throw .unsupportedComponent(file: node.file, pointer: node["type"].pointer, type: type)
        }
    }

    // MARK: - Pre-tokenizer

    private static func preTokenizer(_ node: JSONNode) throws(VocabularyError) -> PreTokenizer {
        if node.isNull { return .none }
        let type = try node.type()
        switch type {
        case "ByteLevel":
            if try node["add_prefix_space"].bool(default: true) {
                throw .unsupportedComponent(file: node.file, pointer: node["add_prefix_space"].pointer,
                                            type: "ByteLevel add_prefix_space=true")
            }
            return try node["use_regex"].bool(default: true) ? .split(.gpt2) : .none
        case "Split":
            let behavior = try node["behavior"].string()
            guard behavior == "Isolated" else {
                throw .unsupportedComponent(file: node.file, pointer: node["behavior"].pointer, type: "Split behavior \(behavior)")
            }
            if try node["invert"].bool(default: false) {
                throw .unsupportedComponent(file: node.file, pointer: node["invert"].pointer, type: "Split invert")
            }
            let patternNode = node["pattern"]["Regex"]
            let regex = try patternNode.string()
            do {
                return .split(try SplitPattern(regex: regex))
            } catch {
                throw .unsupportedComponent(file: node.file, pointer: patternNode.pointer, type: "Split regex \(regex)")
            }
        case "Digits":
            return .digits(individual: try node["individual_digits"].bool(default: false))
        case "Sequence":
            var stages: [PreTokenizer] = []
            for child in try node["pretokenizers"].array() {
                let stage = try preTokenizer(child)
                if stage != .none { stages.append(stage) }
            }
            return stages.count == 1 ? stages[0] : .sequence(stages)
        default:
            throw .unsupportedComponent(file: node.file, pointer: node["type"].pointer, type: type)
        }
    }

    // MARK: - Post-processor and decoder

    private static func postProcessor(
        _ node: JSONNode, added: AddedTokens, tokenIDs: [String: Int]
    ) throws(VocabularyError) -> TemplateProcessor {
        if node.isNull { return .none }
        let type = try node.type()
        switch type {
        case "ByteLevel":
            return .none
        case "TemplateProcessing":
            var prefix: [TokenID] = []
            var suffix: [TokenID] = []
            var seenSequence = false
            for item in try node["single"].array() {
                if !item["Sequence"].isNull {
                    seenSequence = true
                    continue
                }
                let special = item["SpecialToken"]["id"]
                let content = try special.string()
                let idNode = node["special_tokens"][content]["ids"]
                var ids: [TokenID] = []
                if !idNode.isNull {
                    for id in try idNode.array() { ids.append(TokenID(UInt32(try id.int()))) }
                } else if let id = added.id(of: content) ?? tokenIDs[content].map({ TokenID(UInt32($0)) }) {
                    ids = [id]
                } else {
                    throw .unknownToken(file: node.file, pointer: special.pointer, token: content)
                }
                if seenSequence { suffix += ids } else { prefix += ids }
            }
            return TemplateProcessor(prefix: prefix, suffix: suffix)
        case "Sequence":
            var result = TemplateProcessor.none
            for child in try node["processors"].array() {
                let stage = try postProcessor(child, added: added, tokenIDs: tokenIDs)
                result = TemplateProcessor(prefix: result.prefix + stage.prefix, suffix: stage.suffix + result.suffix)
            }
            return result
        default:
            throw .unsupportedComponent(file: node.file, pointer: node["type"].pointer, type: type)
        }
    }

    private static func checkDecoder(_ node: JSONNode) throws(VocabularyError) {
        if node.isNull { return }
        let type = try node.type()
        guard type == "ByteLevel" else {
            throw .unsupportedComponent(file: node.file, pointer: node["type"].pointer, type: type)
        }
    }
}
