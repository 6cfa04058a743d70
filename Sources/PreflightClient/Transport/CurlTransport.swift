internal import CCurl
import Foundation
import Synchronization

/// The real `Transport`: libcurl's easy interface, one handle per request, on a dedicated thread.
///
/// This is the only file that imports `CCurl`. Each request gets a fresh `CurlExchange` that owns
/// the easy handle, lives on its own thread for the whole transfer and frees the handle in `deinit`,
/// so no handle is ever shared between threads. The blocking `curl_easy_perform` never runs on
/// Swift's cooperative pool; results cross back through a continuation (the head) and an
/// `AsyncThrowingStream` (the body).
///
/// TLS peers and host names are verified, HTTP/2 is negotiated over TLS where the server offers it,
/// and proxies come from the environment (`https_proxy`, `no_proxy`, …) as libcurl does by default.
public struct CurlTransport: Transport {
    /// Creates the transport. It holds no state: every request opens its own handle.
    public init() {}

    /// Starts the transfer on a new thread and returns when the response head has arrived.
    /// Cancelling the calling task, or dropping or abandoning the body stream, aborts the transfer.
    public func send(_ request: HTTPRequest) async throws -> TransportResponse {
        CurlGlobal.initializeOnce()
        let cancellation = CancellationFlag()
        let (body, bodySink) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
        bodySink.onTermination = { _ in cancellation.cancel() }
        let head = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (headSink: CheckedContinuation<HTTPResponseHead, any Error>) in
                let thread = Thread {
                    CurlExchange.perform(request, headSink: headSink, bodySink: bodySink, cancellation: cancellation)
                }
                thread.name = "preflight-curl"
                thread.start()
            }
        } onCancel: {
            cancellation.cancel()
        }
        return TransportResponse(head: head, body: body)
    }
}

/// A flag the awaiting side sets and the curl thread polls from its progress callback.
private final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    func cancel() { flag.store(true, ordering: .relaxed) }
    var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// `curl_global_init` is not thread-safe, so it runs once, before the first handle.
private enum CurlGlobal {
    private static let initialization: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))
    static func initializeOnce() { _ = initialization }
}

extension CURLcode {
    /// Turns a libcurl status into a Swift error: the one place where `CURLcode` meets `TransportError`.
    func check(_ step: StaticString) throws(TransportError) {
        guard self != CURLE_OK else { return }
        throw TransportError.setup(step: "\(step)", code: Int(rawValue), reason: Self.message(for: self))
    }

    /// libcurl's own sentence for a status code.
    static func message(for code: CURLcode) -> String {
        guard let text = curl_easy_strerror(code) else { return "unknown error" }
        return String(cString: text)
    }

    /// Classifies a failed transfer; `detail` is libcurl's error buffer for this handle.
    func transportError(detail: String, cancelled: Bool) -> TransportError {
        let reason = detail.isEmpty ? Self.message(for: self) : detail
        switch self {
        case CURLE_ABORTED_BY_CALLBACK: return .cancelled
        case CURLE_WRITE_ERROR where cancelled: return .cancelled
        case CURLE_OPERATION_TIMEDOUT: return .timedOut(reason: reason)
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT:
            return .couldNotConnect(reason: reason)
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_HTTP2,
            CURLE_HTTP2_STREAM:
            return .connectionLost(reason: reason)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
            CURLE_SSL_CACERT_BADFILE:
            return .tls(reason: reason)
        default: return .failed(code: Int(rawValue), reason: reason)
        }
    }
}

/// One transfer: owns the easy handle, its header list and error buffer, and frees them in `deinit`.
/// Created, used and destroyed on the thread that runs `curl_easy_perform`, so it needs no locking.
private final class CurlExchange {
    private let handle: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var headSink: CheckedContinuation<HTTPResponseHead, any Error>?
    private let bodySink: AsyncThrowingStream<[UInt8], any Error>.Continuation
    private let cancellation: CancellationFlag
    private var status = 0
    private var headers: [HTTPHeader] = []

    private init?(
        headSink: CheckedContinuation<HTTPResponseHead, any Error>,
        bodySink: AsyncThrowingStream<[UInt8], any Error>.Continuation, cancellation: CancellationFlag
    ) {
        guard let handle = curl_easy_init() else { return nil }
        self.handle = handle
        self.errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        self.errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        self.headSink = headSink
        self.bodySink = bodySink
        self.cancellation = cancellation
    }

