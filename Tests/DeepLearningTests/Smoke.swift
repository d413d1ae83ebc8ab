import Testing
import DeepLearning
@Test func smoke() { #expect(true) }
