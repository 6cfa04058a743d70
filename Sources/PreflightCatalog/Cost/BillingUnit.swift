import Foundation

/// A unit that Workers AI quotes prices in. The platform bills neurons; each model's price page
/// presents that charge per one of these units (source: pricing.mdx @970ac729).
public enum BillingUnit: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Prompt tokens, quoted per million.
    case inputTokens = "input_tokens"
    /// Prompt tokens served from the prefix cache, quoted per million.
    case cachedInputTokens = "cached_input_tokens"
    /// Generated tokens, quoted per million.
    case outputTokens = "output_tokens"
    /// 512×512 output tiles of a generated image, quoted per tile.
    case imageTiles = "image_tiles"
    /// Diffusion steps, quoted per step.
    case steps
    /// 512×512 tiles of an input image, quoted per tile.
    case inputTiles = "input_tiles"
    /// 512×512 tiles of an output image, quoted per tile.
    case outputTiles = "output_tiles"
    /// Input tiles multiplied by steps ("per input 512x512 tile, per step"), quoted per tile-step.
    case inputTileSteps = "input_tile_steps"
    /// Output tiles multiplied by steps ("per output 512x512 tile, per step"), quoted per tile-step.
    case outputTileSteps = "output_tile_steps"
    /// The first megapixel (1024×1024) of an output image.
    case firstMegapixel = "first_megapixel"
    /// Each megapixel after the first.
    case subsequentMegapixels = "subsequent_megapixels"
    /// Megapixels of input images.
    case inputImageMegapixels = "input_image_megapixels"
    /// Whole images, quoted per million.
    case images
    /// Minutes of audio (input audio for speech recognition), quoted per minute.
    case audioMinutes = "audio_minutes"
    /// Characters of text to speak, quoted per thousand.
    case characters

    /// How many units one published price covers: 1,000,000 tokens or images, 1,000 characters, else 1.
    public var quotedQuantity: Decimal {
        switch self {
        case .inputTokens, .cachedInputTokens, .outputTokens, .images: return Decimal(1_000_000)
        case .characters: return Decimal(1000)
        case .imageTiles, .steps, .inputTiles, .outputTiles, .inputTileSteps, .outputTileSteps,
            .firstMegapixel, .subsequentMegapixels, .inputImageMegapixels, .audioMinutes:
            return Decimal(1)
        }
    }

    /// A short label for people, e.g. "input tokens".
    public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }

    /// How a published price is phrased, e.g. "per M input tokens".
    public var quoteLabel: String {
        switch self {
        case .inputTokens: return "per M input tokens"
        case .cachedInputTokens: return "per M cached input tokens"
        case .outputTokens: return "per M output tokens"
        case .imageTiles: return "per 512x512 tile"
        case .steps: return "per step"
        case .inputTiles: return "per input 512x512 tile"
        case .outputTiles: return "per output 512x512 tile"
        case .inputTileSteps: return "per input 512x512 tile, per step"
        case .outputTileSteps: return "per output 512x512 tile, per step"
        case .firstMegapixel: return "per first MP (1024x1024)"
        case .subsequentMegapixels: return "per subsequent MP"
        case .inputImageMegapixels: return "per input image MP"
        case .images: return "per M images"
        case .audioMinutes: return "per audio minute"
        case .characters: return "per 1k characters input"
        }
    }

    /// Reads the unit phrase of the pricing page ("per M input tokens", "per audio minute input", …);
    /// `nil` for a phrase this version does not know.
    public init?(publishedUnit: String) {
        let phrase = publishedUnit.lowercased().trimmingCharacters(in: .whitespaces)
        if phrase == "per audio minute input" { self = .audioMinutes; return }
        guard let match = Self.allCases.first(where: { $0.quoteLabel.lowercased() == phrase }) else { return nil }
        self = match
    }

    /// Orders units as they are declared (input, cached input, output, …).
    public static func < (lhs: BillingUnit, rhs: BillingUnit) -> Bool {
        // Invariant: every case is in allCases, so both indices exist.
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
