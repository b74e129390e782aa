// swift-tools-version:6.0
// The module graph runs one way: each target uses only the targets listed below it.
import PackageDescription

let package = Package(
    name: "chonoi",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "chonoi", targets: ["chonoi"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // `chonoi serve` only (the Preview target); its manifest needs tools 6.2, ours stays 6.0.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Already in the graph through hummingbird; declared because Preview uses it directly
        // (a Service of its own, and cancelling live-reload streams on graceful shutdown).
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
    ],
    targets: [
        // floor 5: the command line
        .executableTarget(
            name: "chonoi",
            dependencies: [
                "Catalog", "Validation", "Site", "Exports", "Diagnostics", "VietnameseText", "Preview", "Platform",
                "History", "Scaffold",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // floor 4: `chonoi serve` — HTTP server, file watcher, incremental rebuild, live reload
        .target(
            name: "Preview",
            dependencies: [
                "Site", "Validation", "Catalog", "Diagnostics", "Platform", "Fingerprint",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // floor 3
        .target(name: "Validation", dependencies: ["Catalog", "Diagnostics", "VietnameseText", "Markdown", "Photos", "Registration", "Platform"]),
        // Running git: what changed since a revision (`check --changed`), when entries last changed.
        .target(name: "History", dependencies: ["Catalog"]),
        .target(
            name: "Site",
            dependencies: [
                "Catalog", "Search", "Registration", "Exports", "QRCode", "Markdown", "VietnameseText", "Diagnostics", "Platform", "Fingerprint", "Photos", "Gzip", "YAML",
                "Templates", .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // floor 2½ (uses Catalog; Validation and Site use it): the sellers' registration form,
        // /dang-ky/ — where submissions go and the data its page needs.
        .target(name: "Registration", dependencies: ["Catalog", "Diagnostics", "VietnameseText"]),
        // floor 2
        // Mustache templates compiled once, from swift-mustache's own parse, and rendered
        // without its per-tag look-ups; the library stays the reference and the fallback.
        .target(name: "Templates", dependencies: [.product(name: "Mustache", package: "swift-mustache")]),
        .target(name: "Search", dependencies: ["VietnameseText", "Fingerprint"]),
        // For partner platforms: the product feed and the open data (JSON, its schema, CSV).
        .target(name: "Exports", dependencies: ["Diagnostics", "Fingerprint"]),
        .target(name: "Catalog", dependencies: ["Diagnostics", "VietnameseText", "Platform", "YAML", "CText"]),
        // floor 1
        .target(name: "Diagnostics"),
        // YAML read from libyaml's events into a flat tree with positions (front matter, site.yml,
        // sectors.yml, the theme's strings.yml); no types guessed.
        .target(name: "YAML", dependencies: ["CYAML"]),
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),
        .target(name: "VietnameseText"),
        .target(name: "Markdown", dependencies: ["CCMark", "CMarkInlines"]),
        // Keeps cmark-gfm from clearing its table of inline characters under another thread's parse.
        .target(name: "CMarkInlines"),
        // Photos: libvips thumbnails, WebP/JPEG encoding, the image cache (like Zola's imageproc).
        .target(name: "Photos", dependencies: ["CPhotos"]),
        // Our own non-variadic C calls over libvips (Swift cannot call its variadic API).
        .target(name: "CPhotos", dependencies: ["CVips"]),
        .systemLibrary(name: "CVips", pkgConfig: "vips", providers: [.apt(["libvips-dev"])]),
        .systemLibrary(
            name: "CCMark",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // QR codes as SVG; libqrencode computes the matrix.
        .target(name: "QRCode", dependencies: ["CQREncode", "CQRMask"]),
        // libqrencode's mask choice, computed on 64-bit rows (a seventh of a build's CPU before).
        .target(name: "CQRMask", dependencies: ["CQREncode"]),
        .systemLibrary(
            name: "CQREncode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"]), .brew(["qrencode"])]
        ),
        // Deterministic gzip for `build --precompress`, through the system's zlib.
        .target(name: "Gzip", dependencies: ["CZlib"]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Stable fingerprints of bytes (asset names, index versions, ETags).
        .target(name: "Fingerprint"),
        // The files `chonoi init` writes (a new catalog, its CI files and the clerks' guide), embedded.
        .target(name: "Scaffold"),
        // The one place where Linux and macOS differ (system calls behind #if), and `Slots`, how
        // every parallel loop fills its results.
        .target(name: "Platform", dependencies: ["CPlatform"]),
        // floor 0
        .target(name: "CPlatform"),
        // UTF-8 validation of the content files, with AVX2 where the processor has it.
        .target(name: "CText"),
        .testTarget(name: "VietnameseTextTests", dependencies: ["VietnameseText"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "YAMLTests", dependencies: ["YAML"]),
        .testTarget(name: "CatalogTests", dependencies: ["Catalog", "Diagnostics"]),
        .testTarget(name: "ValidationTests", dependencies: ["Validation", "Catalog", "Diagnostics"]),
        .testTarget(name: "PhotosTests", dependencies: ["Photos", "SyntheticPhotos"]),
        // Realistic phone photos made at test time with the `vips` command, for the tests only.
        .target(name: "SyntheticPhotos", path: "Tests/SyntheticPhotos"),
        .testTarget(name: "SearchTests", dependencies: ["Search", "VietnameseText"]),
        .testTarget(name: "ExportsTests", dependencies: ["Exports", "QRCode", "CQREncode", "CQRMask"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Catalog", "Validation", "Templates", "Platform"]),
        .testTarget(name: "TemplatesTests", dependencies: ["Templates", .product(name: "Mustache", package: "swift-mustache")],
                    resources: [.copy("MustacheSpec")]),
        .testTarget(name: "RegistrationTests", dependencies: ["Registration", "Catalog", "Validation", "Diagnostics"]),
        .testTarget(name: "HistoryTests", dependencies: ["History", "Catalog"]),
        // Drives the real preview server on an ephemeral port with a raw HTTP/1.1 client.
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "Site", "Catalog", "Validation", "Diagnostics", "chonoi"],
                    resources: [.copy("Fixtures")]),
        // Runs the built `chonoi` executable on fixture trees, as a seller or CI would.
        .testTarget(name: "CommandLineTests", dependencies: ["chonoi", "SyntheticPhotos"], resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v5]
)
