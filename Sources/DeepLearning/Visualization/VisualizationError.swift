/// A visualization asked of a model that cannot provide it, such as Grad-CAM on a model without a
/// convolution or a filter index past the layer's channel count.
public enum VisualizationError: Error, CustomStringConvertible, Equatable {
    /// No layer of the model has the requested name.
    case unknownLayer(name: String, available: [String])
    /// The model has no layer that produces spatial feature maps where one is needed.
    case noConvolutionLayer(model: String)
    /// The chosen layer's output is not a `[batch, height, width, channels]` feature map.
    case notAFeatureMap(layer: String, shape: [Int])
    /// A channel or class index outside the layer's or model's range.
    case indexOutOfRange(what: String, index: Int, count: Int)
    /// The model's input shape is unknown, so no starting image can be made.
    case unbuiltModel(model: String)
    /// The image does not have the model's per-sample input shape.
    case imageShape(expected: [Int], actual: [Int])

    public var description: String {
        switch self {
        case let .unknownLayer(name, available):
            return "no layer named '\(name)'; the model has \(available.joined(separator: ", ")); "
                + "pass one of these names"
        case let .noConvolutionLayer(model):
            return "model '\(model)' has no Conv2D or SeparableConv2D layer; Grad-CAM needs a "
                + "convolutional feature map, so name a layer whose output is [height, width, channels]"
        case let .notAFeatureMap(layer, shape):
            return "layer '\(layer)' outputs per-sample shape \(shape), not [height, width, channels]; "
                + "choose a convolution or pooling layer"
        case let .indexOutOfRange(what, index, count):
            return "\(what) \(index) is out of range: expected 0..<\(count)"
        case let .unbuiltModel(model):
            return "model '\(model)' has no input shape yet; start it with Input(shape:) or call build(inputShape:)"
        case let .imageShape(expected, actual):
            return "expected one image of shape \(expected) (optionally with a leading batch axis of 1), "
                + "got \(actual); index a single image out of the batch"
        }
    }
}

extension Sequential {
    /// Returns the index of the layer named `name`, or of the last convolution when `name` is `nil`.
    func featureLayerIndex(named name: String?) throws -> Int {
        if let name {
            guard let index = layers.firstIndex(where: { $0.name == name }) else {
                throw VisualizationError.unknownLayer(name: name, available: layers.map(\.name))
            }
            return index
        }
        guard let index = layers.lastIndex(where: { $0 is Conv2D || $0 is SeparableConv2D }) else {
            throw VisualizationError.noConvolutionLayer(model: self.name)
        }
        return index
    }

    /// Checks that layer `index` outputs feature maps and returns their per-sample shape.
    func featureMapShape(ofLayer index: Int) throws -> [Int] {
        let shape = try outputShapes()[index]
        guard shape.count == 3 else {
            throw VisualizationError.notAFeatureMap(layer: layers[index].name, shape: shape)
        }
        return shape
    }

    /// Returns `image` as a batch of one, accepting either one sample or a batch of one.
    func batchOfOne(_ image: Tensor) throws -> Tensor {
        if let inputShape {
            if image.shape == inputShape { return image.expandingShape(at: 0) }
            if image.shape == [1] + inputShape { return image }
            throw VisualizationError.imageShape(expected: inputShape, actual: image.shape)
        }
        return image.expandingShape(at: 0)
    }
}
