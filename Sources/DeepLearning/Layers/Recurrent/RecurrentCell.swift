/// The recurrence a fused recurrent kernel runs, with Keras's gate layout.
///
/// Gates are the column blocks of the kernel `[inputSize, gateCount × units]`, the recurrent kernel
/// `[units, gateCount × units]` and the bias, in this order:
/// - `simple`: one block, `h = activation(x·W + h₋₁·U + b)`.
/// - `lstm`: i, f, c, o (input, forget, candidate, output).
/// - `gru`: z, r, h (update, reset, candidate), with the reset gate applied after the recurrent
///   product (Keras's `reset_after=True`) and a second bias row for the recurrent side.
enum RecurrentCell: Equatable {
    case simple(Activation)
    case lstm
    case gru

    /// The number of column blocks in the kernels.
    var gateCount: Int {
        switch self {
        case .simple: return 1
        case .lstm: return 4
        case .gru: return 3
        }
    }

    /// The number of state tensors carried between timesteps (h, and c for the LSTM).
    var stateCount: Int {
        self == .lstm ? 2 : 1
    }

    /// The bias shape: one row of gate biases, two for the GRU (input side, recurrent side).
    func biasShape(units: Int) -> [Int] {
        self == .gru ? [2, gateCount * units] : [gateCount * units]
    }
}

/// The derivative of a simple recurrent cell's activation, written in terms of its output `y`.
@inline(__always)
func activationDerivative(_ activation: Activation, output y: Float) -> Float {
    switch activation {
    case .tanh: return 1 - y * y
    case .sigmoid: return y * (1 - y)
    case .relu: return y > 0 ? 1 : 0
    case .linear: return 1
    default: preconditionFailure("SimpleRNN: activation \(activation.name) is not supported; use tanh, sigmoid, relu or linear")
    }
}

/// Applies a simple recurrent cell's activation in place.
func applyActivation(_ activation: Activation, to values: UnsafeMutablePointer<Float>, count: Int) {
    switch activation {
    case .tanh: VectorMath.tanh(values, into: values, count: count)
    case .sigmoid: VectorMath.sigmoid(values, into: values, count: count)
    case .relu: for index in 0..<count where values[index] < 0 { values[index] = 0 }
    case .linear: break
    default: preconditionFailure("SimpleRNN: activation \(activation.name) is not supported; use tanh, sigmoid, relu or linear")
    }
}
