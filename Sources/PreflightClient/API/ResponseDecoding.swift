import Foundation
import PreflightSchema

/// Reads Workers AI replies: the output and usage of a success, the error of a failure.
enum ResponseDecoding {
    /// The output and usage of a successful (2xx) reply, or the API error a 2xx envelope carries.
    static func success(
        endpoint: Endpoint, head: HTTPResponseHead, body: [UInt8], credentials: Credentials
    ) throws(WorkersAIError) -> (output: RunOutput, usage: Usage?) {
        let contentType = head.header("content-type")?.lowercased() ?? ""
        if !contentType.isEmpty && !contentType.contains("json") {
            return (.binary(bytes: body, contentType: contentType), nil)
        }
        let document: JSONValue
        do {
            document = try JSONParser().parse(body)
        } catch {
            throw .unexpectedResponse(reason: "the reply is not valid JSON (\(error))")
        }
        if case .bool(false)? = document["success"] {
            throw failure(status: head.status, body: body, credentials: credentials)
        }
        // The native API wraps results in {result, success, errors, messages}; tolerate a bare result.
        let result = document["success"] != nil ? (document["result"] ?? .null) : document
        let usage = result["usage"].map(Usage.init(reported:))
        switch endpoint {
        case .native:
            return (try nativeOutput(result), usage)
        case .chatCompletions:
            guard case .array(let choices)? = result["choices"], let content = choices.first?["message"]?["content"] else {
                throw .unexpectedResponse(reason: "a chat completion without choices[0].message.content")
            }
            if case .string(let text) = content { return (.text(text), usage) }
            return (.json(content), usage)
        case .embeddings:
            guard case .array(let items)? = result["data"] else {
                throw .unexpectedResponse(reason: "an embeddings reply without a data array")
            }
            let vectors = items.compactMap { vector(from: $0["embedding"]) }
            guard vectors.count == items.count else {
                throw .unexpectedResponse(reason: "an embeddings item without a numeric embedding")
            }
            return (.embeddings(vectors), usage)
        }
    }

    private static func nativeOutput(_ result: JSONValue) throws(WorkersAIError) -> RunOutput {
        if let response = result["response"] {
            if case .string(let text) = response { return .text(text) }
            return .json(response)  // JSON mode answers with the parsed object
        }
        if case .array(let rows)? = result["data"] {
            let vectors = rows.compactMap(vector(from:))
            if vectors.count == rows.count { return .embeddings(vectors) }
        }
        for field in ["image", "audio"] {
            if case .string(let encoded)? = result[field] {
                guard let data = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) else {
                    throw .unexpectedResponse(reason: "result.\(field) is not valid base64")
                }
                let bytes = [UInt8](data)
                return .binary(bytes: bytes, contentType: sniffContentType(bytes))
            }
        }
        return .json(result)
    }

    private static func vector(from value: JSONValue?) -> [Double]? {
        guard case .array(let numbers)? = value else { return nil }
        var vector: [Double] = []
        vector.reserveCapacity(numbers.count)
        for number in numbers {
            guard case .number(let value) = number else { return nil }
            vector.append(value.doubleValue)
        }
        return vector
    }

    /// The media type from a file's first bytes (PNG, JPEG, WebP, MP3, WAV, Ogg), else octet-stream.
    static func sniffContentType(_ bytes: [UInt8]) -> String {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && bytes[offset..<offset + prefix.count].elementsEqual(prefix)
        }
        if starts([0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return "image/webp" }
        if starts(Array("RIFF".utf8)) && starts(Array("WAVE".utf8), at: 8) { return "audio/wav" }
        if starts(Array("ID3".utf8)) || (bytes.count > 1 && bytes[0] == 0xFF && bytes[1] & 0xE0 == 0xE0) { return "audio/mpeg" }
        if starts(Array("OggS".utf8)) { return "audio/ogg" }
        return "application/octet-stream"
    }

    /// The error a failed reply carries: Cloudflare's envelope (`errors: [{code, message}]`) with the
    /// documented meaning of each code, an OpenAI-style `{error: {message, code}}`, or the body's start.
    static func failure(status: Int, body: [UInt8], credentials: Credentials) -> WorkersAIError {
        if let document = try? JSONParser().parse(body) {
            if case .array(let entries)? = document["errors"], !entries.isEmpty || document["success"] == .bool(false) {
                let details = entries.map { entry in
                    let code = integer(entry["code"]) ?? 0
                    let message = entry["message"]?.stringValue ?? entry.description
                    return APIErrorDetail(
                        code: code, message: credentials.redacting(message), meaning: WorkersAIFacts.bundled.meaning(of: code))
                }
                return .api(status: status, errors: details)
            }
            if let error = document["error"] {
                let message = error.stringValue ?? error["message"]?.stringValue ?? error.description
                return .http(status: status, code: integer(error["code"]), message: credentials.redacting(message))
            }
        }
        let text = String(decoding: body.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return .http(status: status, code: nil, message: text.isEmpty ? "empty body" : credentials.redacting(text))
    }

    /// An integer from a number or a numeric string (some gateways send codes as strings).
    static func integer(_ value: JSONValue?) -> Int? {
        switch value {
        case .number(let number)?: number.intValue
        case .string(let text)?: Int(text)
        default: nil
        }
    }
}
