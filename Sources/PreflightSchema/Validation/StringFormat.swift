/// The `format` values Preflight can assert (when format assertion is on). Unknown formats are
/// annotations only, as the specification requires.
enum StringFormat: String, Sendable, CaseIterable {
    case date, time, dateTime = "date-time", duration, email, idnEmail = "idn-email", hostname
    case idnHostname = "idn-hostname", ipv4, ipv6, uri, uriReference = "uri-reference", iri
    case iriReference = "iri-reference", uuid, jsonPointer = "json-pointer"
    case relativeJSONPointer = "relative-json-pointer", regex, uriTemplate = "uri-template"

    /// Whether `text` is a valid instance of this format.
    func accepts(_ text: String) -> Bool {
        FormatCheck.accepts(self, Array(text.unicodeScalars))
    }
}
