import ArgumentParser
import Foundation
import PreflightCatalog

/// `--messages` input: JSON chats, rendered through a chat template before counting.
enum ChatInput {
    /// The chats in the input: the whole input is one chat, or with `jsonl` each line is one.
    /// Errors name the source (and line) and the JSON Pointer or byte offset inside the chat.
    static func chats(from input: InputSource, jsonl: Bool) throws -> [Chat] {
        let bytes = try input.readBytes()
        _ = try UTF8Text.decode(bytes, source: input.displayName)
        guard jsonl else {
            do { return [try Chat(json: bytes)] } catch { throw ChatInputFailure(source: input.displayName, line: nil, error: error) }
        }
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var chats: [Chat] = []
        for (index, line) in lines.enumerated() {
            do { chats.append(try Chat(json: line)) } catch { throw ChatInputFailure(source: input.displayName, line: index + 1, error: error) }
        }
        return chats
    }

    /// The template for `--template`, else the model's (`--model`), else the tokenizer's default.
    static func template(explicit: ChatTemplate?, modelID: String?, tokenizer: String) throws -> ChatTemplate {
        if let explicit { return explicit }
        if let modelID {
            guard let template = ChatTemplate.forModel(id: modelID, tokenizer: tokenizer) else {
                throw ValidationError("\(modelID): no exact chat template is known for this model; pass --template NAME (\(names)) or count the rendered prompt as text")
            }
            return template
        }
        guard let template = ChatTemplate.defaultTemplate(forTokenizer: tokenizer) else {
            throw ValidationError("tokenizer \(tokenizer) has no chat template; pass --template NAME (\(names))")
        }
        return template
    }

    private static var names: String { ChatTemplate.allCases.map(\.rawValue).joined(separator: ", ") }
}

/// A chat that could not be read: where (source, line) and what (`ChatError`, with its pointer).
struct ChatInputFailure: Error, CustomStringConvertible {
    let source: String
    let line: Int?
    let error: ChatError

    var description: String {
        "\(source)\(line.map { ":\($0)" } ?? ""): \(error)"
    }
}

/// `--template NAME` takes the template names (`llama3.1`, `qwen3`, `gpt-oss`, …).
extension ChatTemplate: ExpressibleByArgument {}
