import Foundation

/// The output location of a notebook rendered on its own, and the site whose links it gets.
struct StandalonePlacement {
    var location: PageLocation
    /// The site the notebook is a page of, or nil for a notebook outside any site.
    var site: Site?
    /// Warnings about the site's notebooks that cannot be read and are left out of its order.
    var siteWarnings: [NotebookDiagnostic] = []
}

extension NotebookRenderer {
    /// Renders the notebook at `path` on its own.
    ///
    /// A page of a site (see `Site.enclosing(notebookAt:skipping:)`) is written where rendering
    /// the site's directory writes it, with the same links and previous/next links. The other
    /// notebooks of the site are read for their titles and order but not run. Any other notebook
    /// goes to `<outputRoot>/<file name without .md>/`, as `render(notebookAt:outputName:)` writes it.
    ///
    /// - Throws: as `render(notebookAt:outputName:)`.
    public func render(notebookAt path: String) throws -> RenderResult {
        let placement = standalonePlacement(ofNotebookAt: path, outputName: nil)
        var result = try render(notebookAt: path, location: placement.location, site: placement.site)
        result.warnings += placement.siteWarnings
        return result
    }

    /// Returns where the notebook at `path` is published when it is rendered on its own.
    ///
    /// - Parameter outputName: the name given on the command line, or nil. A name that differs
    ///   from the one the notebook's site gives it publishes the notebook there as a page outside
    ///   any site.
    func standalonePlacement(ofNotebookAt path: String, outputName: String?) -> StandalonePlacement {
        if let site = Site.enclosing(notebookAt: path, skipping: options.outputRoot),
           let page = site.page(forNotebookAt: path),
           outputName == nil || outputName == page.outputName {
            // The directory render reports these as errors. Here they only cost the page the
            // links to those notebooks, so they are warnings.
            let warnings = site.unreadable.flatMap(\.errors).map { error in
                var warning = error
                warning.severity = .warning
                return warning
            }
            return StandalonePlacement(location: site.location(of: page), site: site, siteWarnings: warnings)
        }
        let name = outputName ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return StandalonePlacement(location: PageLocation(outputName: name), site: nil)
    }
}
