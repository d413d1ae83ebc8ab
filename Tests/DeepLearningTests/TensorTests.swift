import DeepLearning
import Testing

@Test func tensorInitShapeAndScalars() {
    let x = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    #expect(x.shape == [2, 3])
    #expect(x.rank == 2)
    #expect(x.scalarCount == 6)
    #expect(x.scalars == [1, 2, 3, 4, 5, 6])
    #expect(Tensor(zeros: [2, 2]).scalars == [0, 0, 0, 0])
    #expect(Tensor(ones: [3]).scalars == [1, 1, 1])
    #expect(Tensor([[1, 2], [3, 4]]).shape == [2, 2])
    #expect(Tensor(5).shape == [])
    #expect(Tensor(5).scalar == 5)
}

@Test func tensorCopyOnWrite() {
    var a = Tensor([1, 2, 3])
    let b = a
    a.withUnsafeMutableBufferPointer { $0[0] = 10 }
    #expect(a.scalars == [10, 2, 3])
    #expect(b.scalars == [1, 2, 3])
}

@Test func tensorReshapeInfersDimension() {
    let x = Tensor(shape: [2, 3, 4], repeating: 1)
    #expect(x.reshaped(to: [6, -1]).shape == [6, 4])
    #expect(x.flattened().shape == [24])
    #expect(x.expandingShape(at: 0).shape == [1, 2, 3, 4])
    #expect(x.expandingShape(at: -1).shape == [2, 3, 4, 1])
    #expect(Tensor(shape: [1, 3, 1], repeating: 0).squeezingShape().shape == [3])
}

@Test func tensorTransposeMatrix() {
    let x = Tensor([[1, 2, 3], [4, 5, 6]])
    let t = x.transposed()
    #expect(t.shape == [3, 2])
    #expect(t.scalars == [1, 4, 2, 5, 3, 6])
}

@Test func tensorTransposePermutation() {
    let x = Tensor(shape: [2, 3, 4], scalars: (0..<24).map(Float.init))
    let y = x.transposed(permutation: [2, 0, 1])
    #expect(y.shape == [4, 2, 3])
    // y[k, i, j] = x[i, j, k] = 12i + 4j + k.
    #expect(y[1, 1, 2].scalar == 12 + 8 + 1)
    #expect(y.transposed(permutation: [1, 2, 0]) == x)
}

@Test func tensorIndexingAndSlicing() {
    let x = Tensor(shape: [4, 3], scalars: (0..<12).map(Float.init))
    #expect(x[1].scalars == [3, 4, 5])
    #expect(x[-1].scalars == [9, 10, 11])
    #expect(x[1, 2].scalar == 5)
    #expect(x[1..<3].shape == [2, 3])
    #expect(x[1..<3].scalars == [3, 4, 5, 6, 7, 8])
    #expect(x[..<1].scalars == [0, 1, 2])
    #expect(x[3...].scalars == [9, 10, 11])
    #expect(x.slice(1..<3, alongAxis: 1).scalars == [1, 2, 4, 5, 7, 8, 10, 11])
    #expect(x.select(0, alongAxis: 1).scalars == [0, 3, 6, 9])
    #expect(x.gathering(atIndices: [3, 0]).scalars == [9, 10, 11, 0, 1, 2])
}

@Test func tensorConcatenateAndStack() {
    let a = Tensor([[1, 2], [3, 4]])
    let b = Tensor([[5, 6]])
    #expect(Tensor(concatenating: [a, b]).scalars == [1, 2, 3, 4, 5, 6])
    let c = Tensor([[7], [8]])
    let joined = Tensor(concatenating: [a, c], alongAxis: 1)
    #expect(joined.shape == [2, 3])
    #expect(joined.scalars == [1, 2, 7, 3, 4, 8])
    let stacked = Tensor(stacking: [Tensor([1, 2]), Tensor([3, 4])], alongAxis: 1)
    #expect(stacked.shape == [2, 2])
    #expect(stacked.scalars == [1, 3, 2, 4])
}

@Test func tensorBroadcastingArithmetic() {
    let x = Tensor([[1, 2, 3], [4, 5, 6]])
    let row = Tensor([10, 20, 30])
    let column = Tensor([[1], [2]])
    #expect((x + row).scalars == [11, 22, 33, 14, 25, 36])
    #expect((x * column).scalars == [1, 2, 3, 8, 10, 12])
    #expect((x - 1).scalars == [0, 1, 2, 3, 4, 5])
    #expect((2 / Tensor([1, 4])).scalars == [2, 0.5])
    #expect((-x).scalars == [-1, -2, -3, -4, -5, -6])
    let outer = Tensor([[1], [2]]) * Tensor([[1, 10]])
    #expect(outer.shape == [2, 2])
    #expect(outer.scalars == [1, 10, 2, 20])
    let threeD = Tensor(shape: [2, 1, 3], repeating: 1) + Tensor(shape: [4, 1], scalars: [0, 1, 2, 3])
    #expect(threeD.shape == [2, 4, 3])
    #expect(threeD[1, 2].scalars == [3, 3, 3])
}

