/// The state of one rendering: the chat, the template's settings, and the prompt built so far.
/// Each family's file extends it with one `render…` method.
struct ChatRenderContext {
    let chat: Chat
    let template: ChatTemplate
    let options: ChatRenderOptions
    var prompt = ChatPrompt()

    init(chat: Chat, template: ChatTemplate, options: ChatRenderOptions) {
        self.chat = chat
        self.template = template
        self.options = options
    }

    var messages: [ChatMessage] { chat.messages }

    /// Throws `roleNotAllowed` for the first message whose role is not in `allowed`.
    func requireRoles(_ allowed: [ChatRole]) throws(ChatError) {
        for (index, message) in messages.enumerated() where !allowed.contains(message.role) {
            throw .roleNotAllowed(pointer: chat.pointer(toMessage: index) + "/role", role: message.role.rawValue,
                                  template: template, allowed: allowed.map(\.rawValue))
        }
    }

    /// Throws when a message carries tool calls and this template has no place for them. Tool
    /// definitions are not checked: templates without a place for them (Llama 2, Llama 3.0,
    /// Gemma 3, Mistral v1) leave them out of the prompt, and so does the rendering here.
    func requireNoToolCalls() throws(ChatError) {
        for (index, message) in messages.enumerated() where !message.toolCalls.isEmpty {
            throw .notRenderable(pointer: chat.pointer(toMessage: index) + "/tool_calls", template: template,
                                 reason: "it has no place for tool calls")
        }
    }

    /// Throws unless the messages (from `start`) go user, assistant, user, … — the rule of templates
    /// that raise "Conversation roles must alternate user/assistant/user/assistant/...".
    func requireAlternation(from start: Int) throws(ChatError) {
        for index in start..<messages.count {
            let expected: ChatRole = (index - start) % 2 == 0 ? .user : .assistant
            if messages[index].role != expected {
                throw .notRenderable(pointer: chat.pointer(toMessage: index) + "/role", template: template,
                                     reason: "roles must alternate user/assistant/user/assistant/… after an optional first system message; found '\(messages[index].role)' where '\(expected)' belongs")
            }
        }
    }

    func notRenderable(at index: Int, _ suffix: String = "", _ reason: String) -> ChatError {
        .notRenderable(pointer: chat.pointer(toMessage: index) + suffix, template: template, reason: reason)
    }
}

/// Python's string methods as chat templates call them (`strip()`, `| trim`, `lstrip('\n')`).
enum PythonText {
    /// Python's `str.isspace` set: bidi classes WS, B, S and category Zs.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// `text.strip()` (also Jinja's `trim`).
    static func strip(_ text: String) -> String { strip(text, where: isWhitespace) }
    /// `text.rstrip()`, or `text.rstrip(chars)` when `characters` is given.
    static func rstrip(_ text: String, _ characters: Set<Unicode.Scalar>? = nil) -> String {
        let test = characters.map { set in { set.contains($0) } } ?? isWhitespace
        return strip(text, leading: false, trailing: true, where: test)
    }
    /// `text.lstrip(chars)`.
    static func lstrip(_ text: String, _ characters: Set<Unicode.Scalar>) -> String {
        strip(text, leading: true, trailing: false, where: { characters.contains($0) })
    }
    /// `text.strip(chars)`.
    static func strip(_ text: String, _ characters: Set<Unicode.Scalar>) -> String {
        strip(text, where: { characters.contains($0) })
    }

    private static func strip(_ text: String, leading: Bool = true, trailing: Bool = true,
                              where test: (Unicode.Scalar) -> Bool) -> String {
        var scalars = Substring(text).unicodeScalars
        if leading { while let first = scalars.first, test(first) { scalars.removeFirst() } }
        if trailing { while let last = scalars.last, test(last) { scalars.removeLast() } }
        return String(scalars)
    }

    /// `text.split(separator)`: the pieces between occurrences, compared scalar by scalar.
    static func split(_ text: String, separator: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let pattern = Array(separator.unicodeScalars)
        guard !pattern.isEmpty else { return [text] }
        var pieces: [String] = []
        var start = 0
        var index = 0
        while index + pattern.count <= scalars.count {
            if scalars[index..<index + pattern.count].elementsEqual(pattern) {
                pieces.append(String(String.UnicodeScalarView(scalars[start..<index])))
                index += pattern.count
                start = index
            } else {
                index += 1
            }
        }
        pieces.append(String(String.UnicodeScalarView(scalars[start...])))
        return pieces
    }

    /// `separator in text`.
    static func contains(_ text: String, _ separator: String) -> Bool { split(text, separator: separator).count > 1 }
    /// `text.startswith(prefix)`.
    static func hasPrefix(_ text: String, _ prefix: String) -> Bool { text.unicodeScalars.starts(with: prefix.unicodeScalars) }
    /// `text.endswith(suffix)`.
    static func hasSuffix(_ text: String, _ suffix: String) -> Bool {
        text.unicodeScalars.reversed().starts(with: suffix.unicodeScalars.reversed())
    }
}
