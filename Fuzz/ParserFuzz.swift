// libFuzzer harness for the JSON parser, serialiser and reply extraction.
// Build and run with Fuzz/run.sh (compiles the module's JSON and extraction sources directly).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parser = JSONParser(limits: .init(maxDepth: 128, maxBytes: 1 << 20))
    if let value = try? parser.parse(bytes) {
        // Property: serialising and re-parsing gives an equal value.
        let text = JSONSerializer.bytes(from: value)
        guard let again = try? parser.parse(text), again == value else {
            fatalError("round trip failed for \(bytes)")
        }
    }
    _ = ReplyExtraction.extract(from: String(decoding: bytes, as: UTF8.self), repairs: [.trailingCommas])
    return 0
}
