import Foundation

/// Facts the client relies on, read once from the bundled `Resources/workers-ai-facts.json`
/// (copied with its sources from the project's Workers AI fact sheet): the documented error codes
/// and the range AI Gateway accepts for `cf-aig-cache-ttl`. Code holds no such tables.
struct WorkersAIFacts: Sendable, Decodable {
    /// The documented error rows.
    var errors: [DocumentedError]
    /// The allowed cache TTL, in seconds (`nil` only if the resource could not be read).
    var gatewayCacheTTL: ClosedRange<Int>?

    private enum CodingKeys: String, CodingKey { case errors, gatewayCacheTTL = "gateway_cache_ttl_seconds" }
    private struct Range: Decodable { var minimum: Int; var maximum: Int }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        errors = try container.decode([DocumentedError].self, forKey: .errors)
        let range = try container.decode(Range.self, forKey: .gatewayCacheTTL)
        guard range.minimum <= range.maximum else {
            throw DecodingError.dataCorruptedError(forKey: .gatewayCacheTTL, in: container, debugDescription: "minimum > maximum")
        }
        gatewayCacheTTL = range.minimum...range.maximum
    }

    /// The bundled facts. A missing or damaged resource is a packaging bug, reported by the
    /// resource test; here it degrades to no meanings and no TTL range (every TTL refused).
    static let bundled: WorkersAIFacts = {
        guard let url = Bundle.module.url(forResource: "workers-ai-facts", withExtension: "json", subdirectory: "Resources"),
            let data = try? Data(contentsOf: url), let facts = try? JSONDecoder().decode(WorkersAIFacts.self, from: data)
        else { return WorkersAIFacts(errors: [], gatewayCacheTTL: nil) }
        return facts
    }()

    private init(errors: [DocumentedError], gatewayCacheTTL: ClosedRange<Int>?) {
        self.errors = errors
        self.gatewayCacheTTL = gatewayCacheTTL
    }

    /// Whether the bundled resource was read.
    var isLoaded: Bool { gatewayCacheTTL != nil }

    /// The documented row for `code`, if any. (Codes 5035 and 3041/5018 share names; the first row wins.)
    /// - Complexity: O(n) over a couple of dozen rows.
    func meaning(of code: Int) -> DocumentedError? {
        errors.first { $0.code == code }
    }
}
