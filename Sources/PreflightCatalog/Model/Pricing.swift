import Foundation

/// A model's published prices, exactly as the pricing page prints them, with their neuron equivalents.
///
/// Amounts are `Decimal`s parsed from the catalog's decimal strings, never binary floats, so
/// `$0.0000528` stays `0.0000528`. Workers AI bills in neurons; the dollar figures are a
/// presentation of the same charge at `Catalog.billing.usdPerThousandNeurons`.
public struct Pricing: Sendable, Hashable {
    /// One price per unit (input tokens, output tokens, tiles, steps, audio minutes…).
    public let items: [PriceItem]
    /// The pricing page version read (path@commit).
    public let source: String
    /// The date of that version (`YYYY-MM-DD`).
    public let asOf: String

    /// The first price for `unit` (ignoring variants such as WebSocket), if the model has one.
    /// - Complexity: O(n) in the number of items.
    public func item(for unit: PriceUnit) -> PriceItem? {
        items.first { $0.unit == unit && $0.variant == nil } ?? items.first { $0.unit == unit }
    }
}

/// One published price.
public struct PriceItem: Sendable, Hashable {
    /// What is being priced.
    public let unit: PriceUnit
    /// The unit as the page words it (for example "per M input tokens").
    public let publishedUnit: String
    /// US dollars per unit, as published.
    public let usd: Decimal
    /// Neurons per unit, as published.
    public let neurons: Decimal
    /// The dollar figure exactly as printed (trailing zeros kept, e.g. `0.020`).
    public let publishedUSD: String
    /// The neuron figure exactly as printed, commas removed (e.g. `4.80`).
    public let publishedNeurons: String
    /// A variant of the same unit (for example "WebSocket"), if any.
    public let variant: String?
}

/// The units the pricing page prices in.
public enum PriceUnit: String, Sendable, Hashable, Codable, CaseIterable {
    /// Per million input (prompt) tokens.
    case inputTokensPerMillion = "input_tokens_per_million"
    /// Per million output (completion) tokens.
    case outputTokensPerMillion = "output_tokens_per_million"
    /// Per million input tokens served from the prefix cache.
    case cachedInputTokensPerMillion = "cached_input_tokens_per_million"
    /// Per 512×512 output tile.
    case tile512 = "tile_512"
    /// Per diffusion step.
    case step
    /// Per input 512×512 tile per step.
    case inputTile512Step = "input_tile_512_step"
    /// Per output 512×512 tile per step.
    case outputTile512Step = "output_tile_512_step"
    /// Per input 512×512 tile.
    case inputTile512 = "input_tile_512"
    /// Per output 512×512 tile.
    case outputTile512 = "output_tile_512"
    /// Per first megapixel (1024×1024).
    case firstMegapixel = "first_megapixel"
    /// Per subsequent megapixel.
    case subsequentMegapixel = "subsequent_megapixel"
    /// Per input image megapixel.
    case inputImageMegapixel = "input_image_megapixel"
    /// Per audio minute.
    case audioMinute = "audio_minute"
    /// Per audio minute of input.
    case audioMinuteInput = "audio_minute_input"
    /// Per 1,000 characters of input.
    case thousandCharactersInput = "thousand_characters_input"
    /// Per million images.
    case imagesPerMillion = "images_per_million"
}
