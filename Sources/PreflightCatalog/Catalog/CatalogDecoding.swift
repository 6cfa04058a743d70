import Foundation

// Decodable conformances for the catalog file. Keys are spelled out (snake_case in the file) so a
// decoding error's coding path is the file's own path, which `CatalogError.malformed` turns into a
// JSON Pointer.

extension KeyedDecodingContainer {
    /// A decimal kept as a string in the file (for example `"0.0000528"`), parsed exactly.
    func decodeDecimalString(forKey key: Key) throws -> Decimal {
        try decodeDecimal(forKey: key).value
    }

    /// A decimal string and its exact value.
    func decodeDecimal(forKey key: Key) throws -> (text: String, value: Decimal) {
        let text = try decode(String.self, forKey: key)
        guard DecimalText.isPlain(text), let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "'\(text)' is not a plain decimal string such as \"0.011\"")
        }
        return (text, value)
    }
}

/// The shape of decimal strings the catalog accepts: digits, optionally a point and more digits.
enum DecimalText {
    /// Whether `text` is `[0-9]+(\.[0-9]+)?` (no sign, exponent, comma or space).
    static func isPlain(_ text: String) -> Bool {
        var sawDigit = false, sawPoint = false, digitAfterPoint = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                if sawPoint { digitAfterPoint = true }
            case UInt8(ascii: ".") where sawDigit && !sawPoint:
                sawPoint = true
            default:
                return false
            }
        }
        return sawDigit && (!sawPoint || digitAfterPoint)
    }
}

extension ModelSpec: Decodable {
    enum CodingKeys: String, CodingKey {
        case id, task, tokenizer, output, pricing, flags, deprecation, source
        case taskSource = "task_source"
        case tokenizerExactness = "tokenizer_exactness"
        case tokenizerNote = "tokenizer_note"
        case contextWindow = "context_window"
        case contextWindowProvenance = "context_window_provenance"
        case contextWindowSource = "context_window_source"
        case contextWindowOtherFigures = "context_window_other_figures"
        case inputLimits = "input_limits"
        case rateLimit = "rate_limit"
    }

    /// Decodes one model record of `models.json`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        task = try c.decode(ModelTask.self, forKey: .task)
        taskSource = try c.decode(String.self, forKey: .taskSource)
        tokenizer = try c.decodeIfPresent(String.self, forKey: .tokenizer)
        tokenizerExactness = try c.decode(TokenizerExactness.self, forKey: .tokenizerExactness)
        tokenizerNote = try c.decode(String.self, forKey: .tokenizerNote)
        let window = try c.decodeIfPresent(Int.self, forKey: .contextWindow)
        if let window, window <= 0 {
            throw DecodingError.dataCorruptedError(forKey: .contextWindow, in: c, debugDescription: "context window \(window) is not positive")
        }
        contextWindow = ContextWindow(
            tokens: window,
            provenance: try c.decode(Provenance.self, forKey: .contextWindowProvenance),
            source: try c.decode(String.self, forKey: .contextWindowSource),
            otherFigures: try c.decode([ReportedFigure].self, forKey: .contextWindowOtherFigures))
        if (window == nil) != (contextWindow.provenance == .unknown) {
            throw DecodingError.dataCorruptedError(
                forKey: .contextWindowProvenance, in: c,
                debugDescription: "provenance must be 'unknown' exactly when context_window is null")
        }
        inputLimits = try c.decode(InputLimits.self, forKey: .inputLimits)
        output = try c.decode(OutputLimits.self, forKey: .output)
        pricing = try c.decodeIfPresent(Pricing.self, forKey: .pricing)
        rateLimit = try c.decodeIfPresent(RateLimit.self, forKey: .rateLimit)
        flags = try c.decode(ModelFlags.self, forKey: .flags)
        deprecation = try c.decodeIfPresent(Deprecation.self, forKey: .deprecation)
        source = try c.decode(ModelSource.self, forKey: .source)
        legacyCharacterLimit = nil
    }
}

extension OutputLimits: Decodable {
    enum CodingKeys: String, CodingKey {
        case defaultMaxTokens = "default_max_tokens"
        case defaultMaxTokensSource = "default_max_tokens_source"
        case maxOutputTokens = "max_output_tokens"
        case maxOutputTokensSource = "max_output_tokens_source"
    }

    /// Decodes the `output` object of a model record.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        defaultMaxTokens = try c.decodeIfPresent(Int.self, forKey: .defaultMaxTokens)
        defaultMaxTokensSource = try c.decode(String.self, forKey: .defaultMaxTokensSource)
        maxOutputTokens = try c.decodeIfPresent(Int.self, forKey: .maxOutputTokens)
        maxOutputTokensSource = try c.decode(String.self, forKey: .maxOutputTokensSource)
    }
}

extension InputLimits: Decodable {
    enum CodingKeys: String, CodingKey {
        case steps, legacy
        case promptMaxCharacters = "prompt_max_characters"
        case embeddingDimensions = "embedding_dimensions"
    }

    /// Decodes the `input_limits` object of a model record.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        promptMaxCharacters = try c.decodeIfPresent(SourcedLimit.self, forKey: .promptMaxCharacters)
        steps = try c.decodeIfPresent(StepLimits.self, forKey: .steps)
        legacy = try c.decodeIfPresent(LegacyLimits.self, forKey: .legacy)
        embeddingDimensions = try c.decodeIfPresent(Int.self, forKey: .embeddingDimensions)
    }
}

extension Pricing: Decodable {
    enum CodingKeys: String, CodingKey {
        case items, source
        case asOf = "as_of"
    }

    /// Decodes the `pricing` object of a model record.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        items = try c.decode([PriceItem].self, forKey: .items)
        source = try c.decode(String.self, forKey: .source)
        asOf = try c.decode(String.self, forKey: .asOf)
    }
}

extension PriceItem: Decodable {
    enum CodingKeys: String, CodingKey {
        case unit, usd, neurons, variant
        case publishedUnit = "published_unit"
    }

    /// Decodes one price; `usd` and `neurons` must be plain decimal strings.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        unit = try c.decode(PriceUnit.self, forKey: .unit)
        publishedUnit = try c.decode(String.self, forKey: .publishedUnit)
        (publishedUSD, usd) = try c.decodeDecimal(forKey: .usd)
        (publishedNeurons, neurons) = try c.decodeDecimal(forKey: .neurons)
        variant = try c.decodeIfPresent(String.self, forKey: .variant)
    }
}

extension Billing: Decodable {
    enum CodingKeys: String, CodingKey {
        case source
        case usdPerThousandNeurons = "usd_per_1000_neurons"
        case freeNeuronsPerDay = "free_neurons_per_day"
        case asOf = "as_of"
    }

    /// Decodes the `billing` object of the catalog.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        usdPerThousandNeurons = try c.decodeDecimalString(forKey: .usdPerThousandNeurons)
        freeNeuronsPerDay = try c.decode(Int.self, forKey: .freeNeuronsPerDay)
        source = try c.decode(String.self, forKey: .source)
        asOf = try c.decode(String.self, forKey: .asOf)
    }
}

extension LegacyCharacterLimit: Decodable {
    /// Decodes the `legacy_character_limit` object of the catalog.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        characters = try c.decode(Int.self, forKey: .characters)
        source = try c.decode(String.self, forKey: .source)
    }

    enum CodingKeys: String, CodingKey { case characters, source }
}
