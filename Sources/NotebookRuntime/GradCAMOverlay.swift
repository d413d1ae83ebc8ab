import DeepLearning
import Plot

extension RasterImage {
    /// Returns an input image with its Grad-CAM map laid over it, for showing where a convnet looked.
    ///
    /// The image (`[height, width]`, `[height, width, 1]` or `[height, width, 3]`) is first enlarged
    /// `scale` times with nearest-neighbour sampling, so a 28×28 digit keeps crisp pixels under the
    /// smoothly upsampled map. The map (`[h, w]`, values in 0...1 as ``GradCAM`` returns them) is
    /// coloured over 0...1, not over its own range, so a weak map stays visibly weak.
    public static func gradCAMOverlay(
        image: Tensor, heatmap: Tensor, scale: Int = 4, colormap: Colormap = .jet, alpha: Double = 0.4
    ) -> RasterImage {
        precondition(heatmap.rank == 2, "gradCAMOverlay expects a [height, width] heatmap, got shape \(heatmap.shape)")
        precondition(scale >= 1, "gradCAMOverlay expects scale ≥ 1, got \(scale)")
        let base = RasterImage(image)
        let enlarged = base.resized(width: base.width * scale, height: base.height * scale, interpolation: .nearest)
        return enlarged.overlaying(
            heatmap: RasterImage(heatmap), colormap: colormap, alpha: alpha, valueRange: 0...1)
    }
}
