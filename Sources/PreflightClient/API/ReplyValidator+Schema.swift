import PreflightSchema

extension ReplyValidator {
    /// Validates replies against `schema` with the schema module's validator, one message per
    /// violation (`at /city: …`). Replies that came back as text are searched with
    /// `ReplyExtraction` (whole reply, fenced blocks, first balanced value); a truncated or
    /// malformed value is reported with its position and likely cause.
    public static func schema(_ schema: CompiledSchema) -> ReplyValidator {
        ReplyValidator(
            extract: { text in
                let outcome = ReplyExtraction.extract(from: text)
                guard case .found(let json) = outcome else { throw ExtractionFailure(explanation: outcome.explanation) }
                return json.value
            },
            validate: { value in schema.validate(value).violations.map(\.description) })
    }
}

/// No usable JSON value in a reply; `explanation` says why (none, truncated, malformed at …).
struct ExtractionFailure: Error, CustomStringConvertible {
    let explanation: String
    var description: String { explanation }
}
