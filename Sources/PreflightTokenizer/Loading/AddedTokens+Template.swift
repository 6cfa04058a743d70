extension AddedTokens {
    /// The post-processor that adds `prefix` and `suffix` (special-token contents, such as
    /// `<|begin_of_text|>` or `[CLS]`/`[SEP]`) around every text, by their ids among these tokens.
    /// - Throws: `.unknownTemplateToken` naming `file` when a content is not one of these tokens.
    /// - Complexity: O(k) for k template tokens.
    func templateProcessor(
        prefix: [String], suffix: [String], file: String
    ) throws(TokenizerLoadingError) -> TemplateProcessor {
        func ids(_ contents: [String]) throws(TokenizerLoadingError) -> [TokenID] {
            var result: [TokenID] = []
            for content in contents {
                guard let id = id(of: content) else { throw .unknownTemplateToken(file: file, token: content) }
                result.append(id)
            }
            return result
        }
        return TemplateProcessor(prefix: try ids(prefix), suffix: try ids(suffix))
    }
}
