import DeepLearning
import Foundation
import Testing

// The expected values are outputs of Keras 3.15.1 (JAX backend), printed by
// scripts/keras-recurrent-reference. Each tensor is sin(index + offset) / 2 over its row-major
// scalars: offset 0 for the input [2, 4, 2], 100 for the kernel, 200 for the recurrent kernel and
// 300 for the bias. Equal outputs mean equal gate order, equations, bias layout and masking.

private func pattern(_ shape: [Int], offset: Int) -> Tensor {
    let count = shape.reduce(1, *)
    return Tensor(shape: shape, scalars: (0..<count).map { Float(sin(Double($0 + offset)) / 2) })
}

private func kerasOutput(of layer: RecurrentLayer, mask: Tensor? = nil) throws -> [Float] {
    let input = pattern([2, 4, 2], offset: 0)
    try layer.prepare(forInputShape: [4, 2])
    layer.kernel!.value = pattern(layer.kernel!.shape, offset: 100)
    layer.recurrentKernel!.value = pattern(layer.recurrentKernel!.shape, offset: 200)
    layer.bias!.value = pattern(layer.bias!.shape, offset: 300)
    return layer.forward(input, mask: mask, training: false).scalars
}

private func expectKerasValues(_ actual: [Float], _ expected: [Float], _ label: String) {
    #expect(actual.count == expected.count, "\(label): \(actual.count) outputs, Keras has \(expected.count)")
    let worst = zip(actual, expected).map { Swift.abs($0 - $1) }.max() ?? .infinity
    #expect(worst < 2e-6, "\(label): largest difference from Keras \(worst)")
}

@Test func lstmEqualsKeras() throws {
    let expected: [Float] = [
        -0.1293540, -0.1144428, 0.0510885, -0.1956770, -0.1410217, 0.0833128,
        -0.0686492, -0.1401391, -0.0194929, -0.1547706, -0.1790524, 0.0114889,
        -0.1407823, -0.0998554, 0.0912558, -0.0649132, -0.1211632, -0.0009438,
        -0.1307924, -0.1663880, -0.0076647, -0.2245517, -0.1718261, 0.0850995,
    ]
    expectKerasValues(try kerasOutput(of: LSTM(3, returnSequences: true)), expected, "LSTM")
}

@Test func gruEqualsKeras() throws {
    let expected: [Float] = [
        -0.0476717, -0.0513407, -0.0053738, -0.2274438, -0.0809687, 0.1156551,
        -0.2867314, -0.1648556, 0.1025806, -0.1926939, -0.1575405, 0.0077972,
        -0.1803935, -0.0429561, 0.1121018, -0.2879674, -0.1402338, 0.1271461,
        -0.1958742, -0.1567408, 0.0076337, -0.2452948, -0.1281751, 0.0998467,
    ]
    expectKerasValues(try kerasOutput(of: GRU(3, returnSequences: true)), expected, "GRU")
}

@Test func simpleRNNEqualsKeras() throws {
    let expected: [Float] = [
        -0.3529602, -0.3337487, -0.0061928, -0.5310570, -0.2067092, 0.3495927,
        -0.5287175, -0.3376109, 0.2056699, -0.3705787, -0.3938346, -0.0607202,
        -0.5086715, -0.1980622, 0.3310816, -0.5500229, -0.3101701, 0.2653248,
        -0.3802796, -0.4078318, -0.0674211, -0.4741514, -0.2333855, 0.2528732,
    ]
    expectKerasValues(try kerasOutput(of: SimpleRNN(3, returnSequences: true)), expected, "SimpleRNN")
}

@Test func lstmGoBackwardsEqualsKeras() throws {
    let expected: [Float] = [
        -0.1168245, -0.1109984, 0.0258841, -0.0470149, -0.1206775, -0.0563719,
        -0.1591981, -0.1400664, 0.0567789, -0.2090463, -0.1840912, 0.0601879,
        -0.1455189, -0.1059181, 0.0993397, -0.1570660, -0.1610998, 0.0427818,
        -0.0660720, -0.1396481, -0.0417836, -0.1857845, -0.1582555, 0.0734795,
    ]
    expectKerasValues(try kerasOutput(of: LSTM(3, returnSequences: true, goBackwards: true)), expected, "LSTM backwards")
}

// Keras outputs zeros before the first data step and repeats the previous output at a padded step.
@Test func gruMaskEqualsKeras() throws {
    let mask = Tensor(shape: [2, 4], scalars: [0, 1, 1, 1, 1, 1, 0, 1])
    let expected: [Float] = [
        0.0000000, 0.0000000, 0.0000000, -0.2051349, -0.0509824, 0.1194787,
        -0.2758221, -0.1486322, 0.1052723, -0.1867653, -0.1488111, 0.0094310,
        -0.1803935, -0.0429561, 0.1121018, -0.2879674, -0.1402338, 0.1271461,
        -0.2879674, -0.1402338, 0.1271461, -0.2893166, -0.1237678, 0.1612670,
    ]
    expectKerasValues(try kerasOutput(of: GRU(3, returnSequences: true), mask: mask), expected, "masked GRU")
}

// Keras's Bidirectional outputs zeros at padded steps; its forward weights use offsets 100, 200
// and 300, its backward weights 400, 500 and 600.
@Test func bidirectionalMaskEqualsKeras() throws {
    let layer = Bidirectional(LSTM(3, returnSequences: true))
    try layer.prepare(forInputShape: [4, 2])
    for (index, parameter) in layer.parameters.enumerated() {
        parameter.value = pattern(parameter.shape, offset: 100 * (index + 1))
    }
    let mask = Tensor(shape: [2, 4], scalars: [0, 1, 1, 1, 1, 1, 0, 1])
    let output = layer.forward(pattern([2, 4, 2], offset: 0), mask: mask, training: false)
    let expected: [Float] = [
        0.0000000, 0.0000000, 0.0000000, 0.0000000, 0.0000000, 0.0000000,
        -0.1323322, -0.0933865, 0.0774136, 0.0378217, -0.1194765, -0.1995557,
        -0.0558186, -0.1204187, -0.0195478, 0.0777861, -0.0065247, -0.0896209,
        -0.1467458, -0.1688078, 0.0128218, 0.0388617, -0.0810898, -0.1258963,
        -0.1407823, -0.0998554, 0.0912558, 0.0151707, -0.1379048, -0.2073930,
        -0.0649132, -0.1211632, -0.0009438, 0.0485125, -0.0195854, -0.0862397,
        0.0000000, 0.0000000, 0.0000000, 0.0000000, 0.0000000, 0.0000000,
        -0.1943965, -0.1612447, 0.0924638, -0.0067622, -0.1224986, -0.1489384,
    ]
    expectKerasValues(output.scalars, expected, "masked Bidirectional")
}
