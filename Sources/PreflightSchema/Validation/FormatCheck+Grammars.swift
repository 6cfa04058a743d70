/// RFC 3339 appendix A durations: `P` then date units in order Y, M, D without gaps (or `nW` alone),
/// then optionally `T` and time units H, M, S without gaps.
enum Durations {
    static func accepts(_ text: FormatCheck.Text) -> Bool {
        guard text.first == "P" else { return false }
        var index = text.startIndex + 1
        func elements(until stop: Unicode.Scalar?) -> [Unicode.Scalar]? {
            var units: [Unicode.Scalar] = []
            while index < text.endIndex, text[index] != stop {
                let start = index
                while index < text.endIndex, FormatCheck.isDigit(text[index]) { index += 1 }
                guard index > start, index < text.endIndex else { return nil }
                units.append(text[index])
                index += 1
            }
            return units
        }
        guard let dateUnits = elements(until: "T") else { return false }
        var timeUnits: [Unicode.Scalar] = []
        var hasTime = false
        if index < text.endIndex {
            hasTime = true
            index += 1
            guard let units = elements(until: nil), !units.isEmpty else { return false }
            timeUnits = units
        }
        if dateUnits == ["W"] { return !hasTime }
        guard !dateUnits.isEmpty || hasTime else { return false }
        return isContiguous(dateUnits, in: ["Y", "M", "D"]) && isContiguous(timeUnits, in: ["H", "M", "S"])
    }

    private static func isContiguous(_ units: [Unicode.Scalar], in order: [Unicode.Scalar]) -> Bool {
        guard let first = units.first else { return true }
        guard let start = order.firstIndex(of: first), start + units.count <= order.count else { return false }
        return Array(order[start..<(start + units.count)]) == units
    }
}

/// Host names: RFC 1123 labels; with `international`, IDNA2008 U-labels (RFC 5890-5893) with the
/// contextual rules the suite checks. A-labels (`xn--`) are Punycode-decoded and checked too.
enum Hostnames {
    static let dots: Set<Unicode.Scalar> = [".", "\u{3002}", "\u{FF0E}", "\u{FF61}"]

    static func accepts(_ text: FormatCheck.Text, international: Bool) -> Bool {
        guard !text.isEmpty else { return false }
        let labels = text.split(omittingEmptySubsequences: false) { international ? dots.contains($0) : $0 == "." }
        var length = labels.count - 1
        for label in labels {
            guard !label.isEmpty, let encoded = checkLabel(label, international: international) else { return false }
            length += encoded
        }
        return length <= 253
    }

    /// The label's length in its ASCII (A-label) form, or nil when it is invalid.
    private static func checkLabel(_ label: FormatCheck.Text, international: Bool) -> Int? {
        if label.allSatisfy({ $0.isASCII }) {
            guard label.count <= 63, label.first != "-", label.last != "-",
                  label.allSatisfy({ FormatCheck.isAlpha($0) || FormatCheck.isDigit($0) || $0 == "-" }) else { return nil }
            let lower = String(String.UnicodeScalarView(label)).lowercased()
            if lower.count >= 4, Array(lower.unicodeScalars)[2...3] == ["-", "-"] {
                guard lower.hasPrefix("xn--"), let decoded = Punycode.decode(Array(lower.unicodeScalars.dropFirst(4))),
                      !decoded.allSatisfy({ $0.isASCII }), Punycode.encode(decoded) == Array(lower.unicodeScalars.dropFirst(4)),
                      uLabelIsValid(decoded[...]) else { return nil }
            }
            return label.count
        }
        guard international, uLabelIsValid(label), let encoded = Punycode.encode(Array(label)) else { return nil }
        let length = encoded.count + 4
        return length <= 63 ? length : nil
    }

