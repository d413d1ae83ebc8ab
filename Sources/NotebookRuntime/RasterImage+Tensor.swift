import DeepLearning
import Plot

extension RasterImage {
    /// Creates an image from a tensor of shape `[height, width]` (a scalar field, drawn through a
    /// colormap), `[height, width, 1]`, or `[height, width, 3]` (RGB with samples in 0...1).
    ///
    /// Traps when the tensor has another shape, since that is a mistake in the calling cell.
    public init(_ tensor: Tensor) {
        let shape = tensor.shape
        switch shape.count {
        case 2:
            self.init(width: shape[1], height: shape[0], channels: 1, samples: tensor.scalars)
        case 3 where shape[2] == 1 || shape[2] == 3:
            self.init(width: shape[1], height: shape[0], channels: shape[2], samples: tensor.scalars)
        default:
            fatalError("RasterImage(tensor) expects shape [height, width], [height, width, 1] or "
                + "[height, width, 3], got \(shape); index one image out of a batch first")
        }
    }

    /// Returns one image per entry of the first axis of `batch` (shape `[count, height, width]` or
    /// `[count, height, width, channels]`).
    public static func images(_ batch: Tensor) -> [RasterImage] {
        (0..<batch.shape[0]).map { RasterImage(batch[$0]) }
    }
}
