/// The checks that apply to an image model's request: the prompt's length and the number of steps,
/// where the model's docs state bounds.
public struct ImagePromptCheck: Sendable, Equatable {
    /// The model checked.
    public let modelID: String
    /// Whether every documented bound holds.
    public let fits: Bool
    /// The prompt's length in Unicode scalars (JSON Schema `maxLength` counts code points).
    public let characterCount: Int
    /// The documented cap on the prompt's length, if any.
    public let maxCharacters: Int?
    /// The steps requested, or the default when none was requested.
    public let steps: Int?
    /// The documented maximum of steps, if any.
    public let maxSteps: Int?
    /// What is wrong, or what was assumed.
    public let warnings: [String]
}

extension ModelSpec {
    /// Checks an image model's prompt length and step count against the bounds its docs state.
    ///
    /// Returns `nil` for token models (use `check(_:maxTokens:)`) and when the catalog records no
    /// bound for this model (nothing to check).
    /// - Complexity: O(n) in the prompt's length.
    public func checkImagePrompt(_ prompt: String, steps requested: Int? = nil) -> ImagePromptCheck? {
        guard !task.takesTokenPrompt, inputLimits.promptMaxCharacters != nil || inputLimits.steps != nil else { return nil }
        var warnings: [String] = []
        var fits = true
        let characters = prompt.unicodeScalars.count
        if let cap = inputLimits.promptMaxCharacters {
            if characters > cap.value {
                fits = false
                warnings.append("prompt has \(characters) characters; \(id) accepts at most \(cap.value) (\(cap.source)); cut \(characters - cap.value)")
            }
            if characters == 0 {
                fits = false
                warnings.append("prompt is empty; \(id) needs at least 1 character")
            }
        }
        var steps = requested
        if let limits = inputLimits.steps {
            if requested == nil {
                steps = limits.default
                warnings.append("\(limits.parameter) not given: the default of \(limits.default) applies")
            } else if let requested, requested > limits.maximum || requested < 1 {
                fits = false
                warnings.append("\(limits.parameter) \(requested) is outside 1...\(limits.maximum) (\(limits.source))")
            }
        }
        warnings += lifecycleWarnings()
        return ImagePromptCheck(
            modelID: id, fits: fits, characterCount: characters, maxCharacters: inputLimits.promptMaxCharacters?.value,
            steps: steps, maxSteps: inputLimits.steps?.maximum, warnings: warnings)
    }
}
