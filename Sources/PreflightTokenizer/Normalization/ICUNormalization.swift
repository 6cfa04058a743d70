internal import CICU

/// The one door to ICU's normalisers (UAX #15 forms).
///
/// Three steps, cheapest first: ASCII text is in every form, so it never reaches ICU; then ICU's
/// quick check (`unorm2_isNormalized`) accepts text already in the form without copying; only
/// then is the text normalised, into a stack buffer first and, if ICU reports that the result is
/// longer, once more into a buffer of the size ICU asked for (Foundation's preflight pattern).
enum ICUNormalization {
    /// A normalisation form.
    enum Form {
        case nfc, nfd, nfkc, nfkd

        var c: preflight_normal_form {
            switch self {
            case .nfc: return PREFLIGHT_NFC
            case .nfd: return PREFLIGHT_NFD
            case .nfkc: return PREFLIGHT_NFKC
            case .nfkd: return PREFLIGHT_NFKD
            }
        }
    }

    /// `text` in `form`, or `nil` when it already is (or when ICU fails, which for valid
    /// Unicode input it does not; the text is then left as it was).
    /// - Complexity: O(n).
    static func normalize(_ text: String, form: Form) -> String? {
        if isASCII(text) { return nil }
        let source = Array(text.utf16)
        let length = Int32(source.count)
        return source.withUnsafeBufferPointer { input -> String? in
            guard let base = input.baseAddress else { return nil }
            if preflight_icu_is_normalized(form.c, base, length) == 1 { return nil }
            // Normalised text is rarely more than twice as long; start there, retry once.
            let firstCapacity = max(64, source.count * 2)
            var status: Int32 = 0
            let first: (String?, Int32) = withUnsafeTemporaryAllocation(of: UInt16.self, capacity: firstCapacity) {
                buffer in
                guard let out = buffer.baseAddress else { return (nil, 0) }
                let written = preflight_icu_normalize(form.c, base, length, out, Int32(firstCapacity), &status)
                if status != 0 { return (nil, written) }
                return (String(decoding: UnsafeBufferPointer(start: out, count: Int(written)), as: UTF16.self), written)
            }
            if let result = first.0 { return result }
            let needed = Int(first.1)
            guard needed > firstCapacity else { return nil }
            var output = [UInt16](repeating: 0, count: needed)
            status = 0
            let written = output.withUnsafeMutableBufferPointer { buffer -> Int32 in
                guard let out = buffer.baseAddress else { return 0 }
                return preflight_icu_normalize(form.c, base, length, out, Int32(needed), &status)
            }
            guard status == 0 else { return nil }
            return String(decoding: output[0..<Int(written)], as: UTF16.self)
        }
    }

    /// Whether every byte is ASCII, eight bytes at a time.
    static func isASCII(_ text: String) -> Bool {
        if let result = text.utf8.withContiguousStorageIfAvailable({ isASCII($0) }) { return result }
        return text.utf8.allSatisfy { $0 < 0x80 }
    }

    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < n {
            // Invariant: i < n.
            if bytes[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }
}
