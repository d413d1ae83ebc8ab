/// Reshapes each sample, keeping the batch axis: Keras's `Reshape(targetShape)`. One dimension of
/// the target may be -1.
public final class Reshape: InputShapeDeclaring {
    public var name: String
    public var builtInputShape: [Int]?
    public let targetShape: [Int]
    public let declaredInputShape: [Int]?

    public init(_ targetShape: [Int], inputShape: [Int]? = nil, name: String? = nil) {
        self.targetShape = targetShape
        self.name = name ?? LayerNames.unique("reshape")
        self.declaredInputShape = inputShape
    }

    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        let count = inputShape.reduce(1, *)
        let known = targetShape.filter { $0 != -1 }.reduce(1, *)
        let unknownCount = targetShape.filter { $0 == -1 }.count
        guard unknownCount <= 1, known > 0,
              unknownCount == 1 ? count % known == 0 : count == known
        else {
            throw ShapeError.invalidInput(
                layer: name, expected: "\(targetShape.map { $0 == -1 ? "any" : String($0) }) scalars' worth "
                    + "(target shape \(targetShape))", actual: inputShape)
        }
        return targetShape.map { $0 == -1 ? count / known : $0 }
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        input.reshaped(to: [input.shape[0]] + targetShape)
    }
}
