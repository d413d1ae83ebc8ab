import DeepLearning
import Foundation
import Testing

private func idxHeader(_ dimensions: [UInt32]) -> [UInt8] {
    var bytes: [UInt8] = [0, 0, 0x08, UInt8(dimensions.count)]
    for dimension in dimensions {
        bytes += [UInt8(dimension >> 24), UInt8((dimension >> 16) & 0xFF), UInt8((dimension >> 8) & 0xFF), UInt8(dimension & 0xFF)]
    }
    return bytes
}

@Test func idxParsesValidData() throws {
    let (shape, bytes) = try IDX.parse(idxHeader([2, 3]) + [1, 2, 3, 4, 5, 6])
    #expect(shape == [2, 3])
    #expect(bytes == [1, 2, 3, 4, 5, 6])
}

@Test func idxRejectsBadMagic() {
    #expect(throws: DataFileError.self) { try IDX.parse([1, 0, 8, 1, 0, 0, 0, 1, 7]) }
    #expect(throws: DataFileError.self) { try IDX.parse([0, 0, 0x0D, 1, 0, 0, 0, 1, 7]) }
}

@Test func idxRejectsTruncatedData() {
    do {
        _ = try IDX.parse(idxHeader([2, 3]) + [1, 2, 3], path: "short.idx")
        Issue.record("a truncated file was accepted")
    } catch let error as DataFileError {
        #expect(error.description.contains("truncated"))
        #expect(error.description.contains("short.idx"))
    } catch {
        Issue.record("unexpected error \(error)")
    }
    #expect(throws: DataFileError.self) { try IDX.parse([0, 0, 8, 2, 0, 0]) }
}

@Test func fashionMissingFileNamesPackage() {
    do {
        _ = try FashionMNIST(directory: "/nonexistent/fashion")
        Issue.record("loading from a missing folder succeeded")
    } catch let error as DataFileError {
        #expect(error.description.contains("/nonexistent/fashion/train-images-idx3-ubyte.gz"))
        #expect(error.description.contains("dataset-fashion-mnist"))
    } catch {
        Issue.record("unexpected error \(error)")
    }
}

@Test func fashionLoadsShapesAndRange() throws {
    guard FileManager.default.fileExists(atPath: FashionMNIST.defaultDirectory) else {
        Issue.record("Fashion-MNIST is missing; run scripts/setup")
        return
    }
    let data = try FashionMNIST()
    #expect(data.train.images.shape == [60_000, 28, 28, 1])
    #expect(data.test.labels.shape == [10_000])
    #expect(data.train.images.max().scalar <= 1)
    #expect(data.train.images.min().scalar >= 0)
    #expect(data.train.labels.max().scalar == 9)
    #expect(FashionMNIST.chineseClassNames[9] == "短靴")
    let raw = try FashionMNIST(normalized: false)
    #expect(raw.test.images.max().scalar == 255)
}

@Test func csvParsesHeaderAndColumns() throws {
    let table = try CSVTable(parsing: "a,\"b, quoted\",c\n1,2,3\n\n4,5.5,-6\n")
    #expect(table.columnNames == ["a", "b, quoted", "c"])
    #expect(table.rowCount == 2)
    #expect(try table.column("b, quoted").scalars == [2, 5.5])
    #expect(try table.columns(["c", "a"]).scalars == [3, 1, -6, 4])
    #expect(throws: TrainingError.self) { try table.column("d") }
}

@Test func csvRejectsBadValues() {
    #expect(throws: DataFileError.self) { try CSVTable(parsing: "a,b\n1,x\n") }
    #expect(throws: DataFileError.self) { try CSVTable(parsing: "a,b\n1,2,3\n") }
    #expect(throws: DataFileError.self) { try CSVTable(contentsOf: "/nonexistent.csv") }
}

@Test func oneHotEncodes() throws {
    let encoded = try oneHot(Tensor([2, 0]), classCount: 3)
    #expect(encoded.scalars == [0, 0, 1, 1, 0, 0])
    #expect(throws: TrainingError.self) { try oneHot(Tensor([3]), classCount: 3) }
}

@Test func normalizerUsesTrainingStatistics() throws {
    let train = Tensor([[1, 10], [3, 10]])
    let normalizer = try FeatureNormalizer(fitting: train)
    #expect(normalizer.mean.scalars == [2, 10])
    #expect(try normalizer(train).scalars == [-1, 0, 1, 0])
    #expect(try normalizer(Tensor([[5, 12]])).scalars == [3, 2])
    #expect(throws: TrainingError.self) { try normalizer(Tensor([[1, 2, 3]])) }
}

@Test func splitIsSeededAndDisjoint() throws {
    let x = Tensor(shape: [10, 1], scalars: (0..<10).map(Float.init))
    setSeed(3)
    let first = try trainValidationSplit(x, x, validationFraction: 0.3)
    setSeed(3)
    let second = try trainValidationSplit(x, x, validationFraction: 0.3)
    #expect(first.validation.x == second.validation.x)
    #expect(first.validation.x.shape == [3, 1])
    let all = Set(first.train.x.scalars + first.validation.x.scalars)
    #expect(all.count == 10)
}
