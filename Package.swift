// swift-tools-version: 6.1
// Preflight: count, check and cost prompts for Cloudflare Workers AI before sending them,
// and validate the JSON that comes back. See README.md for the tour.
import PackageDescription

let package = Package(
    name: "preflight",
    products: [
        .library(name: "PreflightTokenizer", targets: ["PreflightTokenizer"]),
        .library(name: "PreflightCatalog", targets: ["PreflightCatalog"]),
        .library(name: "PreflightForecast", targets: ["PreflightForecast"]),
        .library(name: "PreflightSchema", targets: ["PreflightSchema"]),
        .library(name: "PreflightClient", targets: ["PreflightClient"]),
        .executable(name: "preflight", targets: ["PreflightCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // C shims: one door to each C library.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),

        // Bundled data: vocabularies, the model catalog, licences, provenance.
        .target(
            name: "PreflightResources",
            path: "Resources",
            exclude: ["README.md"],
            sources: ["BundledResources.swift"],
            resources: [
                .copy("vocab"), .copy("catalog"), .copy("licenses"), .copy("SOURCES.json"),
            ]
        ),

        // Libraries, one concern each.
        .target(name: "PreflightTokenizer", dependencies: ["CICU"]),
        .target(name: "PreflightCatalog", dependencies: ["PreflightTokenizer", "PreflightResources"]),
        .target(name: "PreflightForecast", dependencies: ["PreflightCatalog"]),
        .target(name: "PreflightSchema", dependencies: ["CICU"], resources: [.copy("Metaschemas")]),
        .target(
            name: "PreflightClient",
            dependencies: [
                "CCurl", "PreflightCatalog", "PreflightSchema",
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")]
        ),

        // The `preflight` command line.
        .executableTarget(
            name: "PreflightCLI",
            dependencies: [
                "PreflightTokenizer", "PreflightCatalog", "PreflightForecast",
                "PreflightSchema", "PreflightClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Tests.
        .target(
            name: "PreflightTestSupport",
            dependencies: ["PreflightTokenizer"],
            path: "Tests/PreflightTestSupport"
        ),
        .testTarget(
            name: "PreflightTokenizerTests",
            dependencies: ["PreflightTokenizer", "PreflightCatalog", "PreflightTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "PreflightCatalogTests",
            dependencies: ["PreflightCatalog", "PreflightResources", "PreflightSchema", "PreflightTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "PreflightForecastTests",
            dependencies: ["PreflightForecast", "PreflightTestSupport"]
        ),
        .testTarget(
            name: "PreflightSchemaTests",
            dependencies: ["PreflightSchema", "PreflightTestSupport"]
        ),
        .testTarget(
            name: "PreflightClientTests",
            dependencies: [
                "PreflightClient", "PreflightCatalog", "PreflightSchema", "PreflightTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "PreflightCLITests",
            dependencies: ["PreflightTestSupport"]
        ),
    ]
)
