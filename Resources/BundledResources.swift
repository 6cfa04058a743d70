import Foundation

/// The files Preflight ships: tokenizer vocabularies, the Workers AI model catalog, licence texts
/// and `SOURCES.json` (where each file came from, its version, sha256 and licence).
///
/// Only this target knows where the bundle lives; the engine loads from URLs or bytes.
public enum BundledResources {
    /// The folder holding the vocabulary files, by their published names.
    public static var vocabularyDirectory: URL { root.appendingPathComponent("vocab", isDirectory: true) }
    /// The folder holding the model catalog (`models.json`).
    public static var catalogDirectory: URL { root.appendingPathComponent("catalog", isDirectory: true) }
    /// The folder holding licence texts, one per upstream licence.
    public static var licenseDirectory: URL { root.appendingPathComponent("licenses", isDirectory: true) }
    /// `SOURCES.json`: provenance and sha256 of every shipped file.
    public static var sourcesManifest: URL { root.appendingPathComponent("SOURCES.json") }

    /// A file under the bundle root, by its relative path (for example `vocab/o200k_base.tiktoken`).
    public static func url(forRelativePath path: String) -> URL {
        root.appendingPathComponent(path)
    }

    private static var root: URL { Bundle.module.resourceURL ?? Bundle.module.bundleURL }
}
