import Foundation
import PreflightTestSupport
import Testing

/// End-to-end runs of the built `preflight validate` (cli-contract.md, "Validating structured output").
@Suite("preflight validate")
struct ValidateCommandTests {
    func run(_ arguments: [String], input: String = "") throws -> PreflightProcess.Result {
        try PreflightProcess.run(["validate"] + arguments, input: Array(input.utf8))
    }

    /// Writes `files` into a fresh temporary directory and returns it.
    func directory(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-validate-\(UUID().uuidString)")
        for (name, text) in files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return directory
    }

    static let scoreSchema = #"""
        {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items":
          {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}, "score": {"type": "number", "maximum": 1}}}}}}
        """#

    @Test("valid instance: exit 0, prints valid")
    func valid() throws {
        let dir = try directory(["s.json": Self.scoreSchema, "i.json": #"{"items": [{"name": "a", "score": 1}]}"#])
        let result = try run(["--schema", dir.appendingPathComponent("s.json").path, dir.appendingPathComponent("i.json").path])
        #expect(result.status == 0)
        #expect(result.stdout == "valid\n")
    }

    @Test("invalid instance: exit 1, one text line per error")
    func invalidText() throws {
        let dir = try directory(["s.json": Self.scoreSchema])
        let result = try run(["--schema", dir.appendingPathComponent("s.json").path, "-"],
                             input: #"{"items": [{"name": "a"}, {"score": 1.5}]}"#)
        #expect(result.status == 1)
        #expect(result.stdout == """
            /items/1: required property "name" is missing (/properties/items/items/required)
            /items/1/score: 1.5 is greater than the maximum 1 (/properties/items/items/properties/score/maximum)

            """)
    }

    @Test("--format json --jsonl: one object per line, in order")
    func jsonLines() throws {
        let dir = try directory(["s.json": Self.scoreSchema])
        let result = try run(["--schema", dir.appendingPathComponent("s.json").path, "--jsonl", "--format", "json"],
                             input: "{\"items\": []}\n{\"items\": [{\"name\": 3}]}\n")
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines == [
            #"{"errors":[],"valid":true}"#,
            #"{"errors":[{"instanceLocation":"/items/0/name","keywordLocation":"/properties/items/items/properties/name/type","message":"expected string, got integer 3"}],"valid":false}"#,
        ])
    }

    @Test("--extract finds fenced JSON in prose and says where")
    func extract() throws {
        let dir = try directory(["s.json": Self.scoreSchema])
        let reply = "Here is the result:\n```json\n{\"items\": [{\"name\": \"x\", \"score\": 2}]}\n```\nAnything else?"
        let result = try run(["--schema", dir.appendingPathComponent("s.json").path, "--extract", "--format", "json"], input: reply)
        #expect(result.status == 1)
        #expect(result.stdout.contains(#""extraction":{"byteRange":[28,66],"column":1,"line":3,"#))
        #expect(result.stdout.contains(#""method":"fenced-json","status":"found""#))
        #expect(result.stdout.contains(#""instanceLocation":"/items/0/score""#))
    }

    @Test("--extract reports a truncated reply as invalid with the likely cause")
    func extractTruncated() throws {
        let dir = try directory(["s.json": Self.scoreSchema])
        let result = try run(["--schema", dir.appendingPathComponent("s.json").path, "--extract"],
                             input: "Sure: {\"items\": [{\"name\": \"Ada Lovel")
        #expect(result.status == 1)
        #expect(result.stdout.contains("truncated"))
        #expect(result.stdout.contains("max_tokens"))
    }

    @Test("malformed instance JSON: exit 2, one line with line, column and byte offset")
    func malformedInstance() throws {
        let dir = try directory(["s.json": Self.scoreSchema])
        let result = try run(["--schema", dir.appendingPathComponent("s.json").path], input: "{\"items\": [1,]}")
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("line 1, column 14 (byte 13)"))
    }

    @Test("malformed schema: exit 2 with its position")
    func malformedSchema() throws {
        let dir = try directory(["s.json": "{\"type\": \"object\",\n \"properties\": }"])
        let result = try run(["--schema", dir.appendingPathComponent("s.json").path], input: "{}")
        #expect(result.status == 2)
        #expect(result.stderr.contains("line 2, column 16 (byte 34)"))
    }

    @Test("--map-uri resolves remote refs from a directory; an unmapped one exits 2")
    func mapURI() throws {
        let dir = try directory([
            "s.json": #"{"$ref": "http://localhost:1234/types/int.json"}"#,
            "remotes/types/int.json": #"{"type": "integer"}"#,
        ])
        let schema = dir.appendingPathComponent("s.json").path
        let mapped = try run(["--schema", schema, "--map-uri", "http://localhost:1234/=" + dir.appendingPathComponent("remotes").path], input: "\"x\"")
        #expect(mapped.status == 1)
        #expect(mapped.stdout == "(root): expected integer, got string \"x\" (/$ref/type)\n")
        let unmapped = try run(["--schema", schema], input: "1")
        #expect(unmapped.status == 2)
        #expect(unmapped.stderr.contains("not under any mapped prefix"))
    }

    @Test("--draft 7 applies when the schema has no $schema; $schema wins otherwise")
    func draftSelection() throws {
        let dir = try directory([
            "plain.json": ##"{"definitions": {"s": {"type": "string"}}, "$ref": "#/definitions/s", "maxLength": 2}"##,
            "declared.json": ##"{"$schema": "https://json-schema.org/draft/2020-12/schema", "definitions": {"s": {"type": "string"}}, "$ref": "#/definitions/s", "maxLength": 2}"##,
        ])
        #expect(try run(["--schema", dir.appendingPathComponent("plain.json").path, "--draft", "7"], input: "\"long\"").status == 0)
        #expect(try run(["--schema", dir.appendingPathComponent("plain.json").path], input: "\"long\"").status == 1)
        #expect(try run(["--schema", dir.appendingPathComponent("declared.json").path, "--draft", "7"], input: "\"long\"").status == 1)
    }

    @Test("usage errors exit 2")
    func usage() throws {
        #expect(try run(["--schema", "/nonexistent/schema.json"], input: "{}").status == 2)
        #expect(try run([], input: "{}").status == 2)
        #expect(try run(["--schema", "x.json", "--draft", "4"], input: "{}").status == 2)
    }
}
