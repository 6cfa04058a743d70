import PreflightTestSupport
import Foundation
import PreflightCatalog
import PreflightTokenizer

/// One line of an oracle fixture: a text and the ids the reference tokenizer gives for it.
struct FixtureLine: Decodable, Sendable {
    var text: String
    var ids: [UInt32]
    var source: String?
    /// What kind of case the line is (`empty`, `code`, `cjk`, …).
    var tag: String?
}

enum Fixtures {
    /// The committed fixtures folder of this test target.
    static var directory: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)
            ?? Bundle.module.bundleURL.appendingPathComponent("Fixtures")
    }

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// The lines of `Fixtures/<name>`, or an error saying which file is missing or which line is bad.
    static func lines(_ name: String) throws -> [FixtureLine] {
        let data = try Data(contentsOf: url(name))
        let decoder = JSONDecoder()
        var result: [FixtureLine] = []
        for (index, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() where !line.isEmpty {
            do {
                result.append(try decoder.decode(FixtureLine.self, from: Data(line)))
            } catch {
                throw FixtureError.badLine(file: name, line: index + 1, reason: "\(error)")
            }
        }
        return result
    }

    enum FixtureError: Error, CustomStringConvertible {
        case badLine(file: String, line: Int, reason: String)
        var description: String {
            switch self {
            case .badLine(let file, let line, let reason): return "\(file):\(line): \(reason)"
            }
        }
    }
}

/// Random valid text mixing ASCII, accents, combining marks, CJK, emoji and white space.
func randomText(length: Int, using generator: inout SeededGenerator) -> String {
    let pool: [String] = [
        "a", "b", "Z", " ", "  ", "\n", "\t", "'s", "'LL", "1", "234", ".", "!", "/", "é", "\u{301}", "ß", "ſ",
        "中", "日本", "😀", "👍🏽", "\u{A0}", "\u{2028}", "Ω", "ǅ", "١", "Ⅻ", "<|endoftext|>", "x", "the", " of",
    ]
    var text = ""
    for _ in 0..<length {
        if Int.random(in: 0..<5, using: &generator) == 0 {
            let value = UInt32.random(in: 0x80...0x2FFFF, using: &generator)
            if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
        } else {
            text += pool[Int.random(in: 0..<pool.count, using: &generator)]
        }
    }
    return text
}
