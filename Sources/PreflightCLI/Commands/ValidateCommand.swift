import ArgumentParser
import Foundation
import PreflightSchema

/// `preflight validate`: validates JSON instances (or model replies, with `--extract`) against a JSON Schema.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate JSON (or a model's reply) against a JSON Schema (draft 2020-12 or 7).",
        discussion: """
            Exit status: 0 when every instance is valid, 1 when any is invalid (with --extract: also when \
            the reply holds no complete JSON value), 2 on usage errors or bad input (unreadable files, \
            malformed schema or instance JSON, unmapped remote $ref).
            Text output: "valid", or one line per error: "instanceLocation: message (keywordLocation)".
            With --jsonl each input line is one instance (with --extract: one reply, as a JSON string or raw \
            text) and each instance gets exactly one output line.
            """
    )

    @Option(name: .long, help: "The schema file (JSON).")
    var schema: String

    @Option(name: .long, help: "Draft for schemas without $schema: 2020-12 (default) or 7.")
    var draft: DraftArgument?

    @Option(name: .customLong("map-uri"), help: "Resolve remote $refs under PREFIX from files in DIR (PREFIX=DIR; repeatable). Nothing is fetched over the network.")
    var mapURI: [URIMappingArgument] = []

    @Flag(name: .long, help: "The input is a model's raw reply: find the JSON value (code fences, prose) before validating.")
    var extract = false

    @Flag(name: .customLong("repair-trailing-commas"), help: "With --extract: remove trailing commas if that makes the JSON valid (reported).")
    var repairTrailingCommas = false

    @Flag(name: .long, help: "One instance per input line; one output line per instance.")
    var jsonl = false

    @Option(name: .long, help: "Output format: text or json.")
    var format: ValidateOutputFormat = .text

    @Argument(help: "The instance file, or - for standard input (default).")
    var instance: InputSource = .standardInput

    func run() throws {
        let compiled = try loadSchema()
        let input = try instance.readBytes()
        var anyInvalid = false
        var badInput: String?
        let units: [(line: Int?, bytes: ArraySlice<UInt8>)]
        if jsonl {
            var lines = input.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            if lines.last?.isEmpty == true { lines.removeLast() }
            units = lines.enumerated().map { (Optional($0.offset + 1), $0.element) }
        } else {
            units = [(nil, input[...])]
        }
        for unit in units {
            let result = evaluate(unit.bytes, line: unit.line, with: compiled)
            switch result.outcome {
            case .invalid: anyInvalid = true
            case .badInput(let message):
                if badInput == nil { badInput = message }
                if !jsonl { throw ValidateFailure(message: message) }
            case .valid: break
            }
            try emit(result)
        }
        if let badInput { throw ValidateFailure(message: badInput) }
        if anyInvalid { throw CLIFailure.answerIsNo }
    }

    // MARK: Schema

    private func loadSchema() throws -> CompiledSchema {
        let source = InputSource(path: schema)
        let bytes = try source.readBytes()
        let absolute = URL(fileURLWithPath: schema).standardizedFileURL
        var options = SchemaOptions(defaultDraft: draft?.draft ?? .draft2020_12)
        options.resources.mappings = mapURI.map(\.mapping)
        // Sibling files of the schema resolve relative $refs (file:// URIs stay offline).
        options.resources.mappings.append(.init(prefix: absolute.deletingLastPathComponent().absoluteString,
                                                directory: absolute.deletingLastPathComponent().path))
        do {
            return try CompiledSchema(json: bytes, uri: absolute.absoluteString, options: options)
        } catch {
            throw ValidateFailure(message: "\(schema): \(error)")
        }
    }

    // MARK: Instances

    private struct Result {
        enum Outcome {
            case valid, invalid
            case badInput(String)
        }
        let outcome: Outcome
        let violations: [SchemaViolation]
        let extraction: ExtractionInfo?
        let isTruncated: Bool
    }

    private func evaluate(_ bytes: ArraySlice<UInt8>, line: Int?, with compiled: CompiledSchema) -> Result {
        let place = line.map { "\(instance.displayName):\($0)" } ?? instance.displayName
        if extract {
            let reply: String
            if jsonl, case .string(let text)? = try? JSONParser().parse(bytes) {
                reply = text
            } else {
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    let offset = UTF8Text.firstInvalidOffset(in: Array(bytes))
                    return Result(outcome: .badInput("\(place): invalid UTF-8 at byte offset \(offset)"), violations: [],
                                  extraction: nil, isTruncated: false)
                }
                reply = text
            }
            let outcome = ReplyExtraction.extract(from: reply, repairs: repairTrailingCommas ? [.trailingCommas] : [])
            let info = ExtractionInfo(outcome)
            guard case .found(let found) = outcome else {
                let violation = SchemaViolation(instanceLocation: .root, keywordLocation: .root, message: outcome.explanation)
                return Result(outcome: .invalid, violations: [violation], extraction: info, isTruncated: false)
            }
            let report = compiled.validate(found.value)
            return Result(outcome: report.isValid ? .valid : .invalid, violations: report.violations, extraction: info,
                          isTruncated: report.isTruncated)
        }
        let value: JSONValue
        do {
            value = try JSONParser().parse(bytes)
        } catch {
            return Result(outcome: .badInput("\(place): invalid JSON: \(error)"), violations: [], extraction: nil,
                          isTruncated: false)
        }
        let report = compiled.validate(value)
        return Result(outcome: report.isValid ? .valid : .invalid, violations: report.violations, extraction: nil,
                      isTruncated: report.isTruncated)
    }

    // MARK: Output

    private func emit(_ result: Result) throws {
        switch format {
        case .json:
            var errors = result.violations.map {
                ViolationOutput(instanceLocation: $0.instanceLocation.description,
                                keywordLocation: $0.keywordLocation.description, message: $0.message)
            }
            if case .badInput(let message) = result.outcome {
                errors = [ViolationOutput(instanceLocation: "", keywordLocation: "", message: message)]
            }
            let isValid: Bool
            if case .valid = result.outcome { isValid = true } else { isValid = false }
            // Same shape as JSONOutput.printLine (sorted keys, one line), via the module's serialiser,
            // which is several times faster than JSONEncoder on large --jsonl runs.
            let output = InstanceOutput(valid: isValid, errors: errors, extraction: result.extraction,
                                        truncated: result.isTruncated ? true : nil)
            print(JSONSerializer.string(from: output.json, keyOrder: .sorted))
        case .text:
            var lines: [String]
            switch result.outcome {
            case .valid: lines = ["valid"]
            case .badInput(let message): lines = ["error: " + message]
            case .invalid: lines = result.violations.map(Self.textLine)
            }
            if result.isTruncated { lines.append("(more errors not shown)") }
            if let extraction = result.extraction, case .valid = result.outcome, let method = extraction.method {
                lines[0] += " (JSON found: \(method) at line \(extraction.line ?? 0), column \(extraction.column ?? 0))"
            }
            print(jsonl ? lines.joined(separator: "; ") : lines.joined(separator: "\n"))
        }
    }

    /// `instanceLocation: message (keywordLocation)`; the root is written `(root)`, and a finding
    /// with no keyword (an extraction failure) has no parenthesis.
    static func textLine(_ violation: SchemaViolation) -> String {
        let instance = violation.instanceLocation.tokens.isEmpty ? "(root)" : violation.instanceLocation.description
        if violation.keywordLocation.tokens.isEmpty { return "\(instance): \(violation.message)" }
        return "\(instance): \(violation.message) (\(violation.keywordLocation))"
    }
}

