/// Checkers for `StringFormat`, written against the RFCs the specification names (RFC 3339 dates,
/// RFC 5321/6531 e-mail, RFC 1123/5890-5892 host names, RFC 2673/4291 addresses, RFC 3986/3987
/// URIs and IRIs, RFC 4122 UUIDs, RFC 6901 pointers, RFC 6570 templates). All work on Unicode
/// scalars and accept only ASCII digits where the grammar says DIGIT.
enum FormatCheck {
    typealias Text = ArraySlice<Unicode.Scalar>

    static func accepts(_ format: StringFormat, _ text: [Unicode.Scalar]) -> Bool {
        let slice = text[...]
        switch format {
        case .date: return date(slice)
        case .time: return time(slice)
        case .dateTime: return dateTime(slice)
        case .duration: return Durations.accepts(slice)
        case .email: return email(slice, international: false)
        case .idnEmail: return email(slice, international: true)
        case .hostname: return Hostnames.accepts(slice, international: false)
        case .idnHostname: return Hostnames.accepts(slice, international: true)
        case .ipv4: return ipv4(slice)
        case .ipv6: return ipv6(slice)
        case .uri: return URIs.accepts(slice, international: false, relative: false)
        case .uriReference: return URIs.accepts(slice, international: false, relative: true)
        case .iri: return URIs.accepts(slice, international: true, relative: false)
        case .iriReference: return URIs.accepts(slice, international: true, relative: true)
        case .uuid: return uuid(slice)
        case .jsonPointer: return (try? JSONPointer(parsing: String(String.UnicodeScalarView(text)))) != nil
        case .relativeJSONPointer: return relativeJSONPointer(slice)
        case .regex: return (try? RegexProgram(pattern: String(String.UnicodeScalarView(text)), stepLimit: 0)) != nil
        case .uriTemplate: return URIs.acceptsTemplate(slice)
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }
    static func isHex(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || (scalar.value | 0x20 >= 97 && scalar.value | 0x20 <= 102)
    }
    static func isAlpha(_ scalar: Unicode.Scalar) -> Bool { scalar.value | 0x20 >= 97 && scalar.value | 0x20 <= 122 }

    /// The value of exactly `count` ASCII digits at `start`, or nil.
    static func number(_ text: Text, _ start: Int, _ count: Int) -> Int? {
        let begin = text.startIndex + start
        guard begin + count <= text.endIndex else { return nil }
        var value = 0
        for scalar in text[begin..<(begin + count)] {
            guard isDigit(scalar) else { return nil }
            value = value * 10 + Int(scalar.value - 48)
        }
        return value
    }

    static func date(_ text: Text) -> Bool {
        guard text.count == 10, text[text.startIndex + 4] == "-", text[text.startIndex + 7] == "-",
              let year = number(text, 0, 4), let month = number(text, 5, 2), let day = number(text, 8, 2),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    static func time(_ text: Text) -> Bool {
        guard text.count >= 9, text[text.startIndex + 2] == ":", text[text.startIndex + 5] == ":",
              let hour = number(text, 0, 2), let minute = number(text, 3, 2), let second = number(text, 6, 2),
              hour <= 23, minute <= 59, second <= 60 else { return false }
        var index = text.startIndex + 8
        if text[index] == "." {
            index += 1
            let digitsStart = index
            while index < text.endIndex, isDigit(text[index]) { index += 1 }
            guard index > digitsStart else { return false }
        }
        guard index < text.endIndex else { return false }
        var offsetMinutes = 0
        switch text[index] {
        case "Z", "z":
            guard index + 1 == text.endIndex else { return false }
        case "+", "-":
            let zone = text[(index + 1)...]
            guard zone.count == 5, zone[zone.startIndex + 2] == ":", let zoneHour = number(zone, 0, 2),
                  let zoneMinute = number(zone, 3, 2), zoneHour <= 23, zoneMinute <= 59 else { return false }
            offsetMinutes = (zoneHour * 60 + zoneMinute) * (text[index] == "+" ? 1 : -1)
        default:
            return false
        }
        if second == 60 {
            let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    static func dateTime(_ text: Text) -> Bool {
        guard text.count > 11, text[text.startIndex + 10] == "T" || text[text.startIndex + 10] == "t" else { return false }
        return date(text.prefix(10)) && time(text.dropFirst(11))
    }

    static func ipv4(_ text: Text) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(isDigit),
                  part.count == 1 || part.first != "0", let value = number(part, 0, part.count), value <= 255
            else { return false }
        }
        return true
    }

    static func ipv6(_ text: Text) -> Bool {
        guard text.allSatisfy({ $0.isASCII }), !text.isEmpty else { return false }
        let string = String(String.UnicodeScalarView(text))
        let halves = string.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        func groups(_ part: String, allowsIPv4: Bool) -> Int? {
            if part.isEmpty { return 0 }
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            var count = 0
            for (offset, piece) in pieces.enumerated() {
                if allowsIPv4, offset == pieces.count - 1, piece.contains(".") {
                    guard ipv4(Array(piece.unicodeScalars)[...]) else { return nil }
                    count += 2
                } else {
                    guard (1...4).contains(piece.count), piece.unicodeScalars.allSatisfy(isHex) else { return nil }
                    count += 1
                }
            }
            return count
        }
        if halves.count == 1 { return groups(halves[0], allowsIPv4: true) == 8 }
        guard let left = groups(halves[0], allowsIPv4: false), let right = groups(halves[1], allowsIPv4: true) else {
            return false
        }
        return left + right <= 7
    }

    static func uuid(_ text: Text) -> Bool {
        guard text.count == 36 else { return false }
        for (offset, scalar) in text.enumerated() {
            if [8, 13, 18, 23].contains(offset) {
                guard scalar == "-" else { return false }
            } else if !isHex(scalar) {
                return false
            }
        }
        return true
    }

    static func relativeJSONPointer(_ text: Text) -> Bool {
        var index = text.startIndex
        while index < text.endIndex, isDigit(text[index]) { index += 1 }
        let digits = text[text.startIndex..<index]
        guard !digits.isEmpty, digits.count == 1 || digits.first != "0" else { return false }
        let rest = text[index...]
        if rest.count == 1, rest.first == "#" { return true }
        return (try? JSONPointer(parsing: String(String.UnicodeScalarView(rest)))) != nil
    }

    static func email(_ text: Text, international: Bool) -> Bool {
        guard let at = text.lastIndex(of: "@") else { return false }
        let local = text[text.startIndex..<at]
        let domain = text[(at + 1)...]
        guard !local.isEmpty, !domain.isEmpty else { return false }
        if local.first == "\"" {
            guard local.count >= 2, local.last == "\"" else { return false }
            guard local.dropFirst().dropLast().allSatisfy({ $0.value >= 0x20 && $0 != "\"" && $0 != "\\" || $0 == "\t" })
            else { return false }
        } else {
            let atext = Set("!#$%&'*+-/=?^_`{|}~".unicodeScalars)
            let atoms = local.split(separator: ".", omittingEmptySubsequences: false)
            for atom in atoms {
                guard !atom.isEmpty, atom.allSatisfy({
                    isAlpha($0) || isDigit($0) || atext.contains($0) || (international && $0.value >= 0x80)
                }) else { return false }
            }
        }
        if domain.first == "[" {
            guard domain.last == "]" else { return false }
            let literal = domain.dropFirst().dropLast()
            let prefix = Array("IPv6:".unicodeScalars)
            if literal.starts(with: prefix) { return ipv6(literal.dropFirst(prefix.count)) }
            return ipv4(literal)
        }
        return Hostnames.accepts(domain, international: international)
    }
}
