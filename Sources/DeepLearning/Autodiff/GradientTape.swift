/// A recording scope for reverse-mode automatic differentiation, like TensorFlow's `GradientTape`.
///
/// Operations run inside ``record(_:)`` on tracked tensors are recorded. A tensor becomes tracked
/// by ``watch(_:)``, by being a layer ``Parameter`` read inside the recording, or by being computed
/// from tracked tensors. Afterwards ``gradient(of:withRespectTo:)`` returns gradients with
/// respect to any tracked tensor, including intermediate activations:
///
/// ```swift
/// let tape = GradientTape()
/// let image = tape.watch(x)
/// let (score, features) = tape.record {
///     let features = base(image)
///     return (head(features)[0, 3], features)
/// }
/// let featureGradient = tape.gradient(of: score, withRespectTo: features)
/// ```
///
/// Nothing is recorded outside a recording, so inference pays no autodiff cost.
public final class GradientTape {
    /// Leaves standing for parameters read during this recording, so repeated reads share one node.
    private var parameterLeaves: [ObjectIdentifier: Tensor] = [:]

    public init() {}

    /// Runs `body` with recording enabled and returns its result.
    public func record<Result>(_ body: () throws -> Result) rethrows -> Result {
        let state = ThreadState.current
        state.tapes.append(self)
        defer { state.tapes.removeLast() }
        return try body()
    }

    /// Returns a copy of `tensor` that is tracked: gradients with respect to it can be requested.
    public func watch(_ tensor: Tensor) -> Tensor {
        var leaf = tensor
        leaf.node = AutodiffNode(leafWithShape: tensor.shape)
        return leaf
    }

    /// Returns the tracked leaf for a parameter, creating it on first use in this recording.
    func leaf(for parameter: Parameter) -> Tensor {
        let key = ObjectIdentifier(parameter)
        if let existing = parameterLeaves[key] {
            return existing
        }
        let leaf = watch(parameter.storedValue)
        parameterLeaves[key] = leaf
        return leaf
    }

    /// Returns the gradient of `target` with respect to each source.
    ///
    /// A non-scalar target is treated as the sum of its scalars (the backward pass starts from a
    /// tensor of ones), as TensorFlow does. A source that `target` does not depend on gets zeros.
    public func gradient(of target: Tensor, withRespectTo sources: [Tensor]) -> [Tensor] {
        let sourceNodes = sources.map(\.node)
        let gradients = Backpropagation.run(from: target, to: sourceNodes)
        return zip(sources, gradients).map { source, gradient in
            gradient ?? Tensor(zeros: source.shape)
        }
    }

    /// Returns the gradient of `target` with respect to one source.
    public func gradient(of target: Tensor, withRespectTo source: Tensor) -> Tensor {
        gradient(of: target, withRespectTo: [source])[0]
    }

    /// Returns the gradient of `target` with respect to each parameter, or `nil` for a parameter that
    /// was not read during this recording or that `target` does not depend on.
    public func gradient(of target: Tensor, withRespectTo parameters: [Parameter]) -> [Tensor?] {
        let nodes = parameters.map { parameterLeaves[ObjectIdentifier($0)]?.node }
        return Backpropagation.run(from: target, to: nodes)
    }
}

/// The backward sweep shared by every gradient entry point.
enum Backpropagation {
    /// Sorts the graph under `target` once and sweeps it in reverse, accumulating gradients.
    static func run(from target: Tensor, to sources: [AutodiffNode?]) -> [Tensor?] {
        guard let root = target.node else {
            return sources.map { _ in nil }
        }
        // Pullbacks must not record themselves when the backward pass runs inside a recording.
        let state = ThreadState.current
        let pausedTapes = state.tapes
        state.tapes = []
        defer { state.tapes = pausedTapes }

        let order = topologicalOrder(from: root)
        var wanted = Set<ObjectIdentifier>()
        for case let node? in sources {
            wanted.insert(ObjectIdentifier(node))
        }

        var gradients: [ObjectIdentifier: Tensor] = [:]
        gradients[ObjectIdentifier(root)] = Tensor(ones: target.shape)

        for node in order.reversed() {
            let key = ObjectIdentifier(node)
            guard let upstream = wanted.contains(key) ? gradients[key] : gradients.removeValue(forKey: key)
            else { continue }
            if node.inputs.isEmpty { continue }

            let inputGradients = node.pullback(upstream)
            precondition(
                inputGradients.count == node.inputs.count,
                "\(node.op) pullback returned \(inputGradients.count) gradients for \(node.inputs.count) inputs")
            for (input, gradient) in zip(node.inputs, inputGradients) {
                guard let input, let gradient else { continue }
                precondition(
                    gradient.shape == input.shape,
                    "\(node.op) pullback: gradient shape \(gradient.shape) differs from input shape \(input.shape)")
                let inputKey = ObjectIdentifier(input)
                if gradients[inputKey] != nil {
                    gradients[inputKey]!.addInPlace(gradient)
                } else {
                    gradients[inputKey] = gradient.detached()
                }
            }
        }
        return sources.map { node in node.flatMap { gradients[ObjectIdentifier($0)] } }
    }

    /// Returns the nodes under `root`, each after all of its inputs, without recursion so deep graphs
    /// (long recurrent unrolls) cannot overflow the stack.
    private static func topologicalOrder(from root: AutodiffNode) -> [AutodiffNode] {
        var order: [AutodiffNode] = []
        var visited = Set<ObjectIdentifier>()
        var stack: [(node: AutodiffNode, nextInput: Int)] = [(root, 0)]
        visited.insert(ObjectIdentifier(root))
        while !stack.isEmpty {
            let (node, nextInput) = stack[stack.count - 1]
            if nextInput < node.inputs.count {
                stack[stack.count - 1].nextInput += 1
                if let input = node.inputs[nextInput], visited.insert(ObjectIdentifier(input)).inserted {
                    stack.append((input, 0))
                }
            } else {
                order.append(node)
                stack.removeLast()
            }
        }
        return order
    }
}

/// Returns `f(x)` and the gradient of `f` at `x`.
public func valueWithGradient(at x: Tensor, in f: (Tensor) -> Tensor) -> (value: Tensor, gradient: Tensor) {
    let (value, gradients) = valueWithGradient(at: [x]) { f($0[0]) }
    return (value, gradients[0])
}

/// Returns `f(x, y)` and its gradients with respect to `x` and `y`.
public func valueWithGradient(
    at x: Tensor, _ y: Tensor, in f: (Tensor, Tensor) -> Tensor
) -> (value: Tensor, gradient: (Tensor, Tensor)) {
    let (value, gradients) = valueWithGradient(at: [x, y]) { f($0[0], $0[1]) }
    return (value, (gradients[0], gradients[1]))
}

/// Returns `f(xs)` and its gradient with respect to each element of `xs`.
public func valueWithGradient(
    at xs: [Tensor], in f: ([Tensor]) -> Tensor
) -> (value: Tensor, gradients: [Tensor]) {
    let tape = GradientTape()
    let watched = xs.map { tape.watch($0) }
    let value = tape.record { f(watched) }
    return (value.detached(), tape.gradient(of: value, withRespectTo: watched))
}

/// Returns the gradient of `f` at `x`.
public func gradient(at x: Tensor, in f: (Tensor) -> Tensor) -> Tensor {
    valueWithGradient(at: x, in: f).gradient
}
