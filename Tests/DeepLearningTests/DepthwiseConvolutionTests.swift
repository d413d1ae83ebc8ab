import DeepLearning
import Foundation
import Testing

// The depthwise convolution on a batch large enough to be split across threads, checked against
// the definition computed in Double: the output, the input gradient and the kernel gradient of
// `sum(output · weights)`. The layer tests' finite-difference checks use inputs too small to be
// split.

private struct DepthwiseCase {
    let batch = 24
    let height = 9
    let width = 8
    let channels = 5
    let kernelSize = 3
    let multiplier: Int

    var outputHeight: Int { height - kernelSize + 1 }
    var outputWidth: Int { width - kernelSize + 1 }
    var outputChannels: Int { channels * multiplier }

    func inputIndex(_ image: Int, _ row: Int, _ column: Int, _ channel: Int) -> Int {
        ((image * height + row) * width + column) * channels + channel
    }

    func outputIndex(_ image: Int, _ row: Int, _ column: Int, _ channel: Int) -> Int {
        ((image * outputHeight + row) * outputWidth + column) * outputChannels + channel
    }

    func kernelIndex(_ row: Int, _ column: Int, _ channel: Int, _ filter: Int) -> Int {
        ((row * kernelSize + column) * channels + channel) * multiplier + filter
    }
}

private func values(_ count: Int, seed: Double) -> [Float] {
    (0..<count).map { Float(Foundation.sin(Double($0) * 0.61 + seed)) }
}

@Test(arguments: [1, 2])
func depthwiseMatchesDefinition(multiplier: Int) {
    let setup = DepthwiseCase(multiplier: multiplier)
    let inputShape = [setup.batch, setup.height, setup.width, setup.channels]
    let kernelShape = [setup.kernelSize, setup.kernelSize, setup.channels, multiplier]
    let outputShape = [setup.batch, setup.outputHeight, setup.outputWidth, setup.outputChannels]
    let x = values(inputShape.reduce(1, *), seed: 0.3)
    let k = values(kernelShape.reduce(1, *), seed: 1.7)
    let w = values(outputShape.reduce(1, *), seed: 2.9)

    var expectedOutput = [Double](repeating: 0, count: w.count)
    var expectedInputGradient = [Double](repeating: 0, count: x.count)
    var expectedKernelGradient = [Double](repeating: 0, count: k.count)
    for image in 0..<setup.batch {
        for row in 0..<setup.outputHeight {
            for column in 0..<setup.outputWidth {
                for channel in 0..<setup.channels {
                    for filter in 0..<multiplier {
                        let out = setup.outputIndex(image, row, column, channel * multiplier + filter)
                        for r in 0..<setup.kernelSize {
                            for s in 0..<setup.kernelSize {
                                let input = setup.inputIndex(image, row + r, column + s, channel)
                                let kernel = setup.kernelIndex(r, s, channel, filter)
                                expectedOutput[out] += Double(x[input]) * Double(k[kernel])
                                expectedInputGradient[input] += Double(w[out]) * Double(k[kernel])
                                expectedKernelGradient[kernel] += Double(w[out]) * Double(x[input])
                            }
                        }
                    }
                }
            }
        }
    }

    let weights = Tensor(shape: outputShape, scalars: w)
    var output = Tensor(zeros: outputShape)
    let (_, gradients) = valueWithGradient(
        at: Tensor(shape: inputShape, scalars: x), Tensor(shape: kernelShape, scalars: k)
    ) { input, kernel in
        output = depthwiseConv2D(input, kernel: kernel)
        return (output * weights).sum()
    }

    func largestError(_ actual: Tensor, _ expected: [Double]) -> Double {
        zip(actual.scalars, expected).map { abs(Double($0) - $1) }.max()!
    }
    #expect(largestError(output, expectedOutput) < 1e-4)
    #expect(largestError(gradients.0, expectedInputGradient) < 1e-4)
    #expect(largestError(gradients.1, expectedKernelGradient) < 1e-3)
}
