internal import CCairo

/// Owns one `cairo_t` and offers the few drawing calls the renderer needs, in Swift terms.
final class CairoContext {
    let pointer: OpaquePointer

    /// Keeps the target alive while the context draws into it.
    let surface: CairoSurface

    init(surface: CairoSurface) throws {
        self.surface = surface
        self.pointer = cairo_create(surface.pointer)!
        let status = cairo_status(pointer)
        if status != CAIRO_STATUS_SUCCESS {
            throw PlotError.cairo(operation: "creating a drawing context", message: String(cString: cairo_status_to_string(status)))
        }
        applyTextOptions()
    }

    deinit {
        cairo_destroy(pointer)
    }

    /// Unhinted metrics keep text extents the same at every density, so layout does not shift
    /// between a PNG and an SVG of the same figure.
    private func applyTextOptions() {
        let options = cairo_font_options_create()
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_SLIGHT)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_set_font_options(pointer, options)
        cairo_font_options_destroy(options)
    }

    // MARK: State

    func save() { cairo_save(pointer) }
    func restore() { cairo_restore(pointer) }
    func scale(_ factor: Double) { cairo_scale(pointer, factor, factor) }
    func translate(x: Double, y: Double) { cairo_translate(pointer, x, y) }
    func rotate(radians: Double) { cairo_rotate(pointer, radians) }

    func setColor(_ color: Color, alpha: Double = 1) {
        cairo_set_source_rgba(pointer, color.red, color.green, color.blue, color.alpha * alpha)
    }

    func setLineWidth(_ width: Double) { cairo_set_line_width(pointer, width) }

    func setLineCap(round: Bool) {
        cairo_set_line_cap(pointer, round ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
    }

    func setLineJoin(round: Bool) {
        cairo_set_line_join(pointer, round ? CAIRO_LINE_JOIN_ROUND : CAIRO_LINE_JOIN_MITER)
    }

    func setDash(_ pattern: [Double]) {
        pattern.withUnsafeBufferPointer { buffer in
            cairo_set_dash(pointer, buffer.baseAddress, Int32(buffer.count), 0)
        }
    }

    // MARK: Paths

    func newPath() { cairo_new_path(pointer) }
    func move(to point: Point) { cairo_move_to(pointer, point.x, point.y) }
    func line(to point: Point) { cairo_line_to(pointer, point.x, point.y) }
    func closePath() { cairo_close_path(pointer) }

    func rectangle(_ rect: Rect) {
        cairo_rectangle(pointer, rect.x, rect.y, rect.width, rect.height)
    }

    func circle(center: Point, radius: Double) {
        cairo_new_sub_path(pointer)
        cairo_arc(pointer, center.x, center.y, radius, 0, 2 * Double.pi)
    }

    func arc(center: Point, radius: Double, from start: Double, to end: Double) {
        cairo_arc(pointer, center.x, center.y, radius, start, end)
    }

    func stroke() { cairo_stroke(pointer) }
    func fill() { cairo_fill(pointer) }
    func fillPreservingPath() { cairo_fill_preserve(pointer) }
    func clip() { cairo_clip(pointer) }

    func clip(to rect: Rect) {
        rectangle(rect)
        clip()
    }

    // MARK: Text

    func setFont(_ face: CairoFontFace, size: Double) {
        cairo_set_font_face(pointer, face.pointer)
        cairo_set_font_size(pointer, size)
    }

    /// Advance width of `text` in the current font.
    func advance(of text: String) -> Double {
        var extents = cairo_text_extents_t()
        cairo_text_extents(pointer, text, &extents)
        return extents.x_advance
    }

    /// Ascent and descent of the current font, in user units.
    func fontMetrics() -> (ascent: Double, descent: Double) {
        var extents = cairo_font_extents_t()
        cairo_font_extents(pointer, &extents)
        return (extents.ascent, extents.descent)
    }

    func showText(_ text: String, at point: Point) {
        cairo_move_to(pointer, point.x, point.y)
        cairo_show_text(pointer, text)
    }

    // MARK: Images

    /// Paints an RGBA pixel buffer so that its pixels exactly fill `rect`.
    ///
    /// `smooth` picks bilinear filtering; otherwise each source pixel stays a sharp square.
    func drawPixels(_ pixels: RGBAPixels, in rect: Rect, smooth: Bool, alpha: Double) throws {
        let image = try CairoSurface.image(width: pixels.width, height: pixels.height)
        try image.store(pixels)

        save()
        clip(to: rect)
        translate(x: rect.x, y: rect.y)
        cairo_scale(pointer, rect.width / Double(pixels.width), rect.height / Double(pixels.height))
        cairo_set_source_surface(pointer, image.pointer, 0, 0)
        let pattern = cairo_get_source(pointer)
        cairo_pattern_set_filter(pattern, smooth ? CAIRO_FILTER_BILINEAR : CAIRO_FILTER_NEAREST)
        cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
        cairo_paint_with_alpha(pointer, alpha)
        restore()
    }
}
