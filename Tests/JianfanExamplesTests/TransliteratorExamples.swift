import Foundation
import Testing
import Jianfan

/// The `///` examples of ``Transliterator`` and ``TransliteratorError``, run as written (they
/// need ICU's libraries at run time, as the library's ICU transforms do).
@Suite("Examples: Transliterator")
struct TransliteratorExamples {
    @Test("Transliterator")
    func transliterator() throws {
        let toPinyin = try Transliterator("Han-Latin")
        #expect(toPinyin.transliterate("中文") == "zhōng wén")
    }

    @Test("Transliterator.id")
    func id() throws {
        #expect(try Transliterator("Hans-Hant").id == "Hans-Hant")
    }

    @Test("Transliterator.init(_:reverse:)")
    func reverse() throws {
        let t2s = try Transliterator("Hans-Hant", reverse: true) // behaves as Hant-Hans
        #expect(t2s.transliterate("頭髮") == "头发")
    }

    @Test("Transliterator.transliterate(_:)")
    func transliterate() throws {
        #expect(try Transliterator("Hans-Hant").transliterate("头发") == "頭髮")
    }

    @Test("Transliterator.availableIDs")
    func availableIDs() {
        #expect(Transliterator.availableIDs.contains("Han-Latin"))
    }

    @Test("TransliteratorError")
    func error() {
        var printed = ""
        do {
            _ = try Transliterator("Foo-Bar")
        } catch let error as TransliteratorError {
            print(error) // unknown ICU transform ID "Foo-Bar" (U_INVALID_ID)
            printed = "\(error)"
        } catch {
            Issue.record("not a TransliteratorError: \(error)")
        }
        #expect(printed == "unknown ICU transform ID \"Foo-Bar\" (U_INVALID_ID)")
    }

    @Test("TransliteratorError.unknownID")
    func unknownID() {
        #expect(throws: TransliteratorError.unknownID("Foo-Bar", icuError: "U_INVALID_ID")) {
            try Transliterator("Foo-Bar")
        }
    }

    @Test("TransliteratorError.description and errorDescription")
    func descriptions() {
        #expect(TransliteratorError.unknownID("Foo-Bar", icuError: "U_INVALID_ID").description
                == "unknown ICU transform ID \"Foo-Bar\" (U_INVALID_ID)")
        let error = TransliteratorError.unknownID("Foo-Bar", icuError: "U_INVALID_ID")
        #expect((error as Error).localizedDescription == "unknown ICU transform ID \"Foo-Bar\" (U_INVALID_ID)")
    }
}
