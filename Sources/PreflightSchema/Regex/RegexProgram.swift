internal import CICU
import Synchronization

/// One compiled `pattern` regex, matched through ICU's engine with a step limit.
///
/// This is the only file of the module that talks to the CICU shim. The ICU matcher keeps state
/// (the text being searched), so each program serialises its matches behind a `Mutex`; the
/// compiled schema that owns it stays `Sendable` and can be shared across tasks.
final class RegexProgram: Sendable {
    /// The outcome of one search.
    enum Outcome: Sendable, Equatable {
        case matched
        case notMatched
        /// The step limit was hit: a pathological pattern or input; never treated as a pass.
        case timedOut
        /// ICU reported another error (named).
        case failed(String)
    }

    /// The pattern as written in the schema (ECMA-262 syntax).
    let source: String
    private let handle: Mutex<OpaquePointer>

    /// Compiles `pattern` once (after ECMA-262 → ICU translation).
    /// - Parameter stepLimit: ICU's `uregex_setTimeLimit` units (matcher steps, roughly milliseconds).
    /// - Throws: `RegexSyntaxError` with ICU's error name and offset when the pattern is invalid.
    init(pattern: String, stepLimit: Int32) throws(RegexSyntaxError) {
        let translated: String
        switch ECMAScriptRegex.translate(pattern) {
        case .success(let text): translated = text
        case .failure(let error): throw error
        }
        let utf16 = Array(translated.utf16)
        var status: Int32 = 0
        var errorOffset: Int32 = -1
        let compiled = utf16.withUnsafeBufferPointer { buffer in
            preflight_regex_compile(buffer.baseAddress, Int32(buffer.count), stepLimit, &status, &errorOffset)
        }
        guard let compiled else {
            let name = String(cString: preflight_icu_error_name(status))
            throw RegexSyntaxError("invalid regular expression /\(pattern)/: \(name)"
                + (errorOffset >= 0 ? " near offset \(errorOffset)" : ""))
        }
        self.source = pattern
        self.handle = Mutex(compiled)
    }

    deinit {
        handle.withLock { preflight_regex_free($0) }
    }

    /// Whether the pattern matches anywhere in `text` (ECMA-262 `RegExp.prototype.test`).
    /// - Complexity: bounded by the step limit.
    func search(_ text: String) -> Outcome {
        let utf16 = Array(text.utf16)
        return handle.withLock { regex in
            var status: Int32 = 0
            let found = utf16.withUnsafeBufferPointer { buffer in
                preflight_regex_find(regex, buffer.baseAddress, Int32(buffer.count), &status)
            }
            if found == 1 { return .matched }
            if found == 0 { return .notMatched }
            if status == preflight_regex_timeout_status() { return .timedOut }
            return .failed(String(cString: preflight_icu_error_name(status)))
        }
    }
}
