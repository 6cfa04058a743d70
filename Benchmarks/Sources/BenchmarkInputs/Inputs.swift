import Foundation
import Synchronization

/// Benchmark texts of an exact size in UTF-8 bytes, built from `Benchmarks/Corpus` or generated
/// with a fixed seed, so every run (and the Python side of the side-by-side) sees the same bytes.
public enum Inputs {
    /// `Benchmarks/Corpus`, found from this source file's location (benchmarks run from a
    /// checkout), or from `PREFLIGHT_CORPUS` when set.
    public static var corpusDirectory: URL {
        if let override = ProcessInfo.processInfo.environment["PREFLIGHT_CORPUS"] {
            return URL(fileURLWithPath: override)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Corpus")
    }

    /// The text of `kind`, exactly `bytes` UTF-8 bytes long (corpus files are repeated, and the
    /// cut falls back to the previous scalar boundary, so the length can be up to 3 bytes short).
    /// - Complexity: O(bytes).
    public static func text(_ kind: InputKind, bytes: Int) throws -> String {
        let utf8: [UInt8]
        switch kind {
        case .prose: utf8 = try repeated(corpusFile("english-kjv-genesis.txt"), to: bytes)
        case .code: utf8 = try repeated(corpusFile("code.txt"), to: bytes)
        case .cjk: utf8 = try repeated(corpusFile("cjk.txt"), to: bytes)
        case .emoji: utf8 = try repeated(corpusFile("emoji.txt"), to: bytes)
        case .oneLetter: utf8 = [UInt8](repeating: UInt8(ascii: "a"), count: bytes)
        case .randomLetters:
            var generator = SplitMix64(seed: 0x5EED)
            let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
            utf8 = (0..<bytes).map { _ in letters[Int(generator.next() % UInt64(letters.count))] }
        case .digits:
            var generator = SplitMix64(seed: 0xD161)
            utf8 = (0..<bytes).map { _ in UInt8(ascii: "0") + UInt8(generator.next() % 10) }
        case .spaces:
            // 64-space runs between two-letter words: long whitespace pieces, each ending before a word.
            let unit = Array(String(repeating: " ", count: 64).utf8) + Array("ab".utf8)
            utf8 = repeated(unit, to: bytes)
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The bytes of one corpus file.
    public static func corpusFile(_ name: String) throws -> [UInt8] {
        let url = corpusDirectory.appendingPathComponent(name)
        return [UInt8](try Data(contentsOf: url))
    }

    /// A short label for a byte size: `10B`, `1KB`, `100KB`, `1MB`, `10MB`.
    public static func label(bytes: Int) -> String {
        switch bytes {
        case 1_000_000...: "\(bytes / 1_000_000)MB"
        case 1_000...: "\(bytes / 1_000)KB"
        default: "\(bytes)B"
        }
    }

    /// `unit` repeated and cut to at most `bytes` bytes at a UTF-8 scalar boundary.
    static func repeated(_ unit: [UInt8], to bytes: Int) -> [UInt8] {
        guard !unit.isEmpty else { return [] }
        var out = [UInt8]()
        out.reserveCapacity(bytes)
        while out.count < bytes {
            out.append(contentsOf: unit.prefix(bytes - out.count))
        }
        return Array(out[..<completeScalarsEnd(out)])
    }

    /// The end of the last complete UTF-8 scalar in `bytes`: a cut scalar at the tail is dropped.
    static func completeScalarsEnd(_ bytes: [UInt8]) -> Int {
        var lead = bytes.count
        // Continuation bytes are 0b10xxxxxx; a scalar has at most 3 of them.
        while lead > 0, bytes.count - lead < 4, bytes[lead - 1] & 0xC0 == 0x80 { lead -= 1 }
        guard lead > 0 else { return 0 }
        let first = bytes[lead - 1]
        let expected = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2
        return bytes.count - (lead - 1) >= expected ? bytes.count : lead - 1
    }
}

/// A small, fast, seedable generator (SplitMix64), so generated inputs are identical on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Inputs {
    /// `text(kind, bytes:)`, built once per process and then shared: benchmark setup hooks build
    /// it outside the measured region, and the measured closure reads it back.
    public static func cachedText(_ kind: InputKind, bytes: Int) throws -> String {
        let key = "\(kind.rawValue)/\(bytes)"
        if let text = textCache.withLock({ $0[key] }) { return text }
        let text = try text(kind, bytes: bytes)
        textCache.withLock { $0[key] = text }
        return text
    }

    private static let textCache = Mutex<[String: String]>([:])
}
