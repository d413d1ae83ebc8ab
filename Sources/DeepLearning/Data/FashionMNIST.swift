import Foundation

/// The Fashion-MNIST data set (Xiao, Rasul and Vollgraf, 2017): 70,000 grayscale 28×28 images of
/// clothing in 10 classes, 60,000 for training and 10,000 for testing.
///
/// Images load as `[N, 28, 28, 1]` tensors (channels-last, ready for `Conv2D` and for `Flatten`), with
/// pixel values scaled to [0, 1] by default or kept as 0...255. Labels are `[N]` tensors of class
/// indices 0...9 stored as `Float`.
public struct FashionMNIST {
    /// The folder where Debian's `dataset-fashion-mnist` package installs the files.
    public static let defaultDirectory = "/usr/share/datasets/fashion-mnist"

    /// English class names, by label.
    public static let classNames = [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ]

    /// Chinese class names, by label, as used in the course.
    public static let chineseClassNames = [
        "T恤/上衣", "裤子", "套头衫", "连衣裙", "外套",
        "凉鞋", "衬衫", "运动鞋", "包", "短靴",
    ]

    /// One split of the data.
    public struct Split {
        /// `[N, 28, 28, 1]` images.
        public var images: Tensor
        /// `[N]` class indices.
        public var labels: Tensor
    }

    public var train: Split
    public var test: Split

    /// Loads both splits.
    ///
    /// - Parameters:
    ///   - directory: The folder containing `{train,t10k}-{images-idx3,labels-idx1}-ubyte.gz`.
    ///   - normalized: Divide pixel values by 255 so they lie in [0, 1]; otherwise keep 0...255.
    /// - Throws: ``DataFileError`` naming the missing or invalid file.
    public init(directory: String = FashionMNIST.defaultDirectory, normalized: Bool = true) throws {
        train = try FashionMNIST.loadSplit(directory: directory, prefix: "train", normalized: normalized)
        test = try FashionMNIST.loadSplit(directory: directory, prefix: "t10k", normalized: normalized)
    }

    static func loadSplit(directory: String, prefix: String, normalized: Bool) throws -> Split {
        let hint = "install the Debian package dataset-fashion-mnist (scripts/setup does) or pass the folder that contains the files"
        let imagesPath = "\(directory)/\(prefix)-images-idx3-ubyte.gz"
        let labelsPath = "\(directory)/\(prefix)-labels-idx1-ubyte.gz"
        let images = try IDX.read(path: imagesPath, missingHint: hint)
        let labels = try IDX.read(path: labelsPath, missingHint: hint)
        guard images.shape.count == 3, images.shape[1] == 28, images.shape[2] == 28 else {
            throw DataFileError.invalidFormat(path: imagesPath, expected: "images of shape [N, 28, 28]", actual: "shape \(images.shape)")
        }
        guard labels.shape.count == 1, labels.shape[0] == images.shape[0] else {
            throw DataFileError.invalidFormat(
                path: labelsPath, expected: "\(images.shape[0]) labels", actual: "shape \(labels.shape)")
        }
        if let bad = labels.bytes.first(where: { $0 > 9 }) {
            throw DataFileError.invalidFormat(path: labelsPath, expected: "labels 0...9", actual: "label \(bad)")
        }
        let scale: Float = normalized ? 1 / 255 : 1
        var pixels = Tensor(zeros: [images.shape[0], 28, 28, 1])
        pixels.withUnsafeMutableBufferPointer { buffer in
            images.bytes.withUnsafeBufferPointer { bytes in
                for index in 0..<bytes.count { buffer[index] = Float(bytes[index]) * scale }
            }
        }
        return Split(images: pixels, labels: Tensor(shape: [labels.shape[0]], scalars: labels.bytes.map { Float($0) }))
    }
}
