/// What a Workers AI model does, as the catalog's task slugs name it.
///
/// A closed set: the catalog file may only use these values, and `unknown` marks the models whose
/// task no source read states (the catalog says so rather than guessing).
public enum ModelTask: String, Sendable, Hashable, Codable, CaseIterable {
    case textGeneration = "text-generation"
    case textEmbeddings = "text-embeddings"
    case textClassification = "text-classification"
    case textToImage = "text-to-image"
    case textToSpeech = "text-to-speech"
    case automaticSpeechRecognition = "automatic-speech-recognition"
    case translation
    case summarization
    case imageToText = "image-to-text"
    case imageTextToText = "image-text-to-text"
    case imageClassification = "image-classification"
    case objectDetection = "object-detection"
    case unknown

    /// Whether the model's input is measured in tokens against a context window
    /// (text generation, embeddings, classification, image-text-to-text chat).
    public var takesTokenPrompt: Bool {
        switch self {
        case .textGeneration, .textEmbeddings, .textClassification, .imageTextToText: true
        default: false
        }
    }

    /// Whether the model writes tokens back (so `max_tokens` must fit in the window too).
    public var generatesTokens: Bool {
        self == .textGeneration || self == .imageTextToText
    }
}
