import Testing
import Plot
@Test func smoke() { #expect(true) }
