/// One recorded operation in the computation graph.
///
/// A node keeps its inputs' nodes (`nil` for constant inputs) and a pullback that maps the gradient
/// of the node's output to gradients of its inputs, in the same order. Nodes are owned by the tensors
/// that carry them, so a graph is freed as soon as its tensors are.
final class AutodiffNode {
    /// The operation's name, for error messages.
    let op: String

    /// The shape of the produced tensor; the upstream gradient passed to `pullback` has this shape.
    let shape: [Int]

    let inputs: [AutodiffNode?]

    /// Maps the upstream gradient to one gradient per input. Entries for constant inputs are `nil`
    /// and are not computed.
    let pullback: (Tensor) -> [Tensor?]

    init(op: String, shape: [Int], inputs: [AutodiffNode?], pullback: @escaping (Tensor) -> [Tensor?]) {
        self.op = op
        self.shape = shape
        self.inputs = inputs
        self.pullback = pullback
    }

    /// Creates a leaf: a watched tensor or a parameter, which has no inputs.
    init(leafWithShape shape: [Int]) {
        op = "leaf"
        self.shape = shape
        inputs = []
        pullback = { _ in [] }
    }
}

/// The stack of active recordings of the calling thread.
enum AutodiffContext {
    static var tapes: [GradientTape] {
        get { ThreadState.current.tapes }
        set { ThreadState.current.tapes = newValue }
    }

    /// The innermost active tape, or `nil` outside every recording.
    static var activeTape: GradientTape? { tapes.last }

    /// Whether an operation on these inputs must be recorded: some tape is recording and at least one
    /// input is tracked.
    @inline(__always)
    static func shouldRecord(_ a: Tensor) -> Bool {
        a.node != nil && !tapes.isEmpty
    }

    @inline(__always)
    static func shouldRecord(_ a: Tensor, _ b: Tensor) -> Bool {
        (a.node != nil || b.node != nil) && !tapes.isEmpty
    }

    static func shouldRecord(_ inputs: [Tensor]) -> Bool {
        !tapes.isEmpty && inputs.contains { $0.node != nil }
    }
}

extension Tensor {
    /// Returns `self` linked to a new node for `op` with the given inputs and pullback.
    ///
    /// Operations call it only after `AutodiffContext.shouldRecord` returned `true`, so inference
    /// allocates no nodes or closures.
    @inline(__always)
    func recorded(
        _ op: String, inputs: [Tensor], pullback: @escaping (Tensor) -> [Tensor?]
    ) -> Tensor {
        var result = self
        result.node = AutodiffNode(op: op, shape: shape, inputs: inputs.map(\.node), pullback: pullback)
        return result
    }
}
