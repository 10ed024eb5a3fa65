import Testing
@testable import Jianfan

/// The `///` example of the embedded table of ICU's readings, run as written.
@Suite("Examples: HanReadings")
struct HanReadingsExamples {
    @Test("HanReadings")
    func readings() {
        #expect(HanReadings.embedded.text(of: "行") == "xíng")   // "xíng"
        #expect(HanReadings.embedded.text(of: "a") == nil)      // nil
    }
}
