import Testing
import NotebookEngine
@Test func smoke() { #expect(true) }
