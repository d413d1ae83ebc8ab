import NotebookEngine
print(cmarkVersion())
