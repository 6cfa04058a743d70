import Foundation

/// Finding a model by id, in the spellings people and OpenAI-style clients use.
extension Catalog {
    /// The model with this id.
    ///
    /// Accepts the canonical id (`@cf/meta/llama-3.1-8b-instruct`), the same without its `@cf/` or
    /// `@hf/` prefix (`meta/llama-3.1-8b-instruct`), the bare model name when only one model has it
    /// (`llama-3.1-8b-instruct`), and any of these in another letter case. The Workers AI facts do not
    /// state which spellings the OpenAI-compatible `/ai/v1` endpoints accept, so the canonical id is
    /// what Preflight sends. An unknown id throws `CatalogError.unknownModel` with the closest ids by
    /// edit distance ("did you mean @cf/meta/llama-3.1-8b-instruct?").
    /// - Complexity: O(1) for a canonical id; O(n) otherwise.
    public func model(id: String) throws(CatalogError) -> ModelSpec {
        if let index = positions[id] { return models[index] }
        let wanted = Self.spellingKey(id)
        let matches = models.filter { model in
            Self.spellings(of: model.id).contains(wanted)
        }
        if matches.count == 1 { return matches[0] }
        throw .unknownModel(id: id, suggestions: suggestions(for: id, among: matches.isEmpty ? models : matches))
    }

    /// Up to three ids closest to `id` by edit distance on the accepted spellings.
    /// - Complexity: O(n·m²) for n models and ids of length m.
    func suggestions(for id: String, among candidates: [ModelSpec]) -> [String] {
        let wanted = Array(Self.spellingKey(id).utf8)
        let scored = candidates.map { model -> (distance: Int, id: String) in
            let best = Self.spellings(of: model.id).map { EditDistance.between(wanted, Array($0.utf8)) }.min() ?? Int.max
            return (best, model.id)
        }
        let limit = max(3, wanted.count / 3)
        return scored.filter { $0.distance <= limit }
            .sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }
            .prefix(3).map(\.id)
    }

    /// The lowercased spellings accepted for a canonical id: itself, without `@xx/`, and its last component.
    static func spellings(of id: String) -> [String] {
        let lower = spellingKey(id)
        var result = [lower]
        if lower.hasPrefix("@"), let slash = lower.firstIndex(of: "/") {
            result.append(String(lower[lower.index(after: slash)...]))
        }
        if let last = lower.split(separator: "/").last { result.append(String(last)) }
        return result
    }

    /// The form ids are compared in: lowercased, surrounding whitespace removed.
    static func spellingKey(_ id: String) -> String {
        id.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}

/// Levenshtein distance over bytes, for "did you mean" suggestions.
enum EditDistance {
    /// The number of single-byte insertions, deletions and substitutions turning `a` into `b`.
    /// - Complexity: O(|a|·|b|) time, O(|b|) space.
    static func between(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
