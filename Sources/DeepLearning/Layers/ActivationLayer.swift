/// Applies an activation function as a separate layer.
public final class ActivationLayer: Layer, ActivatedLayer {
    public var name: String
    public var builtInputShape: [Int]?
    public let activation: Activation

    public init(_ activation: Activation, name: String? = nil) {
        self.activation = activation
        self.name = name ?? LayerNames.unique("activation")
    }

    public func outputShape(for inputShape: [Int]) throws -> [Int] { inputShape }

    public func forward(_ input: Tensor, training: Bool) -> Tensor { activation(input) }

    public func linearOutput(_ input: Tensor) -> Tensor { input }

    public var typeName: String { "Activation" }
}
