import CJianfanICU
import Jianfan
import Testing

/// ICU is found at run time (no headers at build time): these check the search and its
/// messages. That a whole `jianfan` without ICU still converts, and that `--engine icu` then
/// fails clearly, is checked by Scripts/build-without-icu-headers.sh, which hides ICU's
/// libraries from a process (CI runs it).
@Suite("ICU library")
struct ICULibraryTests {
    /// Calls jianfan_icu_probe and returns nil on success, or the reason it gave.
    func probe(_ uc: String, _ i18n: String) -> String? {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 256) { reason in
            reason[0] = 0
            if jianfan_icu_probe(uc, i18n, reason.baseAddress, reason.count) != 0 { return nil }
            return String(cString: reason.baseAddress!)
        }
    }

    @Test func theSystemsICUIsFoundAndUsable() throws {
        #expect(Transliterator.isAvailable)
        let library = String(cString: try #require(jianfan_icu_library()))
        #if canImport(Darwin)
        #expect(library.contains("libicucore"))
        #expect(probe(library, library) == nil)
        #else
        // A versioned runtime library, probed newest first, or the development symlink.
        #expect(library.hasPrefix("libicuuc.so"))
        let i18n = library.replacing("icuuc", with: "icui18n")
        #expect(probe(library, i18n) == nil)
        #endif
    }

    @Test func aMissingLibraryIsNamedInTheReason() throws {
        let reason = try #require(probe("libjianfan-no-such-icu.so.1", "libjianfan-no-such-icu.so.1"))
        #expect(reason.contains("libjianfan-no-such-icu.so.1"))
    }

    #if os(Linux)
    @Test func aLibraryThatIsNotICUIsRefused() throws {
        // libm exists everywhere but has no u_errorName, with or without a version suffix.
        let reason = try #require(probe("libm.so.6", "libm.so.6"))
        #expect(reason == "libm.so.6 has no u_errorName (with or without a version suffix)")
    }

    @Test func theLoadedMajorIsInTheProbedRange() throws {
        let library = String(cString: try #require(jianfan_icu_library()))
        let major = try #require(library.split(separator: ".").last.flatMap { Int($0) })
        #expect((50...99).contains(major))
        // The probe is not told the major: it finds the symbols' suffix (utrans_openU_NN) itself.
        #expect(probe("libicuuc.so.\(major)", "libicui18n.so.\(major)") == nil)
    }
    #endif

    @Test func unavailableICUIsItsOwnError() {
        let error = TransliteratorError.icuUnavailable("ICU's libraries were not found")
        #expect(error.description == "ICU is unavailable, so ICU transforms cannot run: ICU's libraries were not found")
        #expect(error != .unknownID("Hans-Hant", icuError: "ICU's libraries were not found"))
        #expect((error as Error).localizedDescription == error.description)
    }
}
