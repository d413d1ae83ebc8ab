/// Maps token ids to dense vectors, as Keras's `Embedding`: row `id` of a trainable
/// `[inputDim, outputDim]` table.
///
/// Input is a tensor of token ids stored as `Float` (for example `[batch, time]` from
/// `Tensor(paddedSequences:)`); the output appends an axis of `outputDim`. With `maskZero`, id 0
/// is padding: the layer emits a `[batch, time]` mask that ``Sequential`` hands to the following
/// layers, so recurrent layers skip padded steps, and id 0 must not be used for a real token.
public final class Embedding: MaskingLayer {
    public var name: String
    public var builtInputShape: [Int]?

    /// The vocabulary size: ids run from 0 to `inputDim - 1`.
    public let inputDim: Int
    /// The length of each vector.
    public let outputDim: Int
    /// Whether id 0 marks padding to be masked.
    public let maskZero: Bool
    public let embeddingsInitializer: Initializer

    /// The `[inputDim, outputDim]` table, created on build.
    public private(set) var embeddings: Parameter?

    /// Creates the layer. Keras draws the initial vectors uniformly from ±0.05.
    public init(
        inputDim: Int, outputDim: Int, maskZero: Bool = false,
        embeddingsInitializer: Initializer = .randomUniform(lowerBound: -0.05, upperBound: 0.05),
        name: String? = nil
    ) {
        precondition(inputDim > 0 && outputDim > 0, "Embedding: inputDim and outputDim must be positive, got \(inputDim) and \(outputDim)")
        precondition(inputDim <= 1 << 24, "Embedding: inputDim \(inputDim) exceeds 16,777,216, the largest id a Float holds exactly")
        self.inputDim = inputDim
        self.outputDim = outputDim
        self.maskZero = maskZero
        self.embeddingsInitializer = embeddingsInitializer
        self.name = name ?? LayerNames.unique("embedding")
    }

    public var parameters: [Parameter] { [embeddings].compactMap { $0 } }

    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        inputShape + [outputDim]
    }

    public func build(inputShape: [Int]) throws {
        embeddings = Parameter(name: "embeddings", value: embeddingsInitializer.makeTensor(shape: [inputDim, outputDim]))
    }

    public func forward(_ input: Tensor, training: Bool) -> Tensor {
        embeddingLookup(embeddings!.value, indices: input)
    }

    public func forward(_ input: Tensor, mask: Tensor?, training: Bool) -> Tensor {
        forward(input, training: training)
    }

    /// Returns `input != 0` as 1s and 0s when `maskZero` is set.
    public func outputMask(for input: Tensor, mask: Tensor?) -> Tensor? {
        guard maskZero else { return mask }
        return (input .!= 0).detached()
    }
}
