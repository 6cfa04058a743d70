import PreflightClient
import Testing

@Suite("Server-sent event parsing")
struct ServerSentEventParserTests {
    static let stream = ": keep-alive comment\r\ndata: {\"response\":\"Hé\"}\r\n\r\nevent: note\ndata: line one\ndata: line two\nid: 7\n\rdata: [DONE]\n\n"
    static let expected = [
        ServerSentEvent(data: "{\"response\":\"Hé\"}"),
        ServerSentEvent(type: "note", data: "line one\nline two", id: "7"),
        ServerSentEvent(data: "[DONE]", id: "7"),
    ]

    @Test("the whole stream at once gives each event, comments dropped, multi-line data joined")
    func wholeStream() {
        var parser = ServerSentEventParser()
        #expect(parser.feed(Array(Self.stream.utf8)) == Self.expected)
        #expect(parser.finish() == false)
    }

    @Test("cut into pieces of every size, the events are the same", arguments: 1...9)
    func piecewise(size: Int) {
        var parser = ServerSentEventParser()
        let bytes = Array(Self.stream.utf8)  // "é" is two bytes, and CRLF pairs get split
        var events: [ServerSentEvent] = []
        for start in stride(from: 0, to: bytes.count, by: size) {
            events += parser.feed(bytes[start..<min(start + size, bytes.count)])
        }
        #expect(events == Self.expected)
    }

    @Test("an event without its closing blank line is reported as pending, not dispatched")
    func unfinishedEvent() {
        var parser = ServerSentEventParser()
        #expect(parser.feed(Array("data: {\"response\":\"a\"}\n\ndata: {\"resp".utf8)) == [ServerSentEvent(data: "{\"response\":\"a\"}")])
        #expect(parser.finish() == true)
    }

    @Test("a field without a colon and a value without a space follow the standard")
    func fieldForms() {
        var parser = ServerSentEventParser()
        let events = parser.feed(Array("data\ndata:x\n\n".utf8))
        #expect(events == [ServerSentEvent(data: "\nx")])
    }
}
