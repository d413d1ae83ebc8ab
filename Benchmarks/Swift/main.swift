if CommandLine.arguments.dropFirst().first == "lstm" { runLSTMBenchmark() }
print("todo")