    /// IDNA2008 checks on a Unicode label: hyphens, leading marks, disallowed exceptions, CONTEXTJ/CONTEXTO.
    static func uLabelIsValid(_ label: FormatCheck.Text) -> Bool {
        let scalars = Array(label)
        guard let first = scalars.first, first != "-", scalars.last != "-" else { return false }
        if scalars.count >= 4, scalars[2] == "-", scalars[3] == "-" { return false }
        switch first.properties.generalCategory {
        case .spacingMark, .nonspacingMark, .enclosingMark: return false
        default: break
        }
        let disallowed: Set<UInt32> = [0x0640, 0x07FA, 0x302E, 0x302F, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303B]
        var hasArabicIndic = false
        var hasExtendedArabicIndic = false
        for (offset, scalar) in scalars.enumerated() {
            let value = scalar.value
            if disallowed.contains(value) { return false }
            if value <= 0x7F, !(FormatCheck.isAlpha(scalar) || FormatCheck.isDigit(scalar) || scalar == "-") { return false }
            if (0x0660...0x0669).contains(value) { hasArabicIndic = true }
            if (0x06F0...0x06F9).contains(value) { hasExtendedArabicIndic = true }
            let previous = offset > 0 ? scalars[offset - 1] : nil
            let next = offset + 1 < scalars.count ? scalars[offset + 1] : nil
            switch value {
            case 0x00B7:
                guard previous == "l", next == "l" else { return false }
            case 0x0375:
                guard let next, isGreek(next) else { return false }
            case 0x05F3, 0x05F4:
                guard let previous, (0x0590...0x05FF).contains(previous.value) else { return false }
            case 0x30FB:
                guard scalars.contains(where: { $0.value != 0x30FB && isJapanese($0) }) else { return false }
            case 0x200D:
                guard let previous, previous.properties.canonicalCombiningClass.rawValue == 9 else { return false }
            case 0x200C:
                if let previous, previous.properties.canonicalCombiningClass.rawValue == 9 { break }
                // RFC 5892 A.1: else a joining context (Dual/Left-joining before, Dual/Right-joining after);
                // approximated by Arabic letters on both sides.
                guard let previous, let next, isArabicLetter(previous), isArabicLetter(next) else { return false }
            default:
                break
            }
        }
        return !(hasArabicIndic && hasExtendedArabicIndic)
    }

    private static func isGreek(_ scalar: Unicode.Scalar) -> Bool {
        (0x0370...0x03FF).contains(scalar.value) || (0x1F00...0x1FFF).contains(scalar.value)
    }

    private static func isJapanese(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x3040...0x30FF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value)
            || (0x20000...0x2FFFF).contains(value)
    }

    private static func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x0620...0x064A).contains(scalar.value) || (0x066E...0x06D3).contains(scalar.value)
    }
}

/// RFC 3492 Punycode (decode and encode of the part after `xn--`).
enum Punycode {
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700, initialBias = 72, initialN = 128

    private static func adapt(_ delta: Int, _ count: Int, _ first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / count
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }

    private static func digit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 48...57: return Int(scalar.value) - 22
        case 65...90: return Int(scalar.value) - 65
        case 97...122: return Int(scalar.value) - 97
        default: return nil
        }
    }

    static func decode(_ input: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        var output: [Unicode.Scalar] = []
        var rest = input[...]
        if let delimiter = input.lastIndex(of: "-") {
            output = Array(input[..<delimiter])
            guard output.allSatisfy({ $0.isASCII }) else { return nil }
            rest = input[(delimiter + 1)...]
        }
        var n = initialN, i = 0, bias = initialBias
        var index = rest.startIndex
        while index < rest.endIndex {
            let oldI = i
            var w = 1
            var k = base
            while true {
                guard index < rest.endIndex, let value = digit(rest[index]) else { return nil }
                index += 1
                i += value * w
                let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if value < t { break }
                w *= base - t
                k += base
                guard i < 1 << 40, w < 1 << 40 else { return nil }
            }
            bias = adapt(i - oldI, output.count + 1, oldI == 0)
            n += i / (output.count + 1)
            i %= output.count + 1
            guard let scalar = Unicode.Scalar(UInt32(clamping: n)), n < 0x110000 else { return nil }
            output.insert(scalar, at: i)
            i += 1
        }
        return output
    }

    static func encode(_ input: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        var output: [Unicode.Scalar] = input.filter(\.isASCII)
        let basicCount = output.count
        var handled = basicCount
        if basicCount > 0 { output.append("-") }
        var n = initialN, delta = 0, bias = initialBias
        func encodeDigit(_ d: Int) -> Unicode.Scalar { Unicode.Scalar(UInt8(d < 26 ? d + 97 : d + 22)) }
        while handled < input.count {
            guard let m = input.map({ Int($0.value) }).filter({ $0 >= n }).min() else { return nil }
            delta += (m - n) * (handled + 1)
            n = m
            for scalar in input {
                let value = Int(scalar.value)
                if value < n { delta += 1 }
                if value == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                        if q < t { break }
                        output.append(encodeDigit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(encodeDigit(q))
                    bias = adapt(delta, handled + 1, handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return output
    }
}