/// A failure of `validate` with a one-line message (exit 2).
struct ValidateFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// `--draft 2020-12|7`.
enum DraftArgument: String, ExpressibleByArgument, CaseIterable {
    case draft2020_12 = "2020-12"
    case draft7 = "7"

    var draft: Draft { self == .draft7 ? .draft7 : .draft2020_12 }
}

/// `--format text|json`.
enum ValidateOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--map-uri PREFIX=DIR`.
struct URIMappingArgument: ExpressibleByArgument {
    let mapping: SchemaResources.Mapping

    init?(argument: String) {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else { return nil }
        let directory = String(argument[argument.index(after: equals)...])
        guard !directory.isEmpty else { return nil }
        mapping = .init(prefix: String(argument[..<equals]), directory: directory)
    }
}

/// One error in `--format json` output.
struct ViolationOutput {
    let instanceLocation: String
    let keywordLocation: String
    let message: String

    var json: JSONValue {
        ["instanceLocation": .string(instanceLocation), "keywordLocation": .string(keywordLocation),
         "message": .string(message)]
    }
}

/// One instance's result in `--format json` output.
struct InstanceOutput {
    let valid: Bool
    let errors: [ViolationOutput]
    let extraction: ExtractionInfo?
    let truncated: Bool?

    var json: JSONValue {
        var object = JSONObject()
        object["valid"] = .bool(valid)
        object["errors"] = .array(errors.map(\.json))
        if let extraction { object["extraction"] = extraction.json }
        if let truncated { object["truncated"] = .bool(truncated) }
        return .object(object)
    }
}

/// Where `--extract` found the JSON (or why it did not).
struct ExtractionInfo {
    /// found, truncated, invalid or not-found.
    let status: String
    let method: String?
    let byteRange: [Int]?
    let line: Int?
    let column: Int?
    let repairs: [String]?
    let message: String

    var json: JSONValue {
        var object = JSONObject()
        object["status"] = .string(status)
        object["message"] = .string(message)
        if let method { object["method"] = .string(method) }
        if let byteRange { object["byteRange"] = .array(byteRange.map { .number(JSONNumber($0)) }) }
        if let line { object["line"] = .number(JSONNumber(line)) }
        if let column { object["column"] = .number(JSONNumber(column)) }
        if let repairs { object["repairs"] = .array(repairs.map(JSONValue.string)) }
        return .object(object)
    }

    init(_ outcome: ReplyExtraction.Outcome) {
        message = outcome.explanation
        switch outcome {
        case .found(let json):
            status = "found"
            method = json.method.rawValue
            byteRange = [json.byteRange.lowerBound, json.byteRange.upperBound]
            line = json.start.line
            column = json.start.column
            repairs = json.repairs.isEmpty ? nil : json.repairs.map(\.description)
        case .truncated(let method, let start, _), .invalid(let method, let start, _):
            if case .truncated = outcome { status = "truncated" } else { status = "invalid" }
            self.method = method.rawValue
            byteRange = nil
            line = start.line
            column = start.column
            repairs = nil
        case .notFound:
            status = "not-found"
            method = nil
            byteRange = nil
            line = nil
            column = nil
            repairs = nil
        }
    }
}
