/// RFC 3986 URI references, just enough for JSON Schema's base-URI bookkeeping: split into parts,
/// resolve a reference against a base (§5.2, with dot-segment removal), split off the fragment.
struct URIReference: Sendable, Hashable {
    var scheme: String?
    var authority: String?
    var path: String
    var query: String?
    var fragment: String?

    /// Splits `text` with RFC 3986's appendix-B regular expression, done by hand.
    init(_ text: String) {
        var rest = Substring(text)
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        if let colon = rest.firstIndex(of: ":"),
           !rest[..<colon].isEmpty,
           !rest[..<colon].contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }),
           rest[..<colon].first?.isLetter == true {
            scheme = String(rest[..<colon])
            rest = rest[rest.index(after: colon)...]
        }
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            authority = String(rest[..<end])
            rest = rest[end...]
        }
        path = String(rest)
    }

    init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    /// The recomposed text (§5.3).
    var text: String {
        var result = ""
        if let scheme { result += scheme + ":" }
        if let authority { result += "//" + authority }
        result += path
        if let query { result += "?" + query }
        if let fragment { result += "#" + fragment }
        return result
    }

    /// `reference` resolved against `self` as base (§5.2.2).
    func resolving(_ reference: URIReference) -> URIReference {
        if reference.scheme != nil {
            return URIReference(scheme: reference.scheme, authority: reference.authority,
                                path: Self.removeDotSegments(reference.path), query: reference.query,
                                fragment: reference.fragment)
        }
        if reference.authority != nil {
            return URIReference(scheme: scheme, authority: reference.authority,
                                path: Self.removeDotSegments(reference.path), query: reference.query,
                                fragment: reference.fragment)
        }
        if reference.path.isEmpty {
            return URIReference(scheme: scheme, authority: authority, path: path,
                                query: reference.query ?? query, fragment: reference.fragment)
        }
        let mergedPath: String
        if reference.path.hasPrefix("/") {
            mergedPath = reference.path
        } else if authority != nil && path.isEmpty {
            mergedPath = "/" + reference.path
        } else if let slash = path.lastIndex(of: "/") {
            mergedPath = String(path[...slash]) + reference.path
        } else {
            mergedPath = reference.path
        }
        return URIReference(scheme: scheme, authority: authority, path: Self.removeDotSegments(mergedPath),
                            query: reference.query, fragment: reference.fragment)
    }

    /// §5.2.4.
    static func removeDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var input = Substring(path)
        var output: [Substring] = []
        var result = ""
        while !input.isEmpty {
            if input.hasPrefix("../") { input = input.dropFirst(3) }
            else if input.hasPrefix("./") { input = input.dropFirst(2) }
            else if input.hasPrefix("/./") { input = input.dropFirst(2) }
            else if input == "/." { input = "/" }
            else if input.hasPrefix("/../") {
                input = input.dropFirst(3)
                if !output.isEmpty { output.removeLast() }
            } else if input == "/.." {
                input = "/"
                if !output.isEmpty { output.removeLast() }
            } else if input == "." || input == ".." { input = "" }
            else {
                let start = input.startIndex
                var end = input.index(after: start)
                while end < input.endIndex, input[end] != "/" { end = input.index(after: end) }
                if input[start] != "/" { end = input.firstIndex(of: "/") ?? input.endIndex }
                output.append(input[start..<end])
                input = input[end...]
            }
        }
        for segment in output { result += segment }
        return result
    }
}

/// Helpers on URI strings used by the resolver.
enum URIText {
    /// `reference` resolved against `base` (either may be relative; an empty base leaves it alone).
    static func resolve(_ reference: String, against base: String) -> String {
        if base.isEmpty { return reference }
        return URIReference(base).resolving(URIReference(reference)).text
    }

    /// Splits `uri` into the part before `#` and the fragment ("" when absent).
    static func splitFragment(_ uri: String) -> (base: String, fragment: String) {
        guard let hash = uri.firstIndex(of: "#") else { return (uri, "") }
        return (String(uri[..<hash]), String(uri[uri.index(after: hash)...]))
    }

    /// Decodes `%XX` escapes (JSON Pointer fragments are URI-encoded); invalid escapes are kept.
    static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
               let value = UInt8(String(decoding: utf8[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
