/// How far a model's bundled tokenizer can be trusted to give the model's own token count.
public enum TokenizerExactness: String, Sendable, Hashable, Codable {
    /// The bundled vocabulary is the model's own and was checked against independent vectors.
    case exact
    /// A related vocabulary stands in (the catalog's `tokenizer_note` says why); counts are estimates.
    case approximate
    /// No vocabulary is bundled, or the model takes no token prompt.
    case none
}

/// Where a figure came from: Cloudflare's own documentation, someone else, or nobody.
public enum Provenance: String, Sendable, Hashable, Codable {
    /// developers.cloudflare.com, a Cloudflare preview build of it, or cloudflare/cloudflare-docs.
    case cloudflare
    /// models.dev or a mirror of Cloudflare's pages on another host: carried, clearly marked, not Cloudflare's word.
    case thirdParty = "third-party"
    /// No source states it.
    case unknown
}
