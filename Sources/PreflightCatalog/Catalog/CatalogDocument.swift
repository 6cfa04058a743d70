import Foundation

/// Account-wide billing facts: the neuron price and the daily free allocation.
public struct Billing: Sendable, Hashable {
    /// US dollars per 1,000 neurons (0.011).
    public let usdPerThousandNeurons: Decimal
    /// Neurons free per day on every plan (10,000).
    public let freeNeuronsPerDay: Int
    /// Where these are documented (path@commit).
    public let source: String
    /// The date of that version.
    public let asOf: String
}

/// The pre-2025 character rule: Workers AI validated prompts by characters before 2025-02-24.
///
/// The 6,144 figure comes from the project brief; no Cloudflare document read states it
/// (`source` says so).
public struct LegacyCharacterLimit: Sendable, Hashable {
    /// The character cap (6,144).
    public let characters: Int
    /// Where the figure comes from.
    public let source: String
}

/// The top level of `Resources/catalog/models.json`.
struct CatalogDocument: Sendable, Decodable {
    let format: Int
    let billing: Billing
    let legacyCharacterLimit: LegacyCharacterLimit
    let models: [ModelSpec]

    enum CodingKeys: String, CodingKey {
        case format, billing, models
        case legacyCharacterLimit = "legacy_character_limit"
    }
}
