extension SchemaProgram {
    /// Keywords that apply subschemas: to children (properties, items) or in place (allOf, $ref, ...).
    func applicator(_ keyword: CompiledKeyword, _ instance: JSONValue, _ context: EvaluationContext,
                    _ annotations: inout Annotations?) -> Bool {
        let name = keyword.name
        switch keyword.check {
        case .properties(let rules):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for rule in rules {
                guard let value = object[rule.name] else { continue }
                annotations?.properties.insert(JSONKey(rule.name))
                if !evaluateChild(rule.node, value, context, keyword: name, step: .name(rule.name), instanceStep: .name(rule.name)) {
                    valid = false
                    if !context.collectsViolations { return false }
                }
            }
            return valid
        case .patternProperties(let rules):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for (key, value) in object {
                for rule in rules where context.silently({ matches(rule.regex, key, context, keyword: name, steps: [], subject: "", reportsMismatch: false) }) {
                    annotations?.properties.insert(JSONKey(key))
                    if !evaluateChild(rule.node, value, context, keyword: name, step: .name(rule.regex.source), instanceStep: .name(key)) {
                        valid = false
                        if !context.collectsViolations { return false }
                    }
                }
            }
            return valid
        case .additionalProperties(let node, let known, let patterns):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for (key, value) in object where !known.contains(JSONKey(key)) {
                if patterns.contains(where: { regex in
                    context.silently { matches(regex, key, context, keyword: name, steps: [], subject: "", reportsMismatch: false) }
                }) { continue }
                annotations?.properties.insert(JSONKey(key))
                if nodes[node].keywords.first.map({ if case .falseSchema = $0.check { return true } else { return false } }) == true {
                    context.instancePath.append(.name(key))
                    context.report(name, [], "property \"\(key)\" is not allowed (additionalProperties is false)")
                    context.instancePath.removeLast()
                    valid = false
                    if !context.collectsViolations { return false }
                    continue
                }
                if !evaluateChild(node, value, context, keyword: name, instanceStep: .name(key)) {
                    valid = false
                    if !context.collectsViolations { return false }
                }
            }
            return valid
        case .propertyNames(let node):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for key in object.keys where !evaluateChild(node, .string(key), context, keyword: name, instanceStep: .name(key)) {
                valid = false
                if !context.collectsViolations { return false }
            }
            return valid
        case .dependentSchemas(let rules):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for rule in rules where object.contains(key: rule.name) {
                if !evaluateInPlace(rule.node, instance, context, keyword: name, step: .name(rule.name), &annotations) {
                    valid = false
                    if !context.collectsViolations { return false }
                }
            }
            return valid
        case .prefixItems(let schemas):
            guard case .array(let items) = instance else { return true }
            var valid = true
            for (offset, item) in items.prefix(schemas.count).enumerated()
            where !evaluateChild(schemas[offset], item, context, keyword: name, step: .index(offset), instanceStep: .index(offset)) {
                valid = false
                if !context.collectsViolations { return false }
            }
            if let current = annotations?.itemPrefix { annotations?.itemPrefix = max(current, min(items.count, schemas.count)) }
            return valid
        case .items(let node, let start):
            guard case .array(let items) = instance else { return true }
            var valid = true
            for offset in items.indices where offset >= start {
                if !evaluateChild(node, items[offset], context, keyword: name, instanceStep: .index(offset)) {
                    valid = false
                    if !context.collectsViolations { return false }
                }
            }
            if annotations != nil { annotations?.itemPrefix = items.count }
            return valid
        case .contains(let node, let minimum, let maximum):
            guard case .array(let items) = instance else { return true }
            var matched = 0
            for (offset, item) in items.enumerated()
            where context.silently({ evaluateChild(node, item, context, keyword: name, instanceStep: .index(offset)) }) {
                matched += 1
                annotations?.items.insert(offset)
            }
            if matched < minimum {
                context.report(name, [], matched == 0 && minimum == 1
                    ? "no item matches the \"contains\" schema"
                    : "\(matched) items match the \"contains\" schema, fewer than the minimum \(minimum)")
                return false
            }
            if let maximum, matched > maximum {
                context.report(name, [], "\(matched) items match the \"contains\" schema, more than the maximum \(maximum)")
                return false
            }
            return true
        case .allOf(let schemas):
            var valid = true
            for (offset, schema) in schemas.enumerated()
            where !evaluateInPlace(schema, instance, context, keyword: name, step: .index(offset), &annotations) {
                valid = false
                if !context.collectsViolations { return false }
            }
            return valid
        case .anyOf(let schemas):
            var valid = false
            for (offset, schema) in schemas.enumerated()
            where context.silently({ evaluateInPlace(schema, instance, context, keyword: name, step: .index(offset), &annotations) }) {
                valid = true
                if annotations == nil { break }
            }
            if !valid { context.report(name, [], "\(Describe.value(instance)) matches none of the \(schemas.count) schemas in anyOf") }
            return valid
        case .oneOf(let schemas):
            var passing: [Int] = []
            var collected = annotations
            for (offset, schema) in schemas.enumerated()
            where context.silently({ evaluateInPlace(schema, instance, context, keyword: name, step: .index(offset), &collected) }) {
                passing.append(offset)
            }
            if passing.count == 1 {
                annotations = collected
                return true
            }
            context.report(name, [], passing.isEmpty
                ? "\(Describe.value(instance)) matches none of the \(schemas.count) schemas in oneOf"
                : "\(Describe.value(instance)) matches \(passing.count) schemas in oneOf (indices \(passing.map(String.init).joined(separator: ", "))); exactly one must match")
            return false
        case .not(let schema):
            var none: Annotations? = nil
            let inner = context.silently { evaluateInPlace(schema, instance, context, keyword: name, &none) }
            if inner { context.report(name, [], "\(Describe.value(instance)) must not match the \"not\" schema") }
            return !inner
        case .conditional(let condition, let thenSchema, let elseSchema):
            var conditionAnnotations = annotations == nil ? nil : Annotations()
            if context.silently({ evaluateInPlace(condition, instance, context, keyword: "if", &conditionAnnotations) }) {
                if let conditionAnnotations { annotations?.merge(conditionAnnotations) }
                guard let thenSchema else { return true }
                return evaluateInPlace(thenSchema, instance, context, keyword: "then", &annotations)
            }
            guard let elseSchema else { return true }
            return evaluateInPlace(elseSchema, instance, context, keyword: "else", &annotations)
        case .ref(let target):
            return evaluateInPlace(target, instance, context, keyword: name, &annotations)
        case .dynamicRef(let target, let anchor):
            var chosen = target
            if let anchor {
                for resource in context.dynamicScope where resource < dynamicAnchors.count {
                    if let node = dynamicAnchors[resource][anchor] {
                        chosen = node
                        break
                    }
                }
            }
            return evaluateInPlace(chosen, instance, context, keyword: name, &annotations)
        case .unevaluatedProperties(let node):
            guard case .object(let object) = instance else { return true }
            let evaluated = annotations?.properties ?? []
            var valid = true
            for (key, value) in object where !evaluated.contains(JSONKey(key)) {
                if !evaluateChild(node, value, context, keyword: name, instanceStep: .name(key)) {
                    valid = false
                    if !context.collectsViolations { return false }
                }
                annotations?.properties.insert(JSONKey(key))
            }
            return valid
        case .unevaluatedItems(let node):
            guard case .array(let items) = instance else { return true }
            let prefix = annotations?.itemPrefix ?? 0
            let evaluated = annotations?.items ?? []
            var valid = true
            for offset in items.indices where offset >= prefix && !evaluated.contains(offset) {
                if !evaluateChild(node, items[offset], context, keyword: name, instanceStep: .index(offset)) {
                    valid = false
                    if !context.collectsViolations { return false }
                }
            }
            annotations?.itemPrefix = items.count
            return valid
        default:
            return true
        }
    }
}
