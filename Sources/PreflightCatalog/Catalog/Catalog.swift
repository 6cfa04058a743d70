import Foundation
import PreflightResources

/// The Workers AI model catalog: every model's task, tokenizer, context window, limits, prices and flags.
///
/// Load it once with `Catalog.bundled()` (the copy shipped in `Resources/catalog/models.json`,
/// decoded on first use and shared: a `static let`, so thread-safe), or from any file with
/// `init(contentsOf:)`. It is an immutable value: safe to pass between tasks.
///
/// ```swift
/// let catalog = try Catalog.bundled()
/// let model = try catalog.model(id: "@cf/meta/llama-3.1-8b-instruct")
/// let embedders = catalog.models(for: .textEmbeddings)
/// ```
public struct Catalog: Sendable {
    /// Every model, sorted by id.
    public let models: [ModelSpec]
    /// The neuron price and free allocation.
    public let billing: Billing
    /// The pre-2025 character rule (figure from the project brief; see its `source`).
    public let legacyCharacterLimit: LegacyCharacterLimit
    /// Exact id → position in `models`.
    let positions: [String: Int]

    private static let bundledResult: Result<Catalog, CatalogError> = {
        do throws(CatalogError) {
            return .success(try Catalog(contentsOf: BundledResources.catalogDirectory.appendingPathComponent("models.json")))
        } catch {
            return .failure(error)
        }
    }()

    /// The catalog shipped with Preflight, decoded once and shared.
    public static func bundled() throws(CatalogError) -> Catalog {
        try bundledResult.get()
    }

    /// Loads a catalog file.
    /// - Complexity: O(n) in the file size.
    public init(contentsOf url: URL) throws(CatalogError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(file: url.path, reason: error.localizedDescription)
        }
        try self.init(data: data, file: url.lastPathComponent)
    }

    /// Decodes a catalog from bytes; `file` names it in error messages.
    /// - Complexity: O(n) in the size of `data`.
    public init(data: Data, file: String = "models.json") throws(CatalogError) {
        let document: CatalogDocument
        do {
            document = try JSONDecoder().decode(CatalogDocument.self, from: data)
        } catch let error as DecodingError {
            throw CatalogError(decoding: error, file: file)
        } catch {
            throw .malformed(file: file, jsonPointer: "", reason: "\(error)")
        }
        guard document.format == 1 else {
            throw .malformed(file: file, jsonPointer: "/format", reason: "format \(document.format) is not supported (expected 1)")
        }
        var positions: [String: Int] = [:]
        let sorted = document.models.sorted { $0.id < $1.id }.map { model in
            var model = model
            model.legacyCharacterLimit = document.legacyCharacterLimit
            return model
        }
        for (index, model) in sorted.enumerated() {
            if positions.updateValue(index, forKey: model.id) != nil {
                throw .duplicateModel(id: model.id, file: file)
            }
        }
        self.models = sorted
        self.billing = document.billing
        self.legacyCharacterLimit = document.legacyCharacterLimit
        self.positions = positions
    }

    /// The models that perform `task`, sorted by id.
    /// - Complexity: O(n) in the number of models.
    public func models(for task: ModelTask) -> [ModelSpec] {
        models.filter { $0.task == task }
    }
}

extension CatalogError {
    /// Turns a decoding error into `.malformed` with the JSON Pointer of the offending field.
    init(decoding error: DecodingError, file: String) {
        let (path, reason): ([any CodingKey], String) = switch error {
        case .typeMismatch(let type, let context): (context.codingPath, "expected \(type): \(context.debugDescription)")
        case .valueNotFound(let type, let context): (context.codingPath, "missing \(type) value: \(context.debugDescription)")
        case .keyNotFound(let key, let context): (context.codingPath + [key], "required field is missing")
        case .dataCorrupted(let context): (context.codingPath, context.debugDescription)
        @unknown default: ([], "\(error)")
        }
        self = .malformed(file: file, jsonPointer: JSONPointer.string(for: path), reason: reason)
    }
}

/// RFC 6901 JSON Pointers for decoding paths.
enum JSONPointer {
    /// `/models/12/pricing/items/0/usd` for a coding path; `~` and `/` escaped as `~0` and `~1`.
    static func string(for path: [any CodingKey]) -> String {
        path.map { key in
            let token = key.intValue.map(String.init) ?? key.stringValue
            return "/" + token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        }.joined()
    }
}
