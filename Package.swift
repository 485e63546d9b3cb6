// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "lianbing",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lianbing", targets: ["lianbing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        // Only the server product: its client and TLS stay out, and tests and the benchmark speak WebSocket through swift-nio.
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        // lianbing-bench and the server tests name it directly (their HTTP and WebSocket clients); the server has it through Hummingbird.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        // Reads .xlsx imports (a workbook is a zip of XML parts); 0.9.20 is the release the mirrors carry.
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
    ],
    targets: [
        .target(name: "LianbingCore"),
        // Debian's libqrencode (apt libqrencode-dev); only LianbingFormats' QRCode calls it.
        .systemLibrary(
            name: "CQRencode", path: "Sources/CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]
        ),
        // Debian's libxlsxwriter (apt libxlsxwriter-dev); only LianbingFormats' WorkbookWriter calls it.
        .systemLibrary(
            name: "CXlsxWriter", path: "Sources/CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // Debian's cmark-gfm (apt libcmark-gfm-dev, libcmark-gfm-extensions-dev; pkg-config libcmark-gfm links both); only
        // LianbingFormats' MarkdownDocument calls it.
        .systemLibrary(
            name: "CCmarkGFM", path: "Sources/CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "LianbingFormats",
            dependencies: ["LianbingCore", "CQRencode", "CXlsxWriter", "CCmarkGFM", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(
            name: "LianbingStore",
            dependencies: [
                "LianbingCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "LianbingServer",
            dependencies: [
                "LianbingCore", "LianbingStore", "LianbingFormats",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Templates"), .copy("Public"), .copy("OpenAPI")]
        ),
        .target(
            name: "LianbingCLI",
            dependencies: [
                "LianbingCore", "LianbingStore", "LianbingFormats", "LianbingServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "lianbing", dependencies: ["LianbingCLI"]),
        // The WebSocket client the server tests and the benchmark speak to the contests' live screens with.
        .target(
            name: "LianbingSocketClient",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOWebSocket", package: "swift-nio"),
            ]
        ),
        // Benchmarks run on demand (`swift run -c release lianbing-bench bank`), never in the test command.
        .executableTarget(
            name: "lianbing-bench",
            dependencies: [
                "LianbingCore", "LianbingFormats", "LianbingStore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"), "LianbingSocketClient",
            ]
        ),
        // Reference/ holds the independent Python script whose output the statistics tests quote.
        .testTarget(
            name: "LianbingCoreTests",
            dependencies: ["LianbingCore", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Reference"]
        ),
        .testTarget(name: "LianbingFormatsTests", dependencies: ["LianbingFormats"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "LianbingStoreTests",
            dependencies: ["LianbingStore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "LianbingServerTests",
            dependencies: [
                "LianbingServer", "LianbingStore", "LianbingFormats",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                "LianbingSocketClient",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(name: "LianbingCLITests", dependencies: ["LianbingCLI", "LianbingStore"]),
    ],
    swiftLanguageModes: [.v6]
)
