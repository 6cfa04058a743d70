import PreflightSchema
import Testing

@Suite("JSON Pointer (RFC 6901)")
struct JSONPointerTests {
    @Test("escaping ~0 and ~1 round-trips")
    func escaping() throws {
        let pointer = JSONPointer(tokens: ["a/b", "m~n", "", "0"])
        #expect(pointer.description == "/a~1b/m~0n//0")
        #expect(try JSONPointer(parsing: "/a~1b/m~0n//0") == pointer)
        #expect(try JSONPointer(parsing: "/~01").tokens == ["~1"])  // ~01 is "~1", not "/"
    }

    @Test("resolves the RFC 6901 examples")
    func rfcExamples() throws {
        let document = try JSONParser().parse(#"{"foo": ["bar", "baz"], "": 0, "a/b": 1, "m~n": 8, " ": 7}"#)
        #expect(try JSONPointer(parsing: "").resolve(in: document) == document)
        #expect(try JSONPointer(parsing: "/foo/0").resolve(in: document) == "bar")
        #expect(try JSONPointer(parsing: "/").resolve(in: document) == 0)
        #expect(try JSONPointer(parsing: "/a~1b").resolve(in: document) == 1)
        #expect(try JSONPointer(parsing: "/m~0n").resolve(in: document) == 8)
        #expect(try JSONPointer(parsing: "/ ").resolve(in: document) == 7)
        #expect(try JSONPointer(parsing: "/foo/01").resolve(in: document) == nil)
        #expect(try JSONPointer(parsing: "/foo/2").resolve(in: document) == nil)
    }

    @Test("malformed pointers are typed errors")
    func malformed() {
        #expect(throws: JSONPointerError.missingLeadingSlash("a")) { try JSONPointer(parsing: "a") }
        #expect(throws: JSONPointerError.invalidEscape("/a~2")) { try JSONPointer(parsing: "/a~2") }
    }
}
