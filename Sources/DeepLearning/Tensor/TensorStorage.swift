/// A fixed-size buffer of `Float` scalars aligned to 64 bytes, shared between tensors until one of
/// them is mutated (copy-on-write is done by `Tensor`, which checks unique ownership).
final class TensorStorage {
    /// The number of scalars in the buffer.
    let count: Int

    /// The start of the buffer. It is valid for `count` scalars for the lifetime of the object.
    let pointer: UnsafeMutablePointer<Float>

    /// The alignment matches a cache line and the widest vector registers (AVX-512).
    static let alignment = 64

    /// Allocates an uninitialized buffer of `count` scalars.
    init(uninitializedCount count: Int) {
        precondition(count >= 0, "TensorStorage: negative scalar count \(count)")
        self.count = count
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: max(count, 1) * MemoryLayout<Float>.stride,
            alignment: TensorStorage.alignment)
        pointer = raw.bindMemory(to: Float.self, capacity: max(count, 1))
    }

    /// Allocates a buffer of `count` copies of `value`.
    convenience init(count: Int, repeating value: Float) {
        self.init(uninitializedCount: count)
        pointer.initialize(repeating: value, count: count)
    }

    /// Allocates a buffer holding a copy of `scalars`.
    convenience init<C: Collection>(copying scalars: C) where C.Element == Float {
        self.init(uninitializedCount: scalars.count)
        var index = 0
        for value in scalars {
            pointer[index] = value
            index += 1
        }
    }

    /// Returns a new buffer with the same scalars.
    func copy() -> TensorStorage {
        let result = TensorStorage(uninitializedCount: count)
        result.pointer.update(from: pointer, count: count)
        return result
    }

    deinit {
        UnsafeMutableRawPointer(pointer).deallocate()
    }
}
