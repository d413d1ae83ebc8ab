/// Flattens each sample to one axis: `[batch, d1, d2, ...]` → `[batch, d1 × d2 × ...]`.
public final class Flatten: InputShapeDeclaring {
    public var name: String
    public var builtInputShape: [Int]?
    public let declaredInputShape: [Int]?

    public init(inputShape: [Int]? = nil, name: String? = nil) {
        self.name = name ?? LayerNames.unique("flatten")
        self.declaredInputShape = inputShape
    }

    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        if let builtInputShape, builtInputShape != inputShape {
            throw ShapeError.invalidInput(
                layer: name, expected: ShapeError.format(builtInputShape), actual: inputShape)
        }
        return [inputShape.reduce(1, *)]
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        input.reshaped(to: [input.shape[0], -1])
    }
}