@Test func tensorComparisons() {
    let x = Tensor([1, 2, 3])
    #expect((x .> 1.5).scalars == [0, 1, 1])
    #expect((x .<= 2).scalars == [1, 1, 0])
    #expect((x .== Tensor([1, 0, 3])).scalars == [1, 0, 1])
}

@Test func tensorReductions() {
    let x = Tensor([[1, 5, 3], [4, 2, 6]])
    #expect(x.sum().scalar == 21)
    #expect(x.sum(alongAxes: 0).scalars == [5, 7, 9])
    #expect(x.sum(alongAxes: 1, keepingDimensions: true).shape == [2, 1])
    #expect(x.mean(alongAxes: 1).scalars == [3, 4])
    #expect(x.max(alongAxes: 1).scalars == [5, 6])
    #expect(x.min(alongAxes: 0).scalars == [1, 2, 3])
    #expect(x.argmax(alongAxis: 1).scalars == [1, 2])
    #expect(x.argmax() == 5)
    #expect(x.mean().scalar == 3.5)
}

@Test func tensorMatmulMatchesNaive() {
    let a = GradientCheck.random([5, 7], seed: 3)
    let b = GradientCheck.random([7, 4], seed: 4)
    let product = matmul(a, b)
    #expect(product.shape == [5, 4])
    var naive = [Float](repeating: 0, count: 20)
    for i in 0..<5 { for j in 0..<4 { for k in 0..<7 { naive[i * 4 + j] += a.scalars[i * 7 + k] * b.scalars[k * 4 + j] } } }
    #expect(product.isAlmostEqual(to: Tensor(shape: [5, 4], scalars: naive), tolerance: 1e-5))
    let batched = matmul(a.reshaped(to: [5, 1, 7]), b)
    #expect(batched.shape == [5, 1, 4])
}

@Test func tensorActivations() {
    let x = Tensor([-2, 0, 3])
    #expect(relu(x).scalars == [0, 0, 3])
    #expect(sigmoid(Tensor([0])).scalars == [0.5])
    #expect(leakyRelu(x, alpha: 0.1).scalars == [-0.2, 0, 3])
    let probabilities = softmax(Tensor([[1, 2, 3], [1000, 1000, 1000]]))
    #expect(probabilities.sum(alongAxes: 1).isAlmostEqual(to: Tensor([1, 1])))
    #expect(probabilities[1].isAlmostEqual(to: Tensor([1.0 / 3, 1.0 / 3, 1.0 / 3])))
    let logProbabilities = logSoftmax(Tensor([[1, 2, 3]]))
    #expect(exp(logProbabilities).isAlmostEqual(to: softmax(Tensor([[1, 2, 3]]))))
    #expect(Tensor([-5, 0.5, 5]).clipped(min: 0, max: 1).scalars == [0, 0.5, 1])
}

@Test func tensorDescriptionLikeNumPy() {
    #expect(Tensor([[1, 2], [3, 4]]).description == "[[1. 2.]\n [3. 4.]]")
    #expect(Tensor([0.5, 1.25]).description == "[0.50 1.25]")
    #expect(Tensor(3).description == "3.")
    let big = Tensor(shape: [2000], repeating: 0)
    #expect(big.description == "[0. 0. 0. ... 0. 0. 0.]")
}

@Test func randomSeedReproducible() {
    setSeed(123)
    let first = Tensor(randomNormal: [100])
    setSeed(123)
    let second = Tensor(randomNormal: [100])
    #expect(first == second)
    let mean = first.mean().scalar
    #expect(Swift.abs(mean) < 0.3)
    let uniform = Tensor(randomUniform: [1000], lowerBound: 2, upperBound: 3)
    #expect(uniform.min().scalar >= 2)
    #expect(uniform.max().scalar < 3)
}

@Test func matmulSplitPathsMatchNaive() {
    // Shapes large enough to be split across threads by rows, by columns and by the inner
    // dimension, each with and without stored transposes.
    let cases: [(m: Int, n: Int, k: Int)] = [(300, 100, 200), (50, 400, 200), (40, 30, 3000)]
    for (index, shape) in cases.enumerated() {
        for transposeA in [false, true] {
            for transposeB in [false, true] {
                let a = GradientCheck.random(transposeA ? [shape.k, shape.m] : [shape.m, shape.k], seed: UInt64(10 + index))
                let b = GradientCheck.random(transposeB ? [shape.n, shape.k] : [shape.k, shape.n], seed: UInt64(20 + index))
                let product = BLAS.multiply(a, b, transposeA: transposeA, transposeB: transposeB)
                let (x, y) = (a.scalars, b.scalars)
                var worst = 0.0
                for i in 0..<shape.m {
                    for j in 0..<shape.n {
                        var total = 0.0
                        for p in 0..<shape.k {
                            let left = transposeA ? x[p * shape.m + i] : x[i * shape.k + p]
                            let right = transposeB ? y[j * shape.k + p] : y[p * shape.n + j]
                            total += Double(left) * Double(right)
                        }
                        worst = Swift.max(worst, Swift.abs(total - Double(product.scalars[i * shape.n + j])))
                    }
                }
                // Float32 sums of up to 3,000 products of values in [-1, 1] stay within 1e-3.
                #expect(worst < 1e-3, "shape \(shape) transposeA \(transposeA) transposeB \(transposeB): error \(worst)")
            }
        }
    }
}
