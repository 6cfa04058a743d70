import Foundation

/// Which Workers AI API a request uses.
public enum Endpoint: Sendable, Hashable {
    /// `POST /accounts/{id}/ai/run/{model}`: every task kind, Cloudflare's envelope.
    case native
    /// `POST /accounts/{id}/ai/v1/chat/completions`: OpenAI-compatible chat.
    case chatCompletions
    /// `POST /accounts/{id}/ai/v1/embeddings`: OpenAI-compatible embeddings.
    case embeddings
}

/// Where requests go: straight to the Cloudflare API, or through an AI Gateway.
public enum Route: Sendable, Hashable {
    /// The REST API; `baseURL` defaults to `https://api.cloudflare.com/client/v4`.
    case direct(baseURL: URL)
    /// An AI Gateway: `{baseURL}/{account}/{gateway}/workers-ai/…`; `baseURL` defaults to
    /// `https://gateway.ai.cloudflare.com/v1`.
    case gateway(id: String, baseURL: URL)

    /// The public REST API.
    public static let cloudflareAPI = Route.direct(baseURL: defaultAPIBaseURL)
    /// Cloudflare's API base URL.
    public static let defaultAPIBaseURL = URL(string: "https://api.cloudflare.com/client/v4")!
    /// Cloudflare's AI Gateway base URL.
    public static let defaultGatewayBaseURL = URL(string: "https://gateway.ai.cloudflare.com/v1")!

    /// Through the AI Gateway named `id` at Cloudflare's gateway host.
    public static func gateway(_ id: String) -> Route { .gateway(id: id, baseURL: defaultGatewayBaseURL) }

    /// Whether requests pass through an AI Gateway (and may carry cache headers).
    public var isGateway: Bool {
        if case .gateway = self { return true }
        return false
    }

    /// The URL for `endpoint` and `model` under `account`.
    func url(for endpoint: Endpoint, model: String, account: String) throws(WorkersAIError) -> URL {
        guard Self.isSafePathText(model) else {
            throw .invalidRequest(reason: "model id '\(model)' contains characters that cannot go in a URL path")
        }
        let path: String
        switch (self, endpoint) {
        case (.direct, .native): path = "/accounts/\(account)/ai/run/\(model)"
        case (.direct, .chatCompletions): path = "/accounts/\(account)/ai/v1/chat/completions"
        case (.direct, .embeddings): path = "/accounts/\(account)/ai/v1/embeddings"
        case (.gateway(let id, _), _):
            guard Self.isSafePathText(id), !id.contains("/") else {
                throw .invalidRequest(reason: "gateway id '\(id)' contains characters that cannot go in a URL path")
            }
            switch endpoint {
            case .native: path = "/\(account)/\(id)/workers-ai/\(model)"
            case .chatCompletions: path = "/\(account)/\(id)/workers-ai/v1/chat/completions"
            case .embeddings: path = "/\(account)/\(id)/workers-ai/v1/embeddings"
            }
        }
        let base: URL
        switch self {
        case .direct(let url), .gateway(_, let url): base = url
        }
        var text = base.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        guard let url = URL(string: text + path) else {
            throw .invalidRequest(reason: "cannot form a URL from the base URL and the model id")
        }
        return url
    }

    /// Letters, digits and `@ . _ - / :` only: what model and gateway ids use, nothing that would
    /// start a query or fragment or climb a directory.
    private static func isSafePathText(_ text: String) -> Bool {
        guard !text.isEmpty, !text.contains("..") else { return false }
        return text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "@"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ":"):
                true
            default: false
            }
        }
    }
}

/// AI Gateway cache controls for one request, checked before anything is sent.
public struct GatewayCacheOptions: Sendable, Hashable {
    /// `cf-aig-cache-ttl`: how long the gateway keeps the reply, in seconds (60 s to one month).
    public var ttlSeconds: Int?
    /// `cf-aig-skip-cache: true`: bypass the cache for this request.
    public var skipCache: Bool
    /// `cf-aig-cache-key`: a custom cache key.
    public var cacheKey: String?

    /// Creates cache options.
    public init(ttlSeconds: Int? = nil, skipCache: Bool = false, cacheKey: String? = nil) {
        self.ttlSeconds = ttlSeconds
        self.skipCache = skipCache
        self.cacheKey = cacheKey
    }

    /// The headers to send, after checking the TTL against the range AI Gateway accepts.
    func headers() throws(WorkersAIError) -> [HTTPHeader] {
        var headers: [HTTPHeader] = []
        if let ttl = ttlSeconds {
            guard let allowed = WorkersAIFacts.bundled.gatewayCacheTTL else {
                throw .invalidRequest(reason: "the bundled AI Gateway facts could not be read, so cf-aig-cache-ttl cannot be checked")
            }
            guard allowed.contains(ttl) else {
                throw .invalidRequest(
                    reason: "cf-aig-cache-ttl \(ttl) s is outside what AI Gateway accepts (\(allowed.lowerBound)...\(allowed.upperBound) s)")
            }
            headers.append(HTTPHeader("cf-aig-cache-ttl", String(ttl)))
        }
        if skipCache { headers.append(HTTPHeader("cf-aig-skip-cache", "true")) }
        if let key = cacheKey {
            guard !key.isEmpty, key.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
                throw .invalidRequest(reason: "cf-aig-cache-key must be non-empty printable ASCII")
            }
            headers.append(HTTPHeader("cf-aig-cache-key", key))
        }
        return headers
    }
}
