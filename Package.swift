// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "redbook",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "redbook", targets: ["redbook"]),
        // Notebook programs link against this one shared library: the runtime with the compute
        // and plotting libraries inside it.
        .library(name: "RedbookNotebook", type: .dynamic, targets: ["NotebookRuntime"]),
        .library(name: "NotebookEngine", targets: ["NotebookEngine"]),
    ],
    targets: [
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas"),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo"),
        .systemLibrary(name: "CMark"),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib"),

        // Hot element-wise loops in C, built in one version per x86-64 vector width.
        .target(name: "CKernels"),

        .target(
            name: "DeepLearning", dependencies: ["CBLAS", "CZlib", "CKernels"],
            // Removing overflow and bounds checks lets the compiler vectorize the element-wise loops.
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]),
        .target(name: "Plot", dependencies: ["CCairo"]),
        .target(name: "NotebookEvents"),
        .target(name: "NotebookRuntime", dependencies: ["DeepLearning", "Plot", "NotebookEvents"]),
        .target(name: "NotebookEngine", dependencies: ["CMark", "CZlib", "NotebookEvents"]),
        .executableTarget(name: "redbook", dependencies: ["NotebookEngine"]),
        .executableTarget(name: "plot-gallery", dependencies: ["Plot"], path: "Examples/PlotGallery"),
        .executableTarget(name: "redbook-bench", dependencies: ["DeepLearning"], path: "Benchmarks/Swift"),
        .executableTarget(
            name: "fashion-mnist-example", dependencies: ["DeepLearning"], path: "Examples/FashionMNIST"),
        .executableTarget(
            name: "sequence-examples", dependencies: ["DeepLearning"], path: "Examples/SequenceExamples"),

        .testTarget(name: "DeepLearningTests", dependencies: ["DeepLearning"]),
        .testTarget(name: "PlotTests", dependencies: ["Plot"], resources: [.copy("Golden")]),
        .testTarget(name: "NotebookEngineTests", dependencies: ["NotebookEngine", "NotebookEvents"]),
    ],
    swiftLanguageModes: [.v5]
)
