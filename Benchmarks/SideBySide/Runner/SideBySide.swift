import BenchmarkInputs
import Foundation
import PreflightCatalog
import PreflightTokenizer

/// The side-by-side measurements; each prints one JSON object on stdout.
enum SideBySide {
    /// Encodes, then counts, the file `reps` times each; seconds per call.
    static func time(name: String, file: String, reps: Int) throws {
        let (tokenizer, loadSeconds) = try timedLoad(name)
        let text = try readText(file)
        var encodeTimes: [Double] = []
        var countTimes: [Double] = []
        var tokens = 0
        for _ in 0..<reps {
            encodeTimes.append(measure { tokens = tokenizer.encode(text).count })
            countTimes.append(measure { precondition(tokenizer.count(of: text) == tokens) })
        }
        try emit([
            "tokenizer": name, "bytes": text.utf8.count, "tokens": tokens, "load_seconds": loadSeconds,
            "encode_seconds": encodeTimes, "count_seconds": countTimes,
        ])
    }

    /// The ids of the file, as the agreement check needs them.
    static func ids(name: String, file: String) throws {
        let tokenizer = try BundledTokenizers.tokenizer(named: name)
        try emit(["tokenizer": name, "ids": tokenizer.encode(try readText(file)).map { Int($0.rawValue) }])
    }

    /// Time of the first load, and resident memory (current and peak) before and after it. The
    /// manifest is read first, so the figures are those of the vocabulary, not of the manifest
    /// shared by all tokenizers.
    static func load(name: String) throws {
        _ = try BundledTokenizers.descriptors()
        let before = ResidentMemory.current()
        let (_, seconds) = try timedLoad(name)
        let after = ResidentMemory.current()
        try emit([
            "tokenizer": name, "load_seconds": seconds,
            "rss_before_bytes": before.resident, "rss_after_bytes": after.resident,
            "peak_before_bytes": before.peak, "peak_after_bytes": after.peak,
        ])
    }

    /// `count(of:upTo:)` against a limit, and a full count for comparison.
    static func upTo(name: String, file: String, limit: Int, reps: Int) throws {
        let tokenizer = try BundledTokenizers.tokenizer(named: name)
        let text = try readText(file)
        var limited: [Double] = []
        var result = TokenCount.exact(0)
        for _ in 0..<reps { limited.append(measure { result = tokenizer.count(of: text, upTo: limit) }) }
        var total = 0
        let full = measure { total = tokenizer.count(of: text) }
        let description: String
        switch result {
        case .exact(let n): description = "exact(\(n))"
        case .exceeds(let n): description = "exceeds(\(n))"
        }
        try emit([
            "tokenizer": name, "bytes": text.utf8.count, "limit": limit, "result": description,
            "upto_seconds": limited, "full_count_seconds": full, "full_count": total,
        ])
    }

    /// One text per line: `count(of:)` in a loop against the batch `counts(of:)` on all cores.
    static func batch(name: String, file: String, reps: Int) throws {
        let tokenizer = try BundledTokenizers.tokenizer(named: name)
        let texts = try readText(file).split(separator: "\n").map(String.init)
        var sequential: [Double] = []
        var parallel: [Double] = []
        for _ in 0..<reps {
            var one: [Int] = []
            var many: [Int] = []
            sequential.append(measure { one = texts.map { tokenizer.count(of: $0) } })
            parallel.append(measure { many = tokenizer.counts(of: texts) })
            precondition(one == many, "counts(of:) disagrees with count(of:)")
        }
        try emit([
            "tokenizer": name, "texts": texts.count, "bytes": texts.reduce(0) { $0 + $1.utf8.count },
            "cores": ProcessInfo.processInfo.activeProcessorCount,
            "sequential_seconds": sequential, "batch_seconds": parallel,
        ])
    }

    /// Writes every generated input the side-by-side uses, named `KIND-SIZE.txt`.
    static func writeInputs(to directory: String) throws {
        let folder = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var written: [String] = []
        for kind in InputKind.allCases {
            for size in [1_000, 100_000, 1_000_000, 5_000_000] {
                let name = "\(kind.rawValue)-\(Inputs.label(bytes: size)).txt"
                try Data(try Inputs.text(kind, bytes: size).utf8).write(to: folder.appendingPathComponent(name))
                written.append(name)
            }
        }
        try emit(["directory": directory, "files": written])
    }

    // MARK: - Helpers

    private static func timedLoad(_ name: String) throws -> (Tokenizer, Double) {
        var tokenizer: Tokenizer?
        let seconds = try measure { tokenizer = try BundledTokenizers.tokenizer(named: name) }
        // Invariant: `measure` ran the closure once, and it either assigned or threw.
        return (tokenizer!, seconds)
    }

    private static func readText(_ path: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let text = String(validating: data, as: UTF8.self) else {
            throw SideBySideError.notUTF8(path)
        }
        return text
    }

    private static func measure(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        return Rate.seconds(clock.now - start)
    }

    private static func emit(_ object: [String: Any]) throws {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}

/// Why the side-by-side runner stopped.
enum SideBySideError: Error, CustomStringConvertible {
    /// The input file is not valid UTF-8.
    case notUTF8(String)

    var description: String {
        switch self {
        case .notUTF8(let path): "\(path): not valid UTF-8"
        }
    }
}

/// Resident set size from /proc/self/status (Linux): current (VmRSS) and peak (VmHWM), in bytes.
enum ResidentMemory {
    static func current() -> (resident: Int, peak: Int) {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
        func field(_ name: String) -> Int {
            for line in status.split(separator: "\n") where line.hasPrefix(name) {
                let digits = line.split(separator: " ").compactMap { Int($0) }
                return (digits.first ?? 0) * 1024
            }
            return 0
        }
        return (field("VmRSS:"), field("VmHWM:"))
    }
}
