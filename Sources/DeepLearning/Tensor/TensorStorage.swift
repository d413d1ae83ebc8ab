import Foundation

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
        let byteCount = max(count, 1) * MemoryLayout<Float>.stride
        let raw = BufferCache.take(byteCount: byteCount)
            ?? UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: TensorStorage.alignment)
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
        let copied: Void? = scalars.withContiguousStorageIfAvailable { buffer in
            if let start = buffer.baseAddress {
                pointer.update(from: start, count: buffer.count)
            }
        }
        if copied == nil {
            var index = 0
            for value in scalars {
                pointer[index] = value
                index += 1
            }
        }
    }

    /// Returns a new buffer with the same scalars.
    func copy() -> TensorStorage {
        let result = TensorStorage(uninitializedCount: count)
        result.pointer.update(from: pointer, count: count)
        return result
    }

    deinit {
        let byteCount = max(count, 1) * MemoryLayout<Float>.stride
        if !BufferCache.give(UnsafeMutableRawPointer(pointer), byteCount: byteCount) {
            UnsafeMutableRawPointer(pointer).deallocate()
        }
    }
}

/// Keeps recently freed large buffers for reuse by size.
///
/// A training step allocates the same set of large buffers (activations, im2col patches, gradients)
/// on every batch. Without reuse each one is a fresh `mmap` whose pages fault in and are zeroed by
/// the kernel on first touch. With reuse, the steady state allocates nothing from the system. The
/// cache holds at most `capacity` bytes and only buffers of at least `minimumByteCount` bytes, which
/// `malloc` already serves from its own free lists.
enum BufferCache {
    static let minimumByteCount = 64 << 10
    static let capacity = 256 << 20

    private static let lock = NSLock()
    nonisolated(unsafe) private static var buffers: [Int: [UnsafeMutableRawPointer]] = [:]
    nonisolated(unsafe) private static var cachedByteCount = 0

    /// Returns a cached buffer of exactly `byteCount` bytes, or `nil`.
    static func take(byteCount: Int) -> UnsafeMutableRawPointer? {
        guard byteCount >= minimumByteCount else { return nil }
        lock.lock()
        defer { lock.unlock() }
        guard let buffer = buffers[byteCount]?.popLast() else { return nil }
        cachedByteCount -= byteCount
        return buffer
    }

    /// Keeps `buffer` for reuse and returns `true`, or returns `false` when the caller must free it.
    static func give(_ buffer: UnsafeMutableRawPointer, byteCount: Int) -> Bool {
        guard byteCount >= minimumByteCount else { return false }
        lock.lock()
        defer { lock.unlock() }
        guard cachedByteCount + byteCount <= capacity else { return false }
        buffers[byteCount, default: []].append(buffer)
        cachedByteCount += byteCount
        return true
    }
}
