/// Marks the per-sample input shape at the start of a ``Sequential`` model, like `keras.Input`.
public struct Input {
    public let shape: [Int]

    public init(shape: [Int]) {
        self.shape = shape
    }
}

/// Builds the layer list of a ``Sequential`` model from statements.
@resultBuilder
public enum LayerBuilder {
    public enum Component {
        case layer(any Layer)
        case input([Int])
    }

    public static func buildExpression(_ layer: any Layer) -> [Component] { [.layer(layer)] }
    public static func buildExpression(_ input: Input) -> [Component] { [.input(input.shape)] }
    public static func buildBlock(_ components: [Component]...) -> [Component] { components.flatMap { $0 } }
    public static func buildArray(_ components: [[Component]]) -> [Component] { components.flatMap { $0 } }
    public static func buildOptional(_ component: [Component]?) -> [Component] { component ?? [] }
    public static func buildEither(first component: [Component]) -> [Component] { component }
    public static func buildEither(second component: [Component]) -> [Component] { component }
}

/// A linear stack of layers, each feeding the next: Keras's `Sequential`.
///
/// ```swift
/// let model = Sequential {
///     Input(shape: [28, 28, 1])
///     Conv2D(32, kernelSize: 3, activation: .relu)
///     MaxPooling2D(2)
///     Flatten()
///     Dense(10, activation: .softmax)
/// }
/// model.compile(optimizer: RMSprop(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
/// let history = try model.fit(x, y, epochs: 5, batchSize: 64)
/// ```
public final class Sequential {
    /// The model's name in summaries.
    public var name: String

    /// The layers, in order.
    public private(set) var layers: [any Layer]

    /// The per-sample input shape, known from `Input`, from `inputShape:` or from the first data seen.
    public private(set) var inputShape: [Int]?

    /// Set to `true` (for example by a callback) to stop ``fit`` after the current epoch.
    public var stopTraining = false

    /// The error from building with the declared input shape, reported by the first call that needs
    /// the layers (an initializer cannot throw from a result builder block).
    var buildError: Error?

    var optimizer: (any Optimizer)?
    var loss: Loss?
    var metrics: [Metric] = []

    /// Creates a model from layers. Giving `inputShape` builds every layer at once.
    public init(_ layers: [any Layer], inputShape: [Int]? = nil, name: String? = nil) {
        self.layers = layers
        self.name = name ?? LayerNames.unique("sequential")
        let inputShape = inputShape ?? (layers.first as? any InputShapeDeclaring)?.declaredInputShape
        if let inputShape {
            self.inputShape = inputShape
            do {
                try build(inputShape: inputShape)
            } catch {
                buildError = error
            }
        }
    }

    /// Creates a model from a block of layers, optionally starting with `Input(shape:)`.
    public convenience init(inputShape: [Int]? = nil, name: String? = nil, @LayerBuilder _ content: () -> [LayerBuilder.Component]) {
        var layers: [any Layer] = []
        var declaredShape = inputShape
        for component in content() {
            switch component {
            case .layer(let layer): layers.append(layer)
            case .input(let shape): declaredShape = shape
            }
        }
        self.init(layers, inputShape: declaredShape, name: name)
    }

    /// Appends a layer, building it if the model's input shape is known.
    public func add(_ layer: any Layer) throws {
        layers.append(layer)
        if let inputShape {
            try build(inputShape: inputShape)
        }
    }

    /// Builds every layer for a per-sample input shape and returns the model's output shape.
    @discardableResult
    public func build(inputShape: [Int]) throws -> [Int] {
        var shape = inputShape
        for layer in layers {
            shape = try layer.prepare(forInputShape: shape)
        }
        self.inputShape = inputShape
        buildError = nil
        return shape
    }

    /// The per-sample output shape of each layer. Requires a known input shape.
    public func outputShapes() throws -> [[Int]] {
        if let buildError { throw buildError }
        guard let inputShape else { return [] }
        var shape = inputShape
        return try layers.map { layer in
            shape = try layer.outputShape(for: shape)
            return shape
        }
    }

    /// Every weight of every layer, in layer order.
    public var parameters: [Parameter] { layers.flatMap(\.parameters) }

    /// The weights updated by the optimizer.
    public var trainableParameters: [Parameter] { parameters.filter(\.isTrainable) }

    /// The number of weight scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.scalarCount } }

    /// Checks a batch against the model's input shape, building the model on the first batch.
    func prepare(forBatch input: Tensor) throws {
        if let buildError { throw buildError }
        let sampleShape = Array(input.shape.dropFirst())
        guard input.rank >= 1 else {
            throw ShapeError.invalidInput(layer: name, expected: "a batch with a leading batch axis", actual: input.shape)
        }
        if let inputShape {
            guard sampleShape == inputShape else {
                throw ShapeError.invalidInput(layer: name, expected: ShapeError.format(inputShape), actual: sampleShape)
            }
            if layers.contains(where: { !$0.isBuilt }) {
                try build(inputShape: inputShape)
            }
        } else {
            try build(inputShape: sampleShape)
        }
    }

    /// Runs a batch through every layer. Call it inside a ``GradientTape`` recording to differentiate
    /// the output with respect to the input or the weights.
    public func callAsFunction(_ input: Tensor, training: Bool = false) throws -> Tensor {
        try prepare(forBatch: input)
        var output = input
        var mask: Tensor?
        for layer in layers {
            output = layer.forward(output, mask: &mask, training: training)
        }
        return output
    }

    /// Returns the output of every layer for a batch, in layer order, for visualizing activations.
    public func activations(_ input: Tensor, training: Bool = false) throws -> [Tensor] {
        try prepare(forBatch: input)
        var output = input
        var mask: Tensor?
        return layers.map { layer in
            output = layer.forward(output, mask: &mask, training: training)
            return output
        }
    }

    /// Returns a model sharing the first `count` layers (and their weights), for reading an
    /// intermediate activation as the output.
    public func prefix(_ count: Int) -> Sequential {
        precondition(count >= 0 && count <= layers.count, "prefix(_:): \(count) is not in 0...\(layers.count)")
        let model = Sequential(Array(layers.prefix(count)), name: "\(name)_prefix_\(count)")
        model.inputShape = inputShape
        return model
    }

    /// Returns a model sharing the layers from `start` on (and their weights).
    public func suffix(from start: Int) -> Sequential {
        precondition(start >= 0 && start <= layers.count, "suffix(from:): \(start) is not in 0...\(layers.count)")
        let model = Sequential(Array(layers[start...]), name: "\(name)_suffix_\(start)")
        if start == 0 {
            model.inputShape = inputShape
        } else if let shapes = try? outputShapes(), start - 1 < shapes.count {
            model.inputShape = shapes[start - 1]
        }
        return model
    }

    /// Returns the layer with the given name.
    public func layer(named name: String) -> (any Layer)? {
        layers.first { $0.name == name }
    }
}
