/// The state of one validation run: where we are (instance and keyword paths), the dynamic scope
/// for `$dynamicRef`, and the violations collected so far. Created per call, never shared.
final class EvaluationContext {
    let program: SchemaProgram
    /// False inside subschemas whose failures are not errors of the whole (anyOf branches, `not`, `if`, `contains`).
    var collectsViolations: Bool
    var violations: [SchemaViolation] = []
    var violationLimitReached = false
    var instancePath: [PathStep] = []
    var keywordPath: [PathStep] = []
    var dynamicScope: [Int] = []
    var depth = 0
    /// Nodes being evaluated, with the instance depth at which they were entered: re-entering a
    /// node at the same instance location (a `$ref` cycle that consumes no input) never ends.
    var active: [Int32]

    init(program: SchemaProgram, collectsViolations: Bool) {
        self.program = program
        self.collectsViolations = collectsViolations
        self.active = Array(repeating: -1, count: program.nodes.count)
    }

    /// Records a violation of `keyword` (plus `steps` below it) at the current instance location.
    func report(_ keyword: String, _ steps: [String] = [], _ message: @autoclosure () -> String) {
        guard collectsViolations else { return }
        guard violations.count < program.maxViolations else {
            violationLimitReached = true
            return
        }
        violations.append(SchemaViolation(
            instanceLocation: JSONPointer(tokens: instancePath.map(\.token)),
            keywordLocation: JSONPointer(tokens: keywordPath.map(\.token) + (keyword.isEmpty ? [] : [keyword]) + steps),
            message: message()))
    }

    /// Runs `body` with violations switched off (for subschemas whose failure is only a signal).
    func silently<T>(_ body: () -> T) -> T {
        let saved = collectsViolations
        collectsViolations = false
        defer { collectsViolations = saved }
        return body()
    }
}

/// What in-place subschemas evaluated, for `unevaluatedProperties` / `unevaluatedItems`.
struct Annotations {
    var properties: Set<JSONKey> = []
    /// Items with index below this were evaluated (`prefixItems`, `items`).
    var itemPrefix = 0
    /// Individual items evaluated (`contains`).
    var items: Set<Int> = []

    mutating func merge(_ other: Annotations) {
        properties.formUnion(other.properties)
        itemPrefix = max(itemPrefix, other.itemPrefix)
        items.formUnion(other.items)
    }
}

extension SchemaProgram {
    /// Evaluates node `index` against `instance`. `annotations` is non-nil when the caller needs them.
    /// Returns validity; violations go to `context`. Stops early on failure when no violations are wanted.
    func evaluate(_ index: Int, _ instance: JSONValue, _ context: EvaluationContext,
                  _ annotations: inout Annotations?) -> Bool {
        let node = nodes[index]
        if node.keywords.isEmpty { return true }
        context.depth += 1
        defer { context.depth -= 1 }
        guard context.depth <= maxDepth else {
            context.report("", [], "evaluation nests deeper than \(maxDepth) schemas; the instance or the schema's references are too deeply nested")
            return false
        }
        let instanceDepth = Int32(truncatingIfNeeded: context.instancePath.count)
        let previous = context.active[index]
        context.active[index] = instanceDepth
        defer { context.active[index] = previous }
        if previous == instanceDepth {
            context.report("", [], "the schema refers back to itself without consuming input (a $ref cycle); it can never finish")
            return false
        }
        let entersResource = context.dynamicScope.last != node.resource
        if entersResource { context.dynamicScope.append(node.resource) }
        defer { if entersResource { context.dynamicScope.removeLast() } }

        var local: Annotations? = (annotations != nil || node.needsAnnotations) ? Annotations() : nil
        var valid = true
        for keyword in node.keywords {
            if !check(keyword, instance, context, &local) {
                valid = false
                if !context.collectsViolations { return false }
            }
        }
        if valid, annotations != nil, let local { annotations?.merge(local) }
        return valid
    }

    /// Evaluates a subschema at a child location (property or item); its annotations are its own.
    func evaluateChild(_ index: Int, _ instance: JSONValue, _ context: EvaluationContext,
                       keyword: String, step: PathStep? = nil, instanceStep: PathStep) -> Bool {
        context.keywordPath.append(.name(keyword))
        if let step { context.keywordPath.append(step) }
        context.instancePath.append(instanceStep)
        defer {
            context.keywordPath.removeLast(step == nil ? 1 : 2)
            context.instancePath.removeLast()
        }
        var none: Annotations? = nil
        return evaluate(index, instance, context, &none)
    }

    /// Evaluates a subschema in place (same instance); merges its annotations when it is valid.
    func evaluateInPlace(_ index: Int, _ instance: JSONValue, _ context: EvaluationContext,
                         keyword: String, step: PathStep? = nil, _ annotations: inout Annotations?) -> Bool {
        context.keywordPath.append(.name(keyword))
        if let step { context.keywordPath.append(step) }
        defer { context.keywordPath.removeLast(step == nil ? 1 : 2) }
        var sub: Annotations? = annotations == nil ? nil : Annotations()
        let valid = evaluate(index, instance, context, &sub)
        if valid, let sub { annotations?.merge(sub) }
        return valid
    }
}

/// One step of an evaluation path; indices stay integers until a violation is reported.
enum PathStep {
    case name(String)
    case index(Int)

    var token: String {
        switch self {
        case .name(let name): return name
        case .index(let index): return String(index)
        }
    }
}
