import Testing
import Plot

/// Converts a colour to 0...255 integers, for comparing with published hex values.
func bytes(_ color: Color) -> [Int] {
    [color.red, color.green, color.blue].map { Int(($0 * 255).rounded()) }
}

/// Checks that two byte triples differ by at most `tolerance` per channel.
func isClose(_ a: [Int], _ b: [Int], tolerance: Int = 1) -> Bool {
    zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
}

@Test func colormapViridisEndpoints() {
    #expect(bytes(Colormap.viridis.color(at: 0)) == [0x44, 0x01, 0x54])
    #expect(bytes(Colormap.viridis.color(at: 1)) == [0xfd, 0xe7, 0x25])
}

@Test func colormapMagmaEndpoints() {
    #expect(bytes(Colormap.magma.color(at: 0)) == [0x00, 0x00, 0x04])
    #expect(bytes(Colormap.magma.color(at: 1)) == [0xfc, 0xfd, 0xbf])
}

@Test func colormapJetFollowsDefinition() {
    #expect(bytes(Colormap.jet.color(at: 0)) == [0, 0, 128])
    #expect(bytes(Colormap.jet.color(at: 1)) == [128, 0, 0])
    let middle = bytes(Colormap.jet.color(at: 0.5))
    #expect(isClose(middle, [125, 255, 122], tolerance: 2), "jet(0.5) = \(middle)")
}

@Test func colormapGrayIsLinear() {
    #expect(bytes(Colormap.gray.color(at: 0)) == [0, 0, 0])
    #expect(bytes(Colormap.gray.color(at: 1)) == [255, 255, 255])
    let quarter = Colormap.gray.color(at: 0.25).red
    #expect(abs(quarter - 0.25) < 0.01, "gray(0.25) = \(quarter)")
}

@Test func colormapRedBlueEndpoints() {
    #expect(bytes(Colormap.redBlue.color(at: 0)) == [0x67, 0x00, 0x1f])
    #expect(bytes(Colormap.redBlue.color(at: 1)) == [0x05, 0x30, 0x61])
    #expect(isClose(bytes(Colormap.redBlue.color(at: 0.5)), [0xf7, 0xf7, 0xf7], tolerance: 3))
}

@Test func colormapCoolwarmMatchesMoreland() {
    #expect(isClose(bytes(Colormap.coolwarm.color(at: 0)), [59, 76, 192]))
    #expect(isClose(bytes(Colormap.coolwarm.color(at: 1)), [180, 4, 38]))
    let middle = bytes(Colormap.coolwarm.color(at: 0.5))
    #expect(isClose(middle, [221, 221, 221], tolerance: 3), "coolwarm(0.5) = \(middle)")
}

@Test func colormapReversedSwapsEnds() {
    let reversed = Colormap.viridis.reversed()
    #expect(reversed.name == "viridis_r")
    #expect(reversed.color(at: 0) == Colormap.viridis.color(at: 1))
    #expect(Colormap.named("magma_r")?.color(at: 1) == Colormap.magma.color(at: 0))
}

@Test func colormapAllHave256Entries() {
    for colormap in Colormap.all {
        #expect(colormap.colors.count == 256, "\(colormap.name) has \(colormap.colors.count) entries")
    }
}

@Test func colormapClampsOutOfRange() {
    #expect(Colormap.viridis.color(at: -3) == Colormap.viridis.color(at: 0))
    #expect(Colormap.viridis.color(at: 7) == Colormap.viridis.color(at: 1))
}
