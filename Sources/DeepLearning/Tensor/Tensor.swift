/// An n-dimensional array of `Float` scalars in row-major order.
///
/// `Tensor` has value semantics: copies share one buffer until one of them is mutated, and only then
/// is the buffer copied. A tensor produced inside a ``GradientTape`` recording also carries a link to
/// the operation that produced it, so gradients can flow back through it.
public struct Tensor {
    /// The size of each axis, outermost first. A scalar tensor has the empty shape `[]`.
    public private(set) var shape: [Int]

    var storage: TensorStorage

    /// The recorded operation that produced this tensor, or `nil` when it is a constant.
    var node: AutodiffNode?

    /// Creates a tensor over an existing buffer. The buffer must hold exactly `shape.product` scalars.
    init(shape: [Int], storage: TensorStorage, node: AutodiffNode? = nil) {
        precondition(
            storage.count == Tensor.scalarCount(of: shape),
            "Tensor: shape \(shape) needs \(Tensor.scalarCount(of: shape)) scalars, buffer has \(storage.count)")
        self.shape = shape
        self.storage = storage
        self.node = node
    }

    /// Creates an uninitialized tensor. Callers must write every scalar before reading.
    init(uninitializedShape shape: [Int]) {
        self.init(shape: shape, storage: TensorStorage(uninitializedCount: Tensor.scalarCount(of: shape)))
    }

    /// Creates a tensor with the given shape and scalars in row-major order.
    ///
    /// Traps when the number of scalars does not match the shape.
    public init(shape: [Int], scalars: [Float]) {
        Tensor.checkShape(shape, op: "Tensor(shape:scalars:)")
        precondition(
            scalars.count == Tensor.scalarCount(of: shape),
            "Tensor(shape:scalars:): shape \(shape) needs \(Tensor.scalarCount(of: shape)) scalars, got \(scalars.count)")
        self.init(shape: shape, storage: TensorStorage(copying: scalars))
    }

    /// Creates a rank-1 tensor from an array.
    public init(_ scalars: [Float]) {
        self.init(shape: [scalars.count], scalars: scalars)
    }

    /// Creates a rank-2 tensor from rows of equal length.
    public init(_ rows: [[Float]]) {
        let columns = rows.first?.count ?? 0
        precondition(
            rows.allSatisfy { $0.count == columns },
            "Tensor(_ rows:): rows have different lengths \(rows.map(\.count))")
        self.init(shape: [rows.count, columns], scalars: rows.flatMap { $0 })
    }

    /// Creates a scalar (rank-0) tensor.
    public init(_ scalar: Float) {
        self.init(shape: [], storage: TensorStorage(count: 1, repeating: scalar))
    }

    /// Creates a tensor of the given shape filled with `value`.
    public init(shape: [Int], repeating value: Float) {
        Tensor.checkShape(shape, op: "Tensor(shape:repeating:)")
        self.init(shape: shape, storage: TensorStorage(count: Tensor.scalarCount(of: shape), repeating: value))
    }

    /// Creates a tensor of zeros.
    public init(zeros shape: [Int]) {
        self.init(shape: shape, repeating: 0)
    }

    /// Creates a tensor of ones.
    public init(ones shape: [Int]) {
        self.init(shape: shape, repeating: 1)
    }

    /// The number of axes.
    public var rank: Int { shape.count }

    /// The total number of scalars.
    public var scalarCount: Int { storage.count }

    /// The scalars in row-major order.
    public var scalars: [Float] {
        Array(UnsafeBufferPointer(start: storage.pointer, count: storage.count))
    }

    /// The only scalar of a tensor with one element. Traps for any other size.
    public var scalar: Float {
        precondition(scalarCount == 1, "Tensor.scalar: tensor of shape \(shape) has \(scalarCount) scalars, not 1")
        return storage.pointer[0]
    }

    /// Whether gradients can flow back through this tensor (it was produced inside a recording
    /// from a watched tensor or a layer parameter).
    public var isTracked: Bool { node != nil }

    /// Returns the same values with the link to the recorded computation removed, so no gradient
    /// flows back through the result.
    public func detached() -> Tensor {
        Tensor(shape: shape, storage: storage)
    }

    static func scalarCount(of shape: [Int]) -> Int {
        shape.reduce(1, *)
    }

    static func checkShape(_ shape: [Int], op: String) {
        precondition(shape.allSatisfy { $0 >= 0 }, "\(op): shape \(shape) has a negative dimension")
    }

    /// Makes the buffer uniquely owned before an in-place write and drops the autodiff link, because
    /// the mutated values are no longer the recorded ones.
    mutating func prepareForMutation() {
        if !isKnownUniquelyReferenced(&storage) {
            storage = storage.copy()
        }
        node = nil
    }

    /// Calls `body` with read access to the scalars.
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: storage.pointer, count: storage.count))
    }

    /// Calls `body` with write access to the scalars, copying the buffer first if it is shared.
    public mutating func withUnsafeMutableBufferPointer<R>(
        _ body: (UnsafeMutableBufferPointer<Float>) throws -> R
    ) rethrows -> R {
        prepareForMutation()
        return try body(UnsafeMutableBufferPointer(start: storage.pointer, count: storage.count))
    }
}

extension Tensor: Equatable {
    /// Two tensors are equal when their shapes and all scalars are equal.
    public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
        guard lhs.shape == rhs.shape else { return false }
        if lhs.storage === rhs.storage { return true }
        for index in 0..<lhs.scalarCount where lhs.storage.pointer[index] != rhs.storage.pointer[index] {
            return false
        }
        return true
    }
}

extension Tensor {
    /// Normalizes a possibly negative axis (`-1` is the last axis) and traps when it is out of range.
    func normalizedAxis(_ axis: Int, op: String) -> Int {
        let normalized = axis < 0 ? axis + rank : axis
        precondition(
            normalized >= 0 && normalized < Swift.max(rank, 1),
            "\(op): axis \(axis) is out of range for a tensor of shape \(shape)")
        return normalized
    }

    /// Row-major strides of `shape`.
    static func strides(of shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var running = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[axis] = running
            running *= shape[axis]
        }
        return strides
    }
}
