/// RFC 3986 URIs / references, RFC 3987 IRIs (non-ASCII `ucschar` allowed), RFC 6570 templates.
enum URIs {
    private static let unreserved = Set("-._~".unicodeScalars)
    private static let subDelims = Set("!$&'()*+,;=".unicodeScalars)

    private static func isUnreserved(_ scalar: Unicode.Scalar, international: Bool) -> Bool {
        FormatCheck.isAlpha(scalar) || FormatCheck.isDigit(scalar) || unreserved.contains(scalar)
            || (international && scalar.value >= 0xA0 && !(0xD800...0xDFFF).contains(scalar.value)
                && !(0xFDD0...0xFDEF).contains(scalar.value))
    }

    /// Every scalar is in `allowed` or part of a valid `%XX`.
    private static func check(_ text: FormatCheck.Text, international: Bool, extra: Set<Unicode.Scalar>) -> Bool {
        var index = text.startIndex
        while index < text.endIndex {
            let scalar = text[index]
            if scalar == "%" {
                guard index + 2 < text.endIndex,
                      FormatCheck.isHex(text[index + 1]), FormatCheck.isHex(text[index + 2]) else { return false }
                index += 3
                continue
            }
            guard isUnreserved(scalar, international: international) || subDelims.contains(scalar)
                    || extra.contains(scalar) else { return false }
            index += 1
        }
        return true
    }

    static func accepts(_ text: FormatCheck.Text, international: Bool, relative: Bool) -> Bool {
        var rest = text
        // Scheme.
        if let colon = text.firstIndex(of: ":"), !text[..<colon].contains(where: { "/?#".unicodeScalars.contains($0) }) {
            let scheme = text[..<colon]
            guard let first = scheme.first, FormatCheck.isAlpha(first),
                  scheme.allSatisfy({ FormatCheck.isAlpha($0) || FormatCheck.isDigit($0) || "+-.".unicodeScalars.contains($0) })
            else { return false }
            rest = text[(colon + 1)...]
        } else if !relative {
            return false
        }
        // Fragment and query.
        if let hash = rest.firstIndex(of: "#") {
            guard check(rest[(hash + 1)...], international: international, extra: Set(":@/?".unicodeScalars)) else { return false }
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            guard check(rest[(question + 1)...], international: international, extra: Set(":@/?".unicodeScalars)) else { return false }
            rest = rest[..<question]
        }
        // Authority.
        if rest.starts(with: ["/", "/"]) {
            let afterSlashes = rest.dropFirst(2)
            let end = afterSlashes.firstIndex(of: "/") ?? afterSlashes.endIndex
            guard authority(afterSlashes[..<end], international: international) else { return false }
            rest = afterSlashes[end...]
        }
        return check(rest, international: international, extra: Set(":@/".unicodeScalars))
    }

    private static func authority(_ text: FormatCheck.Text, international: Bool) -> Bool {
        var host = text
        if let at = text.lastIndex(of: "@") {
            guard check(text[..<at], international: international, extra: [":"]) else { return false }
            host = text[(at + 1)...]
        }
        if host.first == "[" {
            guard let close = host.firstIndex(of: "]") else { return false }
            let literal = host[(host.startIndex + 1)..<close]
            guard FormatCheck.ipv6(literal) || ((literal.first == "v" || literal.first == "V") && literal.count > 1) else { return false }
            host = host[(close + 1)...]
            if host.isEmpty { return true }
            guard host.first == ":" else { return false }
            return host.dropFirst().allSatisfy(FormatCheck.isDigit)
        }
        if let colon = host.lastIndex(of: ":") {
            guard host[(colon + 1)...].allSatisfy(FormatCheck.isDigit) else { return false }
            host = host[..<colon]
        }
        return check(host, international: international, extra: [])
    }

    /// RFC 6570 level 4 syntax.
    static func acceptsTemplate(_ text: FormatCheck.Text) -> Bool {
        let forbidden = Set(" \"<>\\^`{|}".unicodeScalars)
        var index = text.startIndex
        while index < text.endIndex {
            let scalar = text[index]
            if scalar == "{" {
                guard let close = text[index...].firstIndex(of: "}") else { return false }
                guard expression(text[(index + 1)..<close]) else { return false }
                index = close + 1
                continue
            }
            if scalar == "%" {
                guard index + 2 < text.endIndex, FormatCheck.isHex(text[index + 1]), FormatCheck.isHex(text[index + 2])
                else { return false }
                index += 3
                continue
            }
            guard scalar.value > 0x20, scalar.value != 0x7F, !forbidden.contains(scalar) else { return false }
            index += 1
        }
        return true
    }

    private static func expression(_ body: FormatCheck.Text) -> Bool {
        var specs = body
        if let first = specs.first, "+#./;?&".unicodeScalars.contains(first) { specs = specs.dropFirst() }
        guard !specs.isEmpty else { return false }
        for spec in specs.split(separator: ",", omittingEmptySubsequences: false) {
            var name = spec
            if spec.last == "*" {
                name = spec.dropLast()
            } else if let colon = spec.firstIndex(of: ":") {
                let length = spec[(colon + 1)...]
                guard (1...4).contains(length.count), length.first != "0", length.allSatisfy(FormatCheck.isDigit) else {
                    return false
                }
                name = spec[..<colon]
            }
            guard !name.isEmpty, name.first != ".", name.last != "." else { return false }
            var previousDot = false
            var index = name.startIndex
            while index < name.endIndex {
                let scalar = name[index]
                if scalar == "." {
                    if previousDot { return false }
                    previousDot = true
                    index += 1
                    continue
                }
                previousDot = false
                if scalar == "%" {
                    guard index + 2 < name.endIndex, FormatCheck.isHex(name[index + 1]), FormatCheck.isHex(name[index + 2])
                    else { return false }
                    index += 3
                    continue
                }
                guard FormatCheck.isAlpha(scalar) || FormatCheck.isDigit(scalar) || scalar == "_" else { return false }
                index += 1
            }
        }
        return true
    }
}
