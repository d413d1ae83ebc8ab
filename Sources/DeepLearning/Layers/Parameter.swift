/// A trainable or non-trainable weight tensor owned by a layer (a kernel, a bias, a moving mean).
///
/// Reading ``value`` inside a ``GradientTape`` recording returns a tracked tensor, so gradients
/// flow to trainable parameters without explicit watching.
public final class Parameter {
    /// The weight's name within its layer (`kernel`, `bias`, `gamma`, `moving_mean`, ...).
    public let name: String

    /// Whether optimizers update this parameter. Non-trainable ones (moving statistics) are updated
    /// by their layer.
    public var isTrainable: Bool

    /// The penalty added to the training loss for this weight, if any.
    public var regularizer: Regularizer?

    var storedValue: Tensor

    /// Creates a parameter with an initial value.
    public init(name: String, value: Tensor, isTrainable: Bool = true, regularizer: Regularizer? = nil) {
        self.name = name
        self.storedValue = value.detached()
        self.isTrainable = isTrainable
        self.regularizer = regularizer
    }

    /// The current weights. Inside a recording a trainable parameter reads as a tracked leaf.
    public var value: Tensor {
        get {
            if isTrainable, let tape = AutodiffContext.activeTape {
                return tape.leaf(for: self)
            }
            return storedValue
        }
        set {
            precondition(
                newValue.shape == storedValue.shape,
                "Parameter \(name): new value has shape \(newValue.shape), expected \(storedValue.shape)")
            storedValue = newValue.detached()
        }
    }

    /// The shape of the weights.
    public var shape: [Int] { storedValue.shape }

    /// The number of scalars.
    public var scalarCount: Int { storedValue.scalarCount }

    /// Calls `body` with write access to the weights, for optimizers updating in place.
    func updateInPlace(_ body: (UnsafeMutablePointer<Float>, Int) -> Void) {
        storedValue.withUnsafeMutableBufferPointer { buffer in
            body(buffer.baseAddress!, buffer.count)
        }
    }
}

extension Tensor {
    /// Returns `output` linked to `inputs` through `pullback` when a recording is active and some
    /// input is tracked; otherwise returns `output` unchanged.
    ///
    /// This is the extension point for operations and layers with a hand-written gradient:
    /// `pullback` receives the gradient of the loss with respect to `output` (same shape) and returns
    /// one gradient per input, in order, each of that input's shape; it may return `nil` for an
    /// input that is not tracked. Operations used inside `pullback` are not recorded.
    public static func recordOperation(
        named name: String, output: Tensor, inputs: [Tensor],
        pullback: @escaping (_ upstream: Tensor) -> [Tensor?]
    ) -> Tensor {
        guard AutodiffContext.shouldRecord(inputs) else { return output }
        return output.detached().recorded(name, inputs: inputs, pullback: pullback)
    }
}
