import Foundation
import PreflightSchema
import Testing

/// The official JSON-Schema-Test-Suite: every required test must pass. A missing suite is a
/// failure, never a skip.
@Suite("JSON-Schema-Test-Suite, required")
struct RequiredSuiteTests {
    @Test("every required test passes", arguments: [Draft.draft2020_12, .draft7])
    func requiredTests(_ draft: Draft) throws {
        let suite = try #require(SuiteRunner.suiteDirectory(),
            "JSON-Schema-Test-Suite not found: expected shared/json-schema-test-suite beside the repository root (see /work/shared/json-schema-test-suite/README.md)")
        let runner = SuiteRunner(suite: suite, draft: draft, assertsFormat: false)
        let files = runner.files(in: "")
        #expect(files.count == (draft == .draft7 ? 37 : 46), "unexpected number of required files")
        let outcome = runner.run(files)
        print("draft \(draft) required: \(outcome.passed)/\(outcome.total)")
        #expect(outcome.total == (draft == .draft7 ? 927 : 1_299))
        #expect(outcome.failures.isEmpty, Comment(rawValue: "\(outcome.failures.count) failing:\n" + outcome.failures.joined(separator: "\n")))
    }
}

/// Optional and format tests: scored, printed, and held above the recorded figures so they cannot regress.
@Suite("JSON-Schema-Test-Suite, optional and format")
struct OptionalSuiteTests {
    /// Recorded passing counts (of 162, 764, 118, 676); raise them when the validator improves.
    /// Known misses: ICU has no variable-width lookbehind (1 per draft); IDNA Bidi rules (RFC 5893)
    /// and the IDNA2008 DISALLOWED table are not implemented (6 per draft).
    static let thresholds: [String: Int] = [
        "2020-12 optional": 162, "2020-12 format": 757, "7 optional": 118, "7 format": 669,
    ]

    @Test("optional and format scores do not regress", arguments: [Draft.draft2020_12, .draft7])
    func optionalScores(_ draft: Draft) throws {
        let suite = try #require(SuiteRunner.suiteDirectory(), "JSON-Schema-Test-Suite not found")
        let optional = SuiteRunner(suite: suite, draft: draft, assertsFormat: false)
        let optionalOutcome = optional.run(optional.files(in: "optional"))
        let format = SuiteRunner(suite: suite, draft: draft, assertsFormat: true)
        let formatOutcome = format.run(format.files(in: "optional/format"))
        print("draft \(draft) optional: \(optionalOutcome.passed)/\(optionalOutcome.total)")
        print("draft \(draft) format: \(formatOutcome.passed)/\(formatOutcome.total)")
        for failure in optionalOutcome.failures + formatOutcome.failures { print("  miss: \(failure)") }
        #expect(optionalOutcome.passed >= Self.thresholds["\(draft) optional", default: 0])
        #expect(formatOutcome.passed >= Self.thresholds["\(draft) format", default: 0])
    }
}
