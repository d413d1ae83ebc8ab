@_exported import DeepLearning
@_exported import Plot
import NotebookEvents
