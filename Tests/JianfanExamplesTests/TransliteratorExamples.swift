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

    @Test("Transliterator.isAvailable")
    func isAvailable() throws {
        if Transliterator.isAvailable { print(try Transliterator("Han-Latin").transliterate("中文")) }
        #expect(Transliterator.isAvailable)   // this machine has ICU (ICULibraryTests needs it too)
    }

    @Test("TransliteratorError.icuUnavailable: thrown only without ICU")
    func icuUnavailable() throws {
        // on a system without ICU:
        // throws .icuUnavailable("ICU's libraries were not found (looked for libicuuc.so.99 …)")
        if Transliterator.isAvailable {
            #expect(try Transliterator("Hans-Hant").id == "Hans-Hant")
        } else {
            #expect { try Transliterator("Hans-Hant") } throws: { error in
                if case .icuUnavailable = error as? TransliteratorError { true } else { false }
            }
        }
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
