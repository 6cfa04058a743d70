/// One server-sent event: its `data` lines joined with "\n", and its optional type and id.
public struct ServerSentEvent: Sendable, Hashable {
    /// The `event:` field, if one was given.
    public var type: String?
    /// The `data:` lines, joined with a line feed.
    public var data: String
    /// The `id:` field, if one was given.
    public var id: String?

    /// Creates an event.
    public init(type: String? = nil, data: String, id: String? = nil) {
        self.type = type
        self.data = data
        self.id = id
    }
}

/// Incremental parser for `text/event-stream`, following the WHATWG event-stream rules.
///
/// Feed it bytes as they arrive, cut anywhere (inside a line, between CR and LF, inside a UTF-8
/// sequence); it returns the events completed so far. Lines end in LF, CRLF or CR; lines starting
/// with ":" are comments; several `data:` lines make one multi-line event; a blank line dispatches.
public struct ServerSentEventParser: Sendable {
    private var line: [UInt8] = []
    private var lastByteWasCR = false
    private var dataLines: [String] = []
    private var sawData = false
    private var type: String?
    private var id: String?
    private var atStart = true

    /// Creates a parser at the start of a stream.
    public init() {}

    /// Consumes `bytes` and returns the events they complete, in order.
    /// - Complexity: O(n) in the number of bytes.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        for byte in bytes {
            if lastByteWasCR {
                lastByteWasCR = false
                if byte == UInt8(ascii: "\n") { continue }  // the LF of a CRLF pair
            }
            switch byte {
            case UInt8(ascii: "\r"):
                lastByteWasCR = true
                endLine(into: &events)
            case UInt8(ascii: "\n"):
                endLine(into: &events)
            default:
                line.append(byte)
            }
        }
        return events
    }

    /// Ends the stream. Per the standard an event not closed by a blank line is dropped; this
    /// returns whether such an unfinished event (or line) was pending, so callers can report it.
    public mutating func finish() -> Bool {
        let pending = !line.isEmpty || sawData
        self = ServerSentEventParser()
        return pending
    }

    private mutating func endLine(into events: inout [ServerSentEvent]) {
        defer { line.removeAll(keepingCapacity: true) }
        if atStart {
            atStart = false
            if line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }  // a leading BOM is ignored
        }
        if line.isEmpty {
            dispatch(into: &events)
            return
        }
        if line.first == UInt8(ascii: ":") { return }  // comment
        let colon = line.firstIndex(of: UInt8(ascii: ":"))
        let name = String(decoding: line[..<(colon ?? line.endIndex)], as: UTF8.self)
        var valueStart = colon.map { line.index(after: $0) } ?? line.endIndex
        if valueStart < line.endIndex && line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        let value = String(decoding: line[valueStart...], as: UTF8.self)
        switch name {
        case "data":
            dataLines.append(value)
            sawData = true
        case "event": type = value
        case "id": id = value
        default: break  // `retry` and unknown fields are ignored: the client does its own retrying
        }
    }

    private mutating func dispatch(into events: inout [ServerSentEvent]) {
        defer {
            dataLines.removeAll()
            sawData = false
            type = nil
        }
        guard sawData else { return }
        events.append(ServerSentEvent(type: type, data: dataLines.joined(separator: "\n"), id: id))
    }
}
