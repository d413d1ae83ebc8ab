// Full runs of the course's sequence lessons, each compared with its baseline on the same split.
//
// Usage: swift run -c release sequence-examples [reviews] [weather] [poetry]
// With no argument all three run. Run it from the repository root so the course data is found.
import DeepLearning
import Foundation

let chosen = Set(CommandLine.arguments.dropFirst())
let known: Set = ["reviews", "weather", "poetry"]
if let unknown = chosen.subtracting(known).first {
    FileHandle.standardError.write("sequence-examples: unknown example '\(unknown)'; choose from reviews, weather, poetry\n".data(using: .utf8)!)
    exit(2)
}

do {
    if chosen.isEmpty || chosen.contains("reviews") { try runReviewSentiment() }
    if chosen.isEmpty || chosen.contains("weather") { try runWeatherForecast() }
    if chosen.isEmpty || chosen.contains("poetry") { try runPoetryGeneration() }
} catch {
    FileHandle.standardError.write("sequence-examples: \(error)\n".data(using: .utf8)!)
    exit(1)
}
