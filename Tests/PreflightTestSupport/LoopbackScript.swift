import Foundation

/// What the loopback server does with one request, in the order requests arrive.
public struct LoopbackResponse: Sendable {
    /// How the reply is put on the wire.
    public enum Delivery: Sendable {
        /// The whole body at once with `Content-Length`.
        case whole
        /// Each piece as its own HTTP/1.1 chunk, flushed separately with a short pause between
        /// pieces; `cutBeforeEnd` closes the socket before the final zero-length chunk.
        case chunked(pieces: [[UInt8]], cutBeforeEnd: Bool)
        /// Read the request, then send nothing for `seconds` before closing (a stalled server).
        case stall(seconds: Double)
    }

    /// The status code.
    public var status: Int
    /// Header fields to send (`Content-Length` / `Transfer-Encoding` / `Connection` are added).
    public var headers: [(String, String)]
    /// The body for `.whole`.
    public var body: [UInt8]
    /// How it is delivered.
    public var delivery: Delivery

    /// A reply with the whole body at once.
    public init(status: Int = 200, headers: [(String, String)] = [], body: [UInt8] = [], delivery: Delivery = .whole) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delivery = delivery
    }

    /// A JSON reply (`Content-Type: application/json`).
    public static func json(_ text: String, status: Int = 200, headers: [(String, String)] = []) -> LoopbackResponse {
        LoopbackResponse(status: status, headers: [("Content-Type", "application/json")] + headers, body: Array(text.utf8))
    }

    /// A server-sent-event reply cut into pieces of `pieceSize` bytes (so pieces split lines,
    /// CRLF pairs and multi-byte characters), each sent as its own chunk.
    public static func eventStream(_ text: String, pieceSize: Int, cutBeforeEnd: Bool = false) -> LoopbackResponse {
        let bytes = Array(text.utf8)
        let size = max(1, pieceSize)
        let pieces = stride(from: 0, to: bytes.count, by: size).map { Array(bytes[$0..<min($0 + size, bytes.count)]) }
        return LoopbackResponse(
            status: 200, headers: [("Content-Type", "text/event-stream")],
            delivery: .chunked(pieces: pieces, cutBeforeEnd: cutBeforeEnd))
    }

    /// Reads the request and then stays silent for `seconds` (bounded), to trip client timeouts.
    public static func stall(seconds: Double) -> LoopbackResponse {
        LoopbackResponse(status: 200, delivery: .stall(seconds: seconds))
    }
}

/// A request as the loopback server received it.
public struct LoopbackRequest: Sendable {
    /// The method, e.g. `POST`.
    public var method: String
    /// The request target (path and query).
    public var path: String
    /// Header fields in the order received.
    public var headers: [(name: String, value: String)]
    /// The body bytes (by `Content-Length`).
    public var body: [UInt8]

    /// The first header named `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The body parsed as a JSON object, or nil if it is not one.
    public var jsonBody: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }
}
