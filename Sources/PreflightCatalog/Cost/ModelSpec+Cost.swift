import Foundation

extension BillingUnit {
    /// The billing unit of a catalog price unit ("per audio minute" and "per audio minute input"
    /// are both minutes of audio).
    public init(_ unit: PriceUnit) {
        switch unit {
        case .inputTokensPerMillion: self = .inputTokens
        case .outputTokensPerMillion: self = .outputTokens
        case .cachedInputTokensPerMillion: self = .cachedInputTokens
        case .tile512: self = .imageTiles
        case .step: self = .steps
        case .inputTile512Step: self = .inputTileSteps
        case .outputTile512Step: self = .outputTileSteps
        case .inputTile512: self = .inputTiles
        case .outputTile512: self = .outputTiles
        case .firstMegapixel: self = .firstMegapixel
        case .subsequentMegapixel: self = .subsequentMegapixels
        case .inputImageMegapixel: self = .inputImageMegapixels
        case .audioMinute, .audioMinuteInput: self = .audioMinutes
        case .thousandCharactersInput: self = .characters
        case .imagesPerMillion: self = .images
        }
    }
}

extension BillingPolicy {
    /// The catalog's billing facts (neuron price and free allocation, with their source).
    public init(_ billing: Billing) {
        self.init(dollarsPerThousandNeurons: billing.usdPerThousandNeurons, freeNeuronsPerDay: Neurons(billing.freeNeuronsPerDay))
    }
}

extension ModelSpec {
    /// The model's prices as a rate card: one rate per unit, preferring the plain price over
    /// variants such as WebSocket. Empty when the pricing page lists the model nowhere.
    public var rateCard: RateCard {
        var rates: [UnitRate] = []
        for item in pricing?.items ?? [] {
            let unit = BillingUnit(item.unit)
            guard let chosen = pricing?.item(for: item.unit), chosen == item, !rates.contains(where: { $0.unit == unit }) else { continue }
            rates.append(UnitRate(unit: unit, neuronsPerQuote: Neurons(item.neurons), publishedDollarsPerQuote: Dollars(item.usd)))
        }
        return RateCard(modelID: id, rates: rates)
    }

    /// The output tokens assumed when a request gives none: the model's documented default
    /// `max_tokens`, else the platform default of 256 (release notes, 2025-02-21).
    public var assumedMaxTokens: Int { output.defaultMaxTokens ?? 256 }

    /// The caveats that follow from how this model's tokens are counted.
    public var tokenCountCaveats: [CostCaveat] {
        switch tokenizerExactness {
        case .exact: return []
        case .approximate: return [.tokenizerApproximate(tokenizer: tokenizer ?? "none", reason: tokenizerNote)]
        case .none: return [.tokenizerMissing(modelID: id)]
        }
    }
}
