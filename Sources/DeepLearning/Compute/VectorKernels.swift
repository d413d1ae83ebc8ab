// Explicit SIMD loops for the hottest element-wise kernels. Swift does not auto-vectorize loops
// with a conditional store or a reduction into memory, so these process 16 floats per step and
// finish the tail with scalar code.

typealias Float16Vector = SIMD16<Float>

@inline(__always)
func loadVector(_ pointer: UnsafePointer<Float>) -> Float16Vector {
    UnsafeRawPointer(pointer).loadUnaligned(as: Float16Vector.self)
}

@inline(__always)
func storeVector(_ vector: Float16Vector, _ pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: vector, as: Float16Vector.self)
}

enum VectorKernels {
    /// `out[r, u] = f(input[r, u] + bias[u])` for ReLU or identity `f`.
    @inline(__always)
    static func addBias(
        _ input: UnsafePointer<Float>, bias: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>,
        rows: Range<Int>, units: Int, relu: Bool
    ) {
        for row in rows {
            let source = input + row * units
            let target = out + row * units
            var unit = 0
            while unit + 16 <= units {
                var sum = loadVector(source + unit) + loadVector(bias + unit)
                if relu { sum = sum.replacing(with: 0, where: sum .< 0) }
                storeVector(sum, target + unit)
                unit += 16
            }
            while unit < units {
                let sum = source[unit] + bias[unit]
                target[unit] = relu ? Swift.max(sum, 0) : sum
                unit += 1
            }
        }
    }

    /// Masks `rows` of a `[rows, units]` gradient with the ReLU derivative (zero where the saved
    /// output is not positive) and adds the masked rows into `sums`, in one pass over the data.
    @inline(__always)
    static func reluMaskAddingColumnSums(
        gradient: UnsafePointer<Float>, output: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>,
        rows: Range<Int>, units: Int, sums: UnsafeMutablePointer<Float>
    ) {
        for row in rows {
            let base = row * units
            var unit = 0
            while unit + 16 <= units {
                let masked = loadVector(gradient + base + unit).replacing(with: 0, where: loadVector(output + base + unit) .<= 0)
                storeVector(masked, out + base + unit)
                storeVector(loadVector(sums + unit) + masked, sums + unit)
                unit += 16
            }
            while unit < units {
                let masked = output[base + unit] > 0 ? gradient[base + unit] : 0
                out[base + unit] = masked
                sums[unit] += masked
                unit += 1
            }
        }
    }

    /// `sums[u] += Σ_r matrix[r, u]` over `rows` rows.
    @inline(__always)
    static func addColumnSums(_ matrix: UnsafePointer<Float>, rows: Int, units: Int, into sums: UnsafeMutablePointer<Float>) {
        var unit = 0
        while unit + 16 <= units {
            var total = loadVector(sums + unit)
            for row in 0..<rows { total += loadVector(matrix + row * units + unit) }
            storeVector(total, sums + unit)
            unit += 16
        }
        while unit < units {
            var total = sums[unit]
            for row in 0..<rows { total += matrix[row * units + unit] }
            sums[unit] = total
            unit += 1
        }
    }
}
