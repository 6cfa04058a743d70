/// An optional that JSON output writes as `null` when absent, where synthesized `Encodable` would drop
/// the key: machine output keeps the same keys whatever the answer, without a hand-written
/// `encode(to:)` per report.
@propertyWrapper
struct NullEncoded<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
