import Foundation

extension Workload {
    /// Reads and validates a workload from JSON bytes; `file` names the source in messages.
    /// - Throws: `WorkloadError`, whose pointer names the offending field.
    public static func read(from bytes: [UInt8], file: String) throws(WorkloadError) -> Workload {
        do {
            return try JSONDecoder().decode(Workload.self, from: Data(bytes))
        } catch let failure as WorkloadFieldFailure {
            let pointer = JSONPointer(codingPath: failure.codingPath)
            switch failure.kind {
            case .unknownField(let allowed): throw .unknownField(file: file, pointer: pointer, allowed: allowed)
            case .invalid(let reason): throw .invalidValue(file: file, pointer: pointer, reason: reason)
            }
        } catch let error as DecodingError {
            throw WorkloadError(error, file: file)
        } catch {
            throw .malformedJSON(file: file, reason: String(describing: error))
        }
    }
}

extension WorkloadError {
    /// Translates Foundation's decoding error into a field-naming one.
    init(_ error: DecodingError, file: String) {
        switch error {
        case .keyNotFound(let key, let context):
            self = .missingField(file: file, pointer: JSONPointer(codingPath: context.codingPath + [key]))
        case .typeMismatch(let type, let context):
            self = .wrongType(file: file, pointer: JSONPointer(codingPath: context.codingPath), expected: Self.jsonName(of: type))
        case .valueNotFound(let type, let context):
            self = .wrongType(
                file: file, pointer: JSONPointer(codingPath: context.codingPath), expected: Self.jsonName(of: type) + ", not null")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let reason = (context.underlyingError.map { String(describing: $0) } ?? context.debugDescription)
                self = .malformedJSON(file: file, reason: reason.split(separator: "\n").first.map(String.init) ?? reason)
            } else {
                self = .invalidValue(file: file, pointer: JSONPointer(codingPath: context.codingPath), reason: context.debugDescription)
            }
        @unknown default:
            self = .malformedJSON(file: file, reason: String(describing: error))
        }
    }

    private static func jsonName(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is UInt64.Type: return "a whole number"
        case is Decimal.Type, is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is [Any].Type: return "an array"
        default: return "an object"
        }
    }
}
