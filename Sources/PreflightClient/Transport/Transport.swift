import Foundation

/// Sends one HTTP request and hands back the response head plus its body as it arrives.
///
/// This is the client's one open seam: `CurlTransport` is the real implementation, and tests or
/// applications can substitute their own (an in-memory double, a recording proxy, another HTTP stack).
public protocol Transport: Sendable {
    /// Sends `request` and returns once the response head (status and headers) has arrived.
    ///
    /// The body then streams through `TransportResponse.body`; ending the iteration early, or
    /// cancelling the task that iterates it, aborts the transfer.
    func send(_ request: HTTPRequest) async throws -> TransportResponse
}

/// An HTTP request as the client hands it to a `Transport`.
public struct HTTPRequest: Sendable {
    /// The request method, e.g. `POST`.
    public var method: String
    /// The absolute URL.
    public var url: URL
    /// Header fields in the order they are sent. Names are case-insensitive on the wire.
    public var headers: [HTTPHeader]
    /// The request body (empty for none).
    public var body: [UInt8]
    /// Connect, total and idle limits for this request.
    public var timeouts: TransportTimeouts

    /// Creates a request.
    public init(
        method: String, url: URL, headers: [HTTPHeader] = [], body: [UInt8] = [],
        timeouts: TransportTimeouts = .standard
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeouts = timeouts
    }

    /// The value of the first header named `name` (case-insensitive), if any.
    /// - Complexity: O(n) in the number of headers.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// One header field. Printing, debugging or dumping it never shows an `Authorization` value.
public struct HTTPHeader: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The field name as sent or received.
    public var name: String
    /// The field value, without surrounding whitespace.
    public var value: String

    /// Creates a header field.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// Whether the value is a credential (`Authorization`, `Proxy-Authorization`), hidden when shown.
    public var isSecret: Bool {
        let lowered = name.lowercased()
        return lowered == "authorization" || lowered == "proxy-authorization"
    }

    /// `Name: value`, with credentials replaced by `<redacted>`.
    public var description: String { "\(name): \(isSecret ? "<redacted>" : value)" }
    /// Same as `description`.
    public var debugDescription: String { description }
    /// A mirror that hides credential values from `dump` and reflection.
    public var customMirror: Mirror {
        Mirror(self, children: ["name": name, "value": isSecret ? "<redacted>" : value], displayStyle: .struct)
    }
}

/// Time limits for one request.
public struct TransportTimeouts: Sendable, Hashable {
    /// Limit on establishing the connection (TCP and TLS).
    public var connect: Duration
    /// Limit on the whole exchange, body included; `nil` for none (long streams).
    public var total: Duration?
    /// A transfer that receives nothing for this long is abandoned (stalled stream).
    /// Whole seconds: libcurl's low-speed window has one-second resolution.
    public var idle: Duration

    /// Creates time limits.
    public init(connect: Duration, total: Duration?, idle: Duration) {
        self.connect = connect
        self.total = total
        self.idle = idle
    }

    /// 10 s to connect, 120 s in all, 60 s of silence at most: generation can be slow to start.
    public static let standard = TransportTimeouts(connect: .seconds(10), total: .seconds(120), idle: .seconds(60))
}

/// The status line and headers of a response.
public struct HTTPResponseHead: Sendable, Hashable {
    /// The HTTP status code.
    public var status: Int
    /// Header fields in the order received.
    public var headers: [HTTPHeader]

    /// Creates a response head.
    public init(status: Int, headers: [HTTPHeader]) {
        self.status = status
        self.headers = headers
    }

    /// The value of the first header named `name` (case-insensitive), if any.
    /// - Complexity: O(n) in the number of headers.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// A response whose head has arrived and whose body is still streaming.
public struct TransportResponse: Sendable {
    /// Status and headers.
    public var head: HTTPResponseHead
    /// The body in the chunks the network delivered. Throws `TransportError` if the transfer fails mid-way.
    public var body: AsyncThrowingStream<[UInt8], any Error>

    /// Creates a response.
    public init(head: HTTPResponseHead, body: AsyncThrowingStream<[UInt8], any Error>) {
        self.head = head
        self.body = body
    }

    /// Reads the whole body into memory. Throws `TransportError.cancelled` if the task is cancelled
    /// meanwhile (the stream then ends early, and a truncated body must not pass for a whole one).
    /// - Complexity: O(n) in the body size.
    public func collectBody() async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in body { bytes += chunk }
        if Task.isCancelled { throw TransportError.cancelled }
        return bytes
    }
}
