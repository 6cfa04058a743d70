extension SchemaProgram {
    /// Checks one keyword; reports violations with messages a person can act on.
    func check(_ keyword: CompiledKeyword, _ instance: JSONValue, _ context: EvaluationContext,
               _ annotations: inout Annotations?) -> Bool {
        let name = keyword.name
        switch keyword.check {
        case .falseSchema:
            context.report("", [], "no value is allowed here (the schema is false)")
            return false
        case .type(let types):
            if types.contains(where: { $0.matches(instance) }) { return true }
            let expected = types.map(\.rawValue).joined(separator: " or ")
            context.report(name, [], "expected \(expected), got \(Describe.kind(instance)) \(Describe.value(instance))")
            return false
        case .constant(let value):
            if instance == value { return true }
            context.report(name, [], "\(Describe.value(instance)) is not the required value \(Describe.value(value))")
            return false
        case .enumeration(let values):
            if values.contains(instance) { return true }
            context.report(name, [], "\(Describe.value(instance)) is not one of \(Describe.list(values))")
            return false
        case .multipleOf(let divisor):
            guard case .number(let number) = instance, !number.isMultiple(of: divisor) else { return true }
            context.report(name, [], "\(number) is not a multiple of \(divisor)")
            return false
        case .maximum(let bound):
            guard case .number(let number) = instance, number > bound else { return true }
            context.report(name, [], "\(number) is greater than the maximum \(bound)")
            return false
        case .exclusiveMaximum(let bound):
            guard case .number(let number) = instance, number >= bound else { return true }
            context.report(name, [], "\(number) is not less than the exclusive maximum \(bound)")
            return false
        case .minimum(let bound):
            guard case .number(let number) = instance, number < bound else { return true }
            context.report(name, [], "\(number) is less than the minimum \(bound)")
            return false
        case .exclusiveMinimum(let bound):
            guard case .number(let number) = instance, number <= bound else { return true }
            context.report(name, [], "\(number) is not greater than the exclusive minimum \(bound)")
            return false
        case .maxLength(let limit):
            guard case .string(let text) = instance else { return true }
            let length = text.unicodeScalars.count
            if length <= limit { return true }
            context.report(name, [], "\(Describe.value(instance)) is \(length) characters long, more than the maximum length \(limit)")
            return false
        case .minLength(let limit):
            guard case .string(let text) = instance else { return true }
            let length = text.unicodeScalars.count
            if length >= limit { return true }
            context.report(name, [], "\(Describe.value(instance)) is \(length) characters long, less than the minimum length \(limit)")
            return false
        case .pattern(let regex):
            guard case .string(let text) = instance else { return true }
            return matches(regex, text, context, keyword: name, steps: [], subject: Describe.value(instance))
        case .format(let format):
            guard case .string(let text) = instance, !format.accepts(text) else { return true }
            context.report(name, [], "\(Describe.value(instance)) is not a valid \(format.rawValue)")
            return false
        case .maxItems(let limit):
            guard case .array(let items) = instance, items.count > limit else { return true }
            context.report(name, [], "the array has \(items.count) items, more than the maximum \(limit)")
            return false
        case .minItems(let limit):
            guard case .array(let items) = instance, items.count < limit else { return true }
            context.report(name, [], "the array has \(items.count) items, fewer than the minimum \(limit)")
            return false
        case .uniqueItems:
            guard case .array(let items) = instance else { return true }
            var seen: [JSONValue: Int] = [:]
            for (offset, item) in items.enumerated() {
                if let first = seen[item] {
                    context.report(name, [], "items \(first) and \(offset) are equal (\(Describe.value(item))); items must be unique")
                    return false
                }
                seen[item] = offset
            }
            return true
        case .maxProperties(let limit):
            guard case .object(let object) = instance, object.count > limit else { return true }
            context.report(name, [], "the object has \(object.count) properties, more than the maximum \(limit)")
            return false
        case .minProperties(let limit):
            guard case .object(let object) = instance, object.count < limit else { return true }
            context.report(name, [], "the object has \(object.count) properties, fewer than the minimum \(limit)")
            return false
        case .required(let names):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for required in names where !object.contains(key: required) {
                context.report(name, [], "required property \"\(required)\" is missing")
                valid = false
                if !context.collectsViolations { return false }
            }
            return valid
        case .dependentRequired(let rules):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for rule in rules where object.contains(key: rule.name) {
                for required in rule.required where !object.contains(key: required) {
                    context.report(name, [rule.name], "property \"\(required)\" is required when \"\(rule.name)\" is present")
                    valid = false
                    if !context.collectsViolations { return false }
                }
            }
            return valid
        case .content(let base64, let json):
            guard case .string(let text) = instance else { return true }
            var bytes = Array(text.utf8)
            if base64 {
                guard let decoded = Base64.decode(bytes) else {
                    context.report("contentEncoding", [], "\(Describe.value(instance)) is not valid base64")
                    return false
                }
                bytes = decoded
            }
            if json, (try? JSONParser().parse(bytes)) == nil {
                context.report(name, [], "the content is not a valid JSON document")
                return false
            }
            return true
        default:
            return applicator(keyword, instance, context, &annotations)
        }
    }

    /// Searches `regex` in `text`; a timeout is a violation, never a pass.
    func matches(_ regex: RegexProgram, _ text: String, _ context: EvaluationContext, keyword: String,
                 steps: [String], subject: @autoclosure () -> String, reportsMismatch: Bool = true) -> Bool {
        switch regex.search(text) {
        case .matched:
            return true
        case .notMatched:
            if reportsMismatch { context.report(keyword, steps, "\(subject()) does not match the pattern /\(regex.source)/") }
            return false
        case .timedOut:
            context.report(keyword, steps, "matching /\(regex.source)/ exceeded the regex step limit; treated as a failure")
            return false
        case .failed(let reason):
            context.report(keyword, steps, "matching /\(regex.source)/ failed (\(reason)); treated as a failure")
            return false
        }
    }
}

/// Short renderings of instance values for messages.
enum Describe {
    /// The JSON text of `value`, shortened to about 60 characters.
    static func value(_ value: JSONValue) -> String {
        let text = JSONSerializer.string(from: value)
        guard text.unicodeScalars.count > 60 else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(57))) + "…"
    }

    /// `a, b or c` of up to five values.
    static func list(_ values: [JSONValue]) -> String {
        let shown = values.prefix(5).map(value)
        let more = values.count > 5 ? " (and \(values.count - 5) more)" : ""
        return "[" + shown.joined(separator: ", ") + "]" + more
    }

    /// `integer`/`number`, `string`, ... for type messages.
    static func kind(_ value: JSONValue) -> String {
        if case .number(let number) = value, number.isInteger { return "integer" }
        return value.typeName
    }
}

/// RFC 4648 base64 decoding (standard alphabet, padding required when present).
enum Base64 {
    static func decode(_ bytes: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        var padding = 0
        for byte in bytes {
            let value: UInt32
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte - 65)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte - 97 + 26)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - 48 + 52)
            case UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "/"): value = 63
            case UInt8(ascii: "="):
                padding += 1
                continue
            default: return nil
            }
            guard padding == 0 else { return nil }
            buffer = buffer << 6 | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        guard padding <= 2, (bytes.count % 4 == 0 || padding == 0) else { return nil }
        return output
    }
}
