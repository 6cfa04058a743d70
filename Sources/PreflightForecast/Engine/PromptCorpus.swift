import Foundation
import PreflightCatalog

/// The prompt texts of one request type, loaded once and counted per tokenizer on demand.
struct PromptCorpus: Sendable {
    /// The texts (one for `text`/`file`, one per file for `folder`); empty for a token distribution.
    var texts: [String]
    /// Display names of the texts (file paths), for progress and messages.
    var names: [String]
    /// The chat, for a `messages` prompt.
    var chat: Chat?

    /// Loads the texts a prompt spec names, relative to `baseDirectory`.
    /// - Complexity: O(total bytes of the files).
    static func load(
        _ spec: PromptSpec, baseDirectory: URL, file: String, pointer: JSONPointer
    ) throws(WorkloadError) -> PromptCorpus {
        switch spec {
        case .tokens: return PromptCorpus(texts: [], names: [])
        case .text(let text): return PromptCorpus(texts: [text], names: ["inline prompt"])
        case .messages(let path):
            let url = resolve(path, against: baseDirectory)
            let text = try readText(url, shown: path, file: file, pointer: pointer.appending("messages"))
            do {
                let chat = try Chat(jsonText: text)
                return PromptCorpus(texts: [chat.messages.map(\.text).joined(separator: "\n")], names: [path], chat: chat)
            } catch {
                throw .invalidValue(file: file, pointer: pointer.appending("messages"), reason: "\(path): \(error)")
            }
        case .file(let path):
            let url = resolve(path, against: baseDirectory)
            return PromptCorpus(texts: [try readText(url, shown: path, file: file, pointer: pointer.appending("file"))], names: [path])
        case .folder(let path, let fileExtension):
            let folder = resolve(path, against: baseDirectory)
            let folderPointer = pointer.appending("folder")
            let entries: [URL]
            do {
                entries = try FileManager.default.contentsOfDirectory(
                    at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
            } catch {
                throw .unreadablePrompt(file: file, pointer: folderPointer, path: path, reason: "not a readable folder")
            }
            let files = entries.filter { url in
                let isFile = (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) ?? false
                return isFile && (fileExtension.map { url.pathExtension == $0.trimmingCharacters(in: ["."]) } ?? true)
            }.sorted { $0.lastPathComponent.utf8.lexicographicallyPrecedes($1.lastPathComponent.utf8) }
            guard !files.isEmpty else {
                throw .unreadablePrompt(file: file, pointer: folderPointer, path: path, reason: "no prompt files in it")
            }
            var texts: [String] = []
            for url in files {
                texts.append(try readText(url, shown: path + "/" + url.lastPathComponent, file: file, pointer: folderPointer))
            }
            return PromptCorpus(texts: texts, names: files.map { path + "/" + $0.lastPathComponent })
        }
    }

    private static func resolve(_ path: String, against base: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
    }

    private static func readText(_ url: URL, shown: String, file: String, pointer: JSONPointer) throws(WorkloadError) -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw .unreadablePrompt(file: file, pointer: pointer, path: shown, reason: "no such file, or not readable")
        }
        guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
            throw .unreadablePrompt(file: file, pointer: pointer, path: shown, reason: "not valid UTF-8")
        }
        return text
    }
}
