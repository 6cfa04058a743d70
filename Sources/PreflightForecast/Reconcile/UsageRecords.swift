import Foundation
import PreflightCatalog

/// Reads usage records: JSON Lines (replies' usage) or CSV (an exported usage table).
///
/// JSON Lines, one object per line: `model` (required); `usage` with `prompt_tokens` /
/// `completion_tokens` (native and OpenAI-style replies) or `input_tokens` / `output_tokens`
/// (clef), and optionally `prompt_tokens_details.cached_tokens`; optionally `neurons` (top level
/// or inside `usage`) and `requests` (default 1). Blank lines are skipped.
///
/// CSV with a header row: `model` and `input_tokens` (or `prompt_tokens`) and `output_tokens` (or
/// `completion_tokens`) are required; `requests` (default 1), `cached_input_tokens` and `neurons`
/// are optional; other columns (e.g. `date`) are ignored. A file is CSV when its first line has a
/// comma and does not start with `{`.
public enum UsageRecords {
    /// Parses `bytes`; `file` names the source in messages.
    /// - Complexity: O(n) in the size of the file.
    public static func read(_ bytes: [UInt8], file: String) throws(UsageError) -> [UsageRecord] {
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        let first = lines.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
        let records = first.hasPrefix("{") || !first.contains(",")
            ? try jsonLines(lines, file: file) : try csv(lines, file: file)
        guard !records.isEmpty else { throw .empty(file: file) }
        return records
    }

    private static func jsonLines(_ lines: [Substring], file: String) throws(UsageError) -> [UsageRecord] {
        var records: [UsageRecord] = []
        for (offset, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let number = offset + 1
            let fail = { (pointer: JSONPointer, reason: String) in UsageError.invalidLine(file: file, line: number, pointer: pointer, reason: reason) }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
                throw fail(JSONPointer(tokens: []), "not a JSON object")
            }
            guard let model = object["model"] as? String else { throw fail("/model", "required string is missing") }
            let usage = object["usage"] as? [String: Any] ?? [:]
            func count(_ keys: [String], in container: [String: Any], base: JSONPointer, required: Bool) throws(UsageError) -> Int? {
                for key in keys {
                    guard let value = container[key] else { continue }
                    guard let number = value as? NSNumber, let whole = Int(exactly: number.doubleValue), whole >= 0 else {
                        throw fail(base.appending(key), "expected a whole number of 0 or more")
                    }
                    return whole
                }
                if required { throw fail(base.appending(keys[0]), "required count is missing") }
                return nil
            }
            let input = try count(["prompt_tokens", "input_tokens"], in: usage, base: "/usage", required: true) ?? 0
            let output = try count(["completion_tokens", "output_tokens"], in: usage, base: "/usage", required: true) ?? 0
            let details = usage["prompt_tokens_details"] as? [String: Any] ?? [:]
            let cached = try count(["cached_tokens"], in: details, base: "/usage/prompt_tokens_details", required: false) ?? 0
            let requests = try count(["requests"], in: object, base: "", required: false) ?? 1
            var neurons: Neurons?
            for (container, base) in [(object, JSONPointer(tokens: [])), (usage, JSONPointer(tokens: ["usage"]))] {
                guard let value = container["neurons"] else { continue }
                guard let number = value as? NSNumber, let exact = Decimal(string: number.stringValue), exact >= 0 else {
                    throw fail(base.appending("neurons"), "expected a number of 0 or more")
                }
                neurons = Neurons(exact)
            }
            records.append(UsageRecord(model: model, requests: requests, inputTokens: input, cachedInputTokens: min(cached, input),
                                       outputTokens: output, neurons: neurons, location: "\(file):\(number)"))
        }
        return records
    }

    private static func csv(_ lines: [Substring], file: String) throws(UsageError) -> [UsageRecord] {
        guard let headerLine = lines.first else { return [] }
        let header = fields(of: headerLine).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ names: [String], required: Bool) throws(UsageError) -> Int? {
            if let index = names.lazy.compactMap({ header.firstIndex(of: $0) }).first { return index }
            if required { throw .missingColumn(file: file, column: names.joined(separator: "' or '")) }
            return nil
        }
        let modelColumn = try column(["model"], required: true) ?? 0
        let inputColumn = try column(["input_tokens", "prompt_tokens"], required: true) ?? 0
        let outputColumn = try column(["output_tokens", "completion_tokens"], required: true) ?? 0
        let requestsColumn = try column(["requests"], required: false)
        let cachedColumn = try column(["cached_input_tokens"], required: false)
        let neuronsColumn = try column(["neurons"], required: false)
        var records: [UsageRecord] = []
        for (offset, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let cells = fields(of: line)
            func number(_ index: Int?, default fallback: Decimal) throws(UsageError) -> Decimal {
                guard let index else { return fallback }
                let cell = index < cells.count ? cells[index].trimmingCharacters(in: .whitespaces) : ""
                if cell.isEmpty { return fallback }
                guard let value = Decimal(string: cell), value >= 0, cell.allSatisfy({ $0.isNumber || $0 == "." }) else {
                    throw .invalidCell(file: file, line: offset + 1, column: header[index], value: cell)
                }
                return value
            }
            func whole(_ index: Int?, default fallback: Int) throws(UsageError) -> Int {
                let value = try number(index, default: Decimal(fallback))
                guard let result = Int(value.description) else {
                    throw .invalidCell(file: file, line: offset + 1, column: header[index ?? 0], value: value.description)
                }
                return result
            }
            let model = modelColumn < cells.count ? cells[modelColumn].trimmingCharacters(in: .whitespaces) : ""
            let input = try whole(inputColumn, default: 0)
            records.append(UsageRecord(
                model: model, requests: try whole(requestsColumn, default: 1), inputTokens: input,
                cachedInputTokens: min(input, try whole(cachedColumn, default: 0)), outputTokens: try whole(outputColumn, default: 0),
                neurons: neuronsColumn.flatMap { index in index < cells.count && !cells[index].isEmpty ? Decimal(string: cells[index]).map(Neurons.init) : nil },
                location: "\(file):\(offset + 1)"))
        }
        return records
    }

    /// Splits one CSV line (RFC 4180 quoting; no line breaks inside fields).
    static func fields(of line: Substring) -> [String] {
        var result: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { current.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { current.append(character) }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                result.append(current); current = ""
            } else {
                current.append(character)
            }
        }
        result.append(current)
        return result
    }
}
