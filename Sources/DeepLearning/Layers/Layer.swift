import Foundation

/// A building block of a model: a function of one input tensor with its own weights.
///
/// Layers are reference types built lazily: the first call (or ``Sequential``'s build) passes the
/// per-sample input shape (without the batch axis) to ``build(inputShape:)``, which creates the
/// weights. Shapes in this protocol never include the batch axis; tensors passed to ``forward``
/// always do.
///
/// A new layer is one class implementing ``outputShape(for:)``, ``forward(_:training:)`` and, if it
/// has weights, ``build(inputShape:)`` and ``parameters``. A forward pass built from differentiable
/// tensor operations gets its gradient automatically; a hand-written gradient can be attached with
/// ``Tensor/recordOperation(named:output:inputs:pullback:)``.
public protocol Layer: AnyObject {
    /// The layer's name, unique within a program run (`dense`, `dense_1`, ...), as Keras names them.
    var name: String { get set }

    /// The per-sample input shape the layer was built for, or `nil` before it is built.
    var builtInputShape: [Int]? { get set }

    /// The layer's weights, trainable ones first.
    var parameters: [Parameter] { get }

    /// Creates the weights for inputs of the given per-sample shape. Called once, after
    /// ``outputShape(for:)`` accepted the shape.
    func build(inputShape: [Int]) throws

    /// Returns the per-sample output shape, or throws ``ShapeError`` when the layer cannot take
    /// inputs of this shape (wrong rank, or a size that differs from the one it was built for).
    func outputShape(for inputShape: [Int]) throws -> [Int]

    /// Computes the output for a batch. `training` selects training behaviour (dropout active, batch
    /// statistics in batch normalization). The input's shape has been validated.
    func forward(_ input: Tensor, training: Bool) -> Tensor

    /// The class name shown in summaries, as Keras shows it; the Swift type name by default.
    var typeName: String { get }
}

extension Layer {
    public var parameters: [Parameter] { [] }

    public func build(inputShape: [Int]) throws {}

    /// Whether the layer has created its weights.
    public var isBuilt: Bool { builtInputShape != nil }

    /// The parameters updated by optimizers.
    public var trainableParameters: [Parameter] { parameters.filter(\.isTrainable) }

    /// The total number of scalars in the layer's weights.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.scalarCount } }

    /// Validates a per-sample input shape and builds the layer on first use. Returns the output shape.
    @discardableResult
    public func prepare(forInputShape inputShape: [Int]) throws -> [Int] {
        let outputShape = try self.outputShape(for: inputShape)
        if builtInputShape == nil {
            try build(inputShape: inputShape)
            builtInputShape = inputShape
        }
        return outputShape
    }

    /// Applies the layer to a batch, building it first if needed.
    public func callAsFunction(_ input: Tensor, training: Bool = false) throws -> Tensor {
        guard input.rank >= 1 else {
            throw ShapeError.invalidInput(
                layer: name, expected: "a batch with a leading batch axis", actual: input.shape)
        }
        try prepare(forInputShape: Array(input.shape.dropFirst()))
        return forward(input, training: training)
    }

    /// The Swift type name, shown in summaries as Keras shows the class name.
    public var typeName: String { String(describing: type(of: self)) }
}

/// A layer that can declare the model's input shape, like Keras's `input_shape=` argument on the
/// first layer: `Sequential` uses it when the first layer declares one and no `Input` is given.
public protocol InputShapeDeclaring: Layer {
    /// The per-sample input shape given at construction, or `nil`.
    var declaredInputShape: [Int]? { get }
}

/// A shape that a layer or model cannot take, from data or configuration.
public enum ShapeError: Error, CustomStringConvertible, Equatable {
    /// The input shape does not fit the layer; shapes exclude the batch axis.
    case invalidInput(layer: String, expected: String, actual: [Int])

    public var description: String {
        switch self {
        case .invalidInput(let layer, let expected, let actual):
            return "layer '\(layer)' expected input of \(expected), but got per-sample shape "
                + "\(ShapeError.format(actual)); check the data's shape or the model's input shape"
        }
    }

    /// Formats a per-sample shape as Keras prints it, with `None` for the batch axis.
    static func format(_ shape: [Int]) -> String {
        "(" + (["None"] + shape.map(String.init)).joined(separator: ", ") + ")"
    }
}

/// Hands out Keras-style unique layer names: the first `dense`, then `dense_1`, `dense_2`, ...
public enum LayerNames {
    nonisolated(unsafe) private static var counts: [String: Int] = [:]
    private static let lock = NSLock()

    /// Returns the next unique name for `base`.
    public static func unique(_ base: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        let count = counts[base, default: 0]
        counts[base] = count + 1
        return count == 0 ? base : "\(base)_\(count)"
    }

    /// Starts numbering again, like Keras's `clear_session()`.
    public static func reset() {
        lock.lock()
        defer { lock.unlock() }
        counts = [:]
    }
}
