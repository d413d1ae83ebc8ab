// DeepLearning is compiled with -Ounchecked so that element-wise loops vectorize, and that mode
// drops the standard library's `precondition` and `preconditionFailure`. The library's shape and
// argument checks guard raw-pointer kernels, so a dropped check would turn a caller's mistake into
// silent memory corruption. These module-level versions shadow the standard ones inside the module
// and trap in every build mode.

/// Traps with `message` when `condition` is false, in every build mode, including -Ounchecked.
@inline(__always)
func precondition(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String = "",
    file: StaticString = #fileID, line: UInt = #line
) {
    if !condition() {
        fatalError(message(), file: file, line: line)
    }
}

/// Traps with `message`, in every build mode, including -Ounchecked.
@inline(__always)
func preconditionFailure(
    _ message: @autoclosure () -> String = "", file: StaticString = #fileID, line: UInt = #line
) -> Never {
    fatalError(message(), file: file, line: line)
}