    deinit {
        curl_slist_free_all(headerList)
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Runs the whole transfer on the calling (dedicated) thread and reports through the sinks.
    static func perform(
        _ request: HTTPRequest, headSink: CheckedContinuation<HTTPResponseHead, any Error>,
        bodySink: AsyncThrowingStream<[UInt8], any Error>.Continuation, cancellation: CancellationFlag
    ) {
        guard let exchange = CurlExchange(headSink: headSink, bodySink: bodySink, cancellation: cancellation) else {
            let error = TransportError.setup(step: "create a libcurl handle", code: -1, reason: "curl_easy_init returned NULL")
            headSink.resume(throwing: error)
            bodySink.finish(throwing: error)
            return
        }
        do {
            try exchange.configure(for: request)
        } catch {
            exchange.fail(with: error)
            return
        }
        let code = curl_easy_perform(exchange.handle)
        exchange.complete(with: code)
    }

    private func configure(for request: HTTPRequest) throws(TransportError) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        try preflight_curl_setopt_string(handle, CURLOPT_URL, request.url.absoluteString).check("set the URL")
        try preflight_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https").check("restrict protocols")
        try preflight_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1).check("disable signals")
        try preflight_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1).check("verify TLS peers")
        try preflight_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2).check("verify TLS host names")
        try preflight_curl_setopt_long(handle, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS)).check("prefer HTTP/2 over TLS")
        try preflight_curl_setopt_long(handle, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1).check("hide proxy CONNECT headers")
        try preflight_curl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "").check("accept compressed replies")
        try preflight_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer).check("set the error buffer")
        try configureTimeouts(request.timeouts)
        try configureMethodAndBody(request)
        try configureHeaders(request.headers)
        try preflight_curl_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION, CurlExchange.onBody).check("set the body callback")
        try preflight_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context).check("set the body context")
        try preflight_curl_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION, CurlExchange.onHeader).check("set the header callback")
        try preflight_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context).check("set the header context")
        try preflight_curl_setopt_long(handle, CURLOPT_NOPROGRESS, 0).check("enable the progress callback")
        try preflight_curl_setopt_progress_callback(handle, CURLOPT_XFERINFOFUNCTION, CurlExchange.onProgress).check("set the progress callback")
        try preflight_curl_setopt_pointer(handle, CURLOPT_XFERINFODATA, context).check("set the progress context")
    }

    private func configureTimeouts(_ timeouts: TransportTimeouts) throws(TransportError) {
        try preflight_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(timeouts.connect)).check("set the connect timeout")
        if let total = timeouts.total {
            try preflight_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(total)).check("set the total timeout")
        }
        // Fewer than 1 byte per second for `idle` seconds aborts the transfer: a stalled stream.
        let idleSeconds = max(1, Int(timeouts.idle.components.seconds))
        try preflight_curl_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1).check("set the idle threshold")
        try preflight_curl_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, idleSeconds).check("set the idle timeout")
    }

    private func configureMethodAndBody(_ request: HTTPRequest) throws(TransportError) {
        if request.method == "GET" && request.body.isEmpty {
            try preflight_curl_setopt_long(handle, CURLOPT_HTTPGET, 1).check("use GET")
            return
        }
        // The size first, then COPYPOSTFIELDS copies exactly that many bytes (NULs included).
        try preflight_curl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count)).check("set the body size")
        let copied = request.body.withUnsafeBytes { bytes in
            preflight_curl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress ?? UnsafeRawPointer(errorBuffer)))
        }
        try copied.check("set the body")
        if request.method != "POST" {
            try preflight_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method).check("set the method")
        }
    }

    private func configureHeaders(_ headers: [HTTPHeader]) throws(TransportError) {
        // "Expect:" with no value stops libcurl from waiting for `100 Continue` on larger bodies.
        var lines = ["Expect:"]
        // Bytes, not Characters: "\r\n" is a single Character and would slip past a Character test.
        let forbidden: (UInt8) -> Bool = { $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }
        for header in headers {
            guard !header.name.utf8.contains(where: forbidden), !header.value.utf8.contains(where: forbidden),
                !header.name.utf8.contains(UInt8(ascii: ":"))
            else {
                throw .invalidHeader(name: String(decoding: header.name.utf8.filter { !forbidden($0) }, as: UTF8.self))
            }
            lines.append("\(header.name): \(header.value)")
        }
        for line in lines {
            guard let appended = curl_slist_append(headerList, line) else {
                throw .setup(step: "build the header list", code: -1, reason: "out of memory")
            }
            headerList = appended
        }
        try preflight_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList).check("set the headers")
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }

    // MARK: Callbacks (run on this exchange's thread, inside curl_easy_perform)

    private static let onBody: preflight_curl_data_callback = { data, size, count, context in
        guard let context else { return 0 }
        let exchange = Unmanaged<CurlExchange>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        if exchange.cancellation.isCancelled { return 0 }
        exchange.deliverHead()
        guard let data, length > 0 else { return length }
        exchange.bodySink.yield(Array(UnsafeRawBufferPointer(start: data, count: length)))
        return length
    }

    private static let onHeader: preflight_curl_data_callback = { data, size, count, context in
        guard let context else { return 0 }
        let exchange = Unmanaged<CurlExchange>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        guard let data else { return length }
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
        exchange.receiveHeaderLine(line)
        return length
    }

    private static let onProgress: preflight_curl_progress_callback = { context, _, _, _, _ in
        guard let context else { return 1 }
        let exchange = Unmanaged<CurlExchange>.fromOpaque(context).takeUnretainedValue()
        return exchange.cancellation.isCancelled ? 1 : 0
    }

    /// Collects one header line. A status line starts a new block (interim 1xx blocks are dropped);
    /// the blank line that ends a final block delivers the head.
    private func receiveHeaderLine(_ raw: String) {
        let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            let fields = line.split(separator: " ", maxSplits: 2)
            status = fields.count > 1 ? Int(fields[1]) ?? 0 : 0
            headers = []
        } else if line.isEmpty {
            if status >= 200 { deliverHead() }
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append(HTTPHeader(name, value))
        }
    }

    private func deliverHead() {
        guard let sink = headSink else { return }
        headSink = nil
        sink.resume(returning: HTTPResponseHead(status: status, headers: headers))
    }

    private func fail(with error: TransportError) {
        if let sink = headSink {
            headSink = nil
            sink.resume(throwing: error)
        }
        bodySink.finish(throwing: error)
    }

    private func complete(with code: CURLcode) {
        guard code == CURLE_OK else {
            let detail = String(cString: errorBuffer)
            fail(with: code.transportError(detail: detail, cancelled: cancellation.isCancelled))
            return
        }
        deliverHead()
        bodySink.finish()
    }
}
