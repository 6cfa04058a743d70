/// Translates an ECMA-262 regular expression (what JSON Schema's `pattern` means) into ICU syntax.
///
/// JSON Schema says patterns are ECMA-262 regexes; ICU's engine differs in a few places the
/// JSON-Schema-Test-Suite checks (`optional/ecmascript-regex.json`):
/// - `\d`, `\w` are ASCII-only in ECMA-262 (`[0-9]`, `[A-Za-z0-9_]`), Unicode-aware in ICU;
/// - `\s` is ECMA-262's WhiteSpace + LineTerminator set (adds U+000B and U+FEFF to ICU's);
/// - `$` without the `m` flag matches only at the very end (ICU also before a final newline): `\z`;
/// - `\v` is U+000B (ICU: any vertical space), `\0` is NUL, `\u{…}` is ICU's `\x{…}`;
/// - inside a class, `[`, `&`, `$` are literals in ECMA-262 but set syntax in ICU, so they are escaped;
///   `[]` matches nothing and `[^]` anything;
/// - an escaped letter that ECMA-262 (Unicode mode) does not define, like `\a`, is an error.
enum ECMAScriptRegex {
    static let whitespaceSetBody = "\\t\\n\\x{0B}\\f\\r\\p{Zs}\\x{2028}\\x{2029}\\x{FEFF}"

    /// The ICU pattern for `pattern`, or the reason it is not a valid ECMA-262 regex.
    /// - Complexity: O(n).
    static func translate(_ pattern: String) -> Result<String, RegexSyntaxError> {
        let scalars = Array(pattern.unicodeScalars)
        var output = ""
        var index = 0
        var inClass = false
        var classStart = false
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                guard index + 1 < scalars.count else { return .failure(RegexSyntaxError("pattern ends with a lone backslash")) }
                let next = scalars[index + 1]
                index += 2
                classStart = false
                switch next {
                case "d": output += inClass ? "0-9" : "[0-9]"
                case "D": output += "[^0-9]"
                case "w": output += inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]"
                case "W": output += "[^a-zA-Z0-9_]"
                case "s": output += inClass ? whitespaceSetBody : "[\(whitespaceSetBody)]"
                case "S": output += "[^\(whitespaceSetBody)]"
                case "v": output += "\\x{0B}"
                case "b": output += inClass ? "\\x{08}" : "\\b"
                case "0":
                    if index < scalars.count, ("0"..."9").contains(scalars[index]) {
                        return .failure(RegexSyntaxError("octal escapes are not allowed"))
                    }
                    output += "\\x{00}"
                case "u":
                    if index < scalars.count, scalars[index] == "{" {
                        output += "\\x"
                    } else {
                        output += "\\u"
                    }
                case "c", "x", "p", "P", "k", "f", "n", "r", "t", "B":
                    output += "\\" + String(next)
                case "1"..."9":
                    output += "\\" + String(next)
                default:
                    if next.properties.isAlphabetic || next == "_" {
                        return .failure(RegexSyntaxError("'\\\(next)' is not an ECMA-262 escape"))
                    }
                    output += "\\"
                    output.unicodeScalars.append(next)
                }
                continue
            }
            if inClass {
                switch scalar {
                case "]":
                    inClass = false
                    output += "]"
                case "[", "&", "$", "{", "}":
                    output += "\\"
                    output.unicodeScalars.append(scalar)
                case "^" where classStart:
                    output += "^"
                    index += 1
                    if index < scalars.count, scalars[index] == "]" {
                        // `[^]` matches any character.
                        output.removeLast(2)
                        output += "(?s:.)"
                        inClass = false
                        index += 1
                    }
                    classStart = false
                    continue
                default:
                    output.unicodeScalars.append(scalar)
                }
                classStart = false
                index += 1
                continue
            }
            switch scalar {
            case "(" where index + 1 < scalars.count && scalars[index + 1] == "?":
                // ECMA-262 groups: (?: (?= (?! (?<= (?<! (?<name>; not Python's (?P<..>, (?#..) or inline flags.
                let next = index + 2 < scalars.count ? scalars[index + 2] : " "
                let afterNext = index + 3 < scalars.count ? scalars[index + 3] : " "
                let valid = next == ":" || next == "=" || next == "!"
                    || (next == "<" && (afterNext == "=" || afterNext == "!" || afterNext.properties.isAlphabetic || afterNext == "_" || afterNext == "$"))
                guard valid else { return .failure(RegexSyntaxError("'(?\(next)' is not an ECMA-262 group")) }
                output += "("
            case "[":
                if index + 1 < scalars.count, scalars[index + 1] == "]" {
                    output += "(?!)"
                    index += 2
                    continue
                }
                inClass = true
                classStart = true
                output += "["
            case "$":
                output += "\\z"
            default:
                output.unicodeScalars.append(scalar)
            }
            index += 1
        }
        if inClass { return .failure(RegexSyntaxError("unterminated character class")) }
        return .success(output)
    }
}

/// Why a pattern is not a usable regular expression.
struct RegexSyntaxError: Error, Sendable, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
