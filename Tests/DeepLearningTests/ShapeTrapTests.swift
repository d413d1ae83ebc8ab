import DeepLearning
import Testing

// The library is built with -Ounchecked, which drops the standard precondition checks. These
// tests prove that a shape mistake still stops the program instead of reading out of bounds.
@Suite struct ShapeTrapTests {
    @Test func addingMismatchedShapesTraps() async {
        await #expect(processExitsWith: .failure) {
            let a = Tensor(zeros: [2, 3])
            let b = Tensor(zeros: [4, 5])
            _ = a + b
        }
    }

    @Test func matmulWithMismatchedInnerSizesTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = matmul(Tensor(zeros: [2, 3]), Tensor(zeros: [4, 5]))
        }
    }
}
