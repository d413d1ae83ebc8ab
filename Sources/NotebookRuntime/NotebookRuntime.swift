// Notebook cells `import NotebookRuntime` and get the compute and plotting libraries with it.
@_exported import DeepLearning
@_exported import Plot
