extension ChatJSON {
    /// The JSON text Python's `json.dumps(value, ensure_ascii=False)` prints, optionally with
    /// `indent=` — what chat templates' `tojson` filter (Hugging Face) and mistral-common emit.
    ///
    /// Matches Python: `", "` and `": "` separators when compact, `","` plus newline and indent when
    /// indented; empty containers as `[]` / `{}`; strings escape only `"`, `\`, and U+0000–U+001F
    /// (`\n`, `\r`, `\t`, `\b`, `\f` by name); integers as written; other numbers as Python's
    /// `repr(float)` (`1.0`, `1e-05`, `1e+16`).
    /// - Complexity: O(n) in the size of the value.
    public func pythonJSON(indent: Int? = nil) -> String {
        var out = ""
        write(into: &out, indent: indent, level: 0)
        return out
    }

    private func write(into out: inout String, indent: Int?, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let lexeme): out += PythonNumber.repr(ofJSONNumber: lexeme)
        case .string(let text): PythonNumber.appendQuoted(text, to: &out)
        case .array(let elements):
            guard !elements.isEmpty else { out += "[]"; return }
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += indent == nil ? ", " : "," }
                newline(&out, indent: indent, level: level + 1)
                element.write(into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent: indent, level: level)
            out += "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += indent == nil ? ", " : "," }
                newline(&out, indent: indent, level: level + 1)
                PythonNumber.appendQuoted(member.key, to: &out)
                out += ": "
                member.value.write(into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent: indent, level: level)
            out += "}"
        }
    }

    private func newline(_ out: inout String, indent: Int?, level: Int) {
        guard let indent else { return }
        out += "\n"
        out += String(repeating: " ", count: indent * level)
    }
}

/// Python's printing rules for JSON strings and numbers.
enum PythonNumber {
    /// Appends `text` as a JSON string the way `json.dumps(..., ensure_ascii=False)` writes it.
    /// - Complexity: O(n) in the length of `text`.
    static func appendQuoted(_ text: String, to out: inout String) {
        out.unicodeScalars.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20: out += "\\u" + hex4(scalar.value).lowercased()
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.unicodeScalars.append("\"")
    }

    /// How Python prints a number that `json.loads` read from `lexeme`: integers keep their digits
    /// (`-0` becomes `0`), anything with a fraction or exponent becomes a float printed by `repr`.
    static func repr(ofJSONNumber lexeme: String) -> String {
        let isInteger = !lexeme.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
        if isInteger {
            let digits = lexeme.hasPrefix("-") ? String(lexeme.dropFirst()) : lexeme
            return digits.allSatisfy({ $0 == "0" }) ? "0" : lexeme
        }
        guard let value = Double(lexeme) else { return lexeme }
        return repr(value)
    }

    /// Python's `repr(float)`: the shortest round-tripping digits, fixed notation for decimal
    /// exponents -4 through 15, scientific (`1e+16`, `1.5e-05`) outside; `Infinity` as json.dumps does.
    static func repr(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        // Swift's description also prints the shortest round-tripping digits; only the layout differs.
        let (negative, digits, exponent) = shortestDigits(of: value)
        var out = negative ? "-" : ""
        if exponent >= -4 && exponent < 16 {
            if exponent < 0 {
                out += "0." + String(repeating: "0", count: -exponent - 1) + digits
            } else if digits.count > exponent + 1 {
                let cut = digits.index(digits.startIndex, offsetBy: exponent + 1)
                out += digits[..<cut] + "." + digits[cut...]
            } else {
                out += digits + String(repeating: "0", count: exponent + 1 - digits.count) + ".0"
            }
        } else {
            out += String(digits.prefix(1))
            if digits.count > 1 { out += "." + digits.dropFirst() }
            let magnitude = abs(exponent)
            out += (exponent < 0 ? "e-" : "e+") + (magnitude < 10 ? "0" : "") + String(magnitude)
        }
        return out
    }

    /// Significant digits (no leading or trailing zeros) and the decimal exponent of the first digit.
    private static func shortestDigits(of value: Double) -> (negative: Bool, digits: String, exponent: Int) {
        var text = value.magnitude.description
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = String(parts[0])
        let fractionPart = parts.count > 1 ? String(parts[1]) : ""
        var all = integerPart + fractionPart
        var pointPosition = integerPart.count + exponent
        while all.hasPrefix("0") && all.count > 1 {
            all.removeFirst()
            pointPosition -= 1
        }
        while all.hasSuffix("0") && all.count > 1 { all.removeLast() }
        return (value.sign == .minus, all, pointPosition - 1)
    }
}
