/// Why a chat could not be read, rendered or encoded. Each case says where (a byte offset or a JSON
/// Pointer into the chat) and what to change.
public enum ChatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input is not JSON.
    case invalidJSON(byteOffset: Int, reason: String)
    /// A value has the wrong shape, e.g. `/messages/2/content` is a number.
    case invalidValue(pointer: String, reason: String)
    /// The template has no such role.
    case roleNotAllowed(pointer: String, role: String, template: ChatTemplate, allowed: [String])
    /// The template cannot express this chat (roles out of order, tools it has no place for, …).
    case notRenderable(pointer: String, template: ChatTemplate, reason: String)
    /// The model's chat template is not one Preflight reproduces; name one explicitly.
    case noTemplate(modelID: String)
    /// The tokenizer lacks a special token the rendered prompt needs: template and tokenizer do not match.
    case missingSpecialToken(String)

    public var description: String {
        switch self {
        case .invalidJSON(let byteOffset, let reason):
            return "chat JSON (byte \(byteOffset)): \(reason)"
        case .invalidValue(let pointer, let reason):
            return "\(Self.display(pointer)): \(reason)"
        case .roleNotAllowed(let pointer, let role, let template, let allowed):
            return "\(Self.display(pointer)): role '\(role)' is not allowed by the \(template.rawValue) template (\(allowed.joined(separator: ", ")))"
        case .notRenderable(let pointer, let template, let reason):
            return "\(Self.display(pointer)): the \(template.rawValue) template cannot render this: \(reason)"
        case .noTemplate(let modelID):
            return "\(modelID): no exact chat template is known for this model; pass one of \(ChatTemplate.allCases.map(\.rawValue).joined(separator: ", "))"
        case .missingSpecialToken(let token):
            return "the tokenizer has no special token '\(token)' that this chat template needs; count with the model's own tokenizer"
        }
    }

    /// The root pointer is the empty string; show it as `/` so messages never start with a colon.
    private static func display(_ pointer: String) -> String { pointer.isEmpty ? "/" : pointer }
}
