import Foundation

/// State that belongs to the calling thread: the stack of active gradient tapes and the random
/// generator. Keeping it per thread lets independent computations (for example tests running in
/// parallel) record and draw random numbers without disturbing each other. For a program that stays
/// on one thread it behaves as global state.
final class ThreadState {
    var tapes: [GradientTape] = []
    var generator = Xoshiro256StarStar(seed: RandomState.defaultSeed)

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { pointer in
            Unmanaged<ThreadState>.fromOpaque(pointer!).release()
        }
        precondition(status == 0, "ThreadState: pthread_key_create failed with status \(status)")
        return key
    }()

    /// The calling thread's state, created on first use.
    static var current: ThreadState {
        @inline(__always) get {
            if let pointer = pthread_getspecific(key) {
                return Unmanaged<ThreadState>.fromOpaque(pointer).takeUnretainedValue()
            }
            let state = ThreadState()
            pthread_setspecific(key, Unmanaged.passRetained(state).toOpaque())
            return state
        }
    }
}
