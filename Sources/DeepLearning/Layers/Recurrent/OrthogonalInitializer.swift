import Foundation

extension Tensor {
    /// Creates a matrix with orthonormal rows or columns, as Keras's `Orthogonal` initializer.
    ///
    /// A `[max(rows, columns), min(rows, columns)]` matrix of standard normal draws is factored as QR
    /// with the diagonal of R made positive. The result is Q times `gain`, transposed when there are
    /// fewer rows than columns. Leading axes of `shape` are folded into the rows.
    ///
    /// Orthonormal recurrent weights neither grow nor shrink the state at the start of training, so
    /// gradients through long sequences start out well scaled.
    public init(orthogonal shape: [Int], gain: Float = 1) {
        precondition(shape.count >= 2, "Tensor(orthogonal:): needs a shape of rank 2 or more, got \(shape)")
        let columns = shape[shape.count - 1]
        let rows = shape.reduce(1, *) / Swift.max(columns, 1)
        let (tall, narrow) = (Swift.max(rows, columns), Swift.min(rows, columns))

        // Column j of the tall matrix is draws[j * tall ..< (j + 1) * tall]. Modified Gram–Schmidt in
        // Double gives the Q of a QR factorization whose R has a positive diagonal.
        var generator = RandomState.generator
        var basis = (0..<(tall * narrow)).map { _ in Double(generator.nextNormal()) }
        RandomState.generator = generator
        for column in 0..<narrow {
            let current = column * tall
            for earlier in 0..<column {
                let previous = earlier * tall
                var projection = 0.0
                for index in 0..<tall { projection += basis[previous + index] * basis[current + index] }
                for index in 0..<tall { basis[current + index] -= projection * basis[previous + index] }
            }
            var norm = 0.0
            for index in 0..<tall { norm += basis[current + index] * basis[current + index] }
            let scale = 1 / Foundation.sqrt(Swift.max(norm, .leastNormalMagnitude))
            for index in 0..<tall { basis[current + index] *= scale }
        }

        var scalars = [Float](repeating: 0, count: rows * columns)
        for row in 0..<rows {
            for column in 0..<columns {
                // Q is [tall, narrow]; element (i, j) sits at basis[j * tall + i].
                let value = rows >= columns ? basis[column * tall + row] : basis[row * tall + column]
                scalars[row * columns + column] = gain * Float(value)
            }
        }
        self.init(shape: shape, scalars: scalars)
    }
}
