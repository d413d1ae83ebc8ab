// Notebook cells `import NotebookRuntime` and get the compute and plotting libraries with it, and
// Foundation, so cells can call `exp`, `String(format:)` or `Date()` as any Swift program would.
@_exported import DeepLearning
@_exported import Foundation
@_exported import Plot
