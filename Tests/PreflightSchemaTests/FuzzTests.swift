import PreflightSchema
import PreflightTestSupport
import Testing

/// Property tests: random bytes and mutated valid JSON never crash the parser or the extractor;
/// every input yields a value or a typed error, and values round-trip through the serialiser.
@Suite("Parser fuzzing (seeded)")
struct FuzzTests {
    static let seeds: [String] = [
        #"{"a": [1, 2.5e-3, -0, true, false, null], "b": {"c": "d\u00e9\n\ud83d\ude00"}}"#,
        #"[[[[[]]]], {}, "", 12345678901234567890123, 1E400, "\\\/\b\f\n\r\t"]"#,
        #"{"name": "Ada", "score": 0.5, "tags": ["x", "y"], "nested": {"deep": [{"k": null}]}}"#,
    ]

    @Test("random bytes and mutations: a value or a typed error, never a crash")
    func noCrash() {
        var random = SeededGenerator(seed: 0x5EED)
        var values = 0
        var errors = 0
        let alphabet = Array(#"{}[]:,"\-+.eE0123456789 tfnrul"#.utf8) + [0x00, 0x0A, 0xC3, 0xA9, 0xF0, 0x9F, 0xED, 0xA0, 0xFF]
        for iteration in 0..<4_000 {
            var bytes: [UInt8]
            if iteration % 2 == 0 {
                bytes = (0..<Int.random(in: 0...64, using: &random)).map { _ in
                    Bool.random(using: &random) ? alphabet.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
                }
            } else {
                bytes = Array(Self.seeds[iteration % Self.seeds.count].utf8)
                for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
                    let at = Int.random(in: 0..<bytes.count, using: &random)
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0: bytes[at] = alphabet.randomElement(using: &random)!
                    case 1: bytes.remove(at: at)
                    case 2: bytes.insert(alphabet.randomElement(using: &random)!, at: at)
                    default: bytes = Array(bytes[..<at])
                    }
                }
            }
            do {
                let value = try JSONParser().parse(bytes)
                values += 1
                let reparsed = try? JSONParser().parse(JSONSerializer.bytes(from: value))
                #expect(reparsed == value, "round trip failed for \(bytes)")
            } catch {
                errors += 1
                if let position = error.position { #expect(position.byteOffset <= bytes.count) }
            }
            _ = ReplyExtraction.extract(from: String(decoding: bytes, as: UTF8.self), repairs: [.trailingCommas])
        }
        #expect(values + errors == 4_000)
        #expect(values > 100)  // the mutations keep some inputs valid, so both paths are exercised
    }
}
