import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 with an ephemeral port, for end-to-end client tests.
///
/// It answers requests one connection at a time with a script of responses (one per request,
/// in order), records what it received, and stops by itself: once the script is used up, when
/// `stop()` is called, or after `lifetime` seconds — every loop is bounded, and it never listens
/// beyond loopback.
public final class LoopbackServer: Sendable {
    /// Errors setting the server up.
    public enum SetupError: Error, CustomStringConvertible {
        /// A socket call failed with `errno`.
        case socket(call: String, errno: Int32)
        public var description: String {
            switch self {
            case .socket(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
            }
        }
    }

    /// The port the server listens on.
    public let port: UInt16
    private let listener: Int32
    private let state: Mutex<State>

    private struct State {
        var received: [LoopbackRequest] = []
        var stopped = false
        var finished = false
    }

    /// `http://127.0.0.1:<port>`.
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Every request received so far, in order.
    public var requests: [LoopbackRequest] { state.withLock { $0.received } }

    /// Whether the serving thread has ended (script used up, stopped, or lifetime over).
    public var isFinished: Bool { state.withLock { $0.finished } }

    /// Binds 127.0.0.1 on an ephemeral port and starts serving `script` on a dedicated thread.
    ///
    /// `lifetime` is only a safety net (the server normally ends when its script is used up or
    /// `stop()` is called); it is long because a loaded machine running the whole suite in parallel
    /// can leave a test waiting for a thread for tens of seconds between two requests.
    public init(script: [LoopbackResponse], lifetime: Double = 600) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw SetupError.socket(call: "socket", errno: errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else {
            let code = errno
            close(descriptor)
            throw SetupError.socket(call: "bind/listen", errno: code)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else {
            let code = errno
            close(descriptor)
            throw SetupError.socket(call: "getsockname", errno: code)
        }
        self.port = UInt16(bigEndian: address.sin_port)
        self.listener = descriptor
        self.state = Mutex(State())
        let deadline = Date().addingTimeInterval(lifetime)
        let thread = Thread { [self] in serve(script, until: deadline) }
        thread.name = "loopback-server"
        thread.start()
    }

    /// Asks the server to stop; it closes within about 50 ms.
    public func stop() { state.withLock { $0.stopped = true } }

    private var shouldStop: Bool { state.withLock { $0.stopped } }

    private func serve(_ script: [LoopbackResponse], until deadline: Date) {
        defer {
            close(listener)
            state.withLock { $0.finished = true }
        }
        var served = 0
        while served < script.count && !shouldStop && Date() < deadline {
            guard Self.wait(for: listener, milliseconds: 50) else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            var noDelay: Int32 = 1
            setsockopt(connection, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
            if let request = Self.readRequest(from: connection, until: deadline) {
                state.withLock { $0.received.append(request) }
                respond(script[served], on: connection, until: deadline)
                served += 1
            }
            close(connection)
        }
    }

    /// Polls `descriptor` for input; true when readable.
    private static func wait(for descriptor: Int32, milliseconds: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, milliseconds) > 0
    }

    private static func readRequest(from connection: Int32, until deadline: Date) -> LoopbackRequest? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        var expected = 0
        while Date() < deadline {
            if let end = headEnd, buffer.count >= end + expected { break }
            guard wait(for: connection, milliseconds: 100) else { continue }
            let count = recv(connection, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            buffer += chunk[0..<count]
            if headEnd == nil, let range = firstRange(of: separator, in: buffer) {
                headEnd = range
                expected = contentLength(in: Array(buffer[0..<range]))
            }
        }
        guard let end = headEnd else { return nil }
        let headText = String(decoding: buffer[0..<end], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let bodyStart = end + separator.count
        let body = Array(buffer[bodyStart..<min(buffer.count, bodyStart + expected)])
        return LoopbackRequest(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: body)
    }

    private static func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<start + needle.count].elementsEqual(needle) {
            return start
        }
        return nil
    }

    private static func contentLength(in head: [UInt8]) -> Int {
        for line in String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "content-length" {
                return Int(parts[1].trimmingCharacters(in: .whitespaces)) ?? 0
            }
        }
        return 0
    }

    private func respond(_ response: LoopbackResponse, on connection: Int32, until deadline: Date) {
        var head = "HTTP/1.1 \(response.status) \(Self.reason(for: response.status))\r\nConnection: close\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        switch response.delivery {
        case .whole:
            head += "Content-Length: \(response.body.count)\r\n\r\n"
            Self.write(Array(head.utf8) + response.body, on: connection)
        case .chunked(let pieces, let cutBeforeEnd):
            head += "Transfer-Encoding: chunked\r\n\r\n"
            Self.write(Array(head.utf8), on: connection)
            for piece in pieces where !shouldStop {
                Self.write(Array((String(piece.count, radix: 16) + "\r\n").utf8) + piece + Array("\r\n".utf8), on: connection)
                usleep(2_000)
            }
            if !cutBeforeEnd { Self.write(Array("0\r\n\r\n".utf8), on: connection) }
        case .stall(let seconds):
            let end = min(deadline, Date().addingTimeInterval(seconds))
            while Date() < end && !shouldStop { usleep(20_000) }
        }
    }

    private static func write(_ bytes: [UInt8], on connection: Int32) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return }
            offset += sent
        }
    }

    private static func reason(for status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
