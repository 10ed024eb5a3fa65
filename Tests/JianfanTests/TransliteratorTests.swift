import Testing
@testable import Jianfan

// Expected strings are what ICU 72.1 prints, checked with `uconv -x <ID>`; a different ICU
// version may legitimately differ, and then these tests say so.
@Suite struct TransliteratorTests {
    @Test func hansHantConvertsToTraditional() throws {
        let s2t = try Transliterator("Hans-Hant")
        #expect(s2t.transliterate("头发") == "頭髮")
        #expect(s2t.transliterate("后") == "後")
        #expect(s2t.transliterate("国") == "國")
        #expect(s2t.transliterate("头发后国") == "頭髮後國")
        #expect(s2t.id == "Hans-Hant")
    }

    @Test func hantHansConvertsBack() throws {
        #expect(try Transliterator("Hant-Hans").transliterate("頭髮後國") == "头发后国")
    }

    @Test func reverseOpensTheInverse() throws {
        let t2s = try Transliterator("Hans-Hant", reverse: true)
        #expect(t2s.transliterate("頭髮後國") == "头发后国")
        #expect(t2s.id == "Hans-Hant")
    }

    @Test func hanLatinGivesPinyinWithToneMarks() throws {
        let pinyin = try Transliterator("Han-Latin")
        #expect(pinyin.transliterate("中文") == "zhōng wén")
        // Polyphonic characters: ICU has one reading per character and picks these, even
        // where context wants another (银行 is "yín háng", 长大 is "zhǎng dà").
        #expect(pinyin.transliterate("行") == "xíng")
        #expect(pinyin.transliterate("银行") == "yín xíng")
        #expect(pinyin.transliterate("长") == "zhǎng")
        #expect(pinyin.transliterate("长城") == "zhǎng chéng")
    }

    @Test func expandingOutputLongerThanAnyFirstGuess() throws {
        // Han-Latin output is ~4.5× its input; a long input forces the shim's overflow-and-
        // retry path on the first call, and later calls reuse the learned ratio.
        let pinyin = try Transliterator("Han-Latin")
        let text = String(repeating: "中文", count: 500)
        let expected = Array(repeating: "zhōng wén", count: 500).joined(separator: " ")
        let first = pinyin.transliterate(text), second = pinyin.transliterate(text)
        #expect(first.utf16.count == 4999)
        #expect(first == expected)
        #expect(second == first)
    }

    @Test(arguments: ["Fullwidth-Halfwidth", "Latin-ASCII", "Any-NFKC"])
    func fullwidthBecomesASCII(id: String) throws {
        #expect(try Transliterator(id).transliterate("ＡＢＣ１２３") == "ABC123")
    }

    @Test func nfkcFoldsCompatibilityCharacters() throws {
        let nfkc = try Transliterator("Any-NFKC")
        #expect(nfkc.transliterate("ﬁ①㍿") == "fi1株式会社")
        #expect(nfkc.transliterate("e\u{301}") == "\u{e9}")
    }

    @Test func compoundIDChainsTransforms() throws {
        let chain = try Transliterator("Hans-Hant; Fullwidth-Halfwidth")
        #expect(chain.transliterate("头发ＡＢＣ１２３") == "頭髮ABC123")
        #expect(chain.id == "Hans-Hant; Fullwidth-Halfwidth")
    }

    @Test func unknownIDThrowsWithTheIDInTheMessage() {
        #expect {
            try Transliterator("Foo-Bar")
        } throws: { error in
            guard let error = error as? TransliteratorError,
                  case let .unknownID(id, icuError) = error else { return false }
            return id == "Foo-Bar" && icuError == "U_INVALID_ID"
                && error.description == #"unknown ICU transform ID "Foo-Bar" (U_INVALID_ID)"#
                && error.localizedDescription == error.description
        }
    }

    @Test func malformedOrEmptyIDsThrow() {
        #expect(throws: TransliteratorError.self) { try Transliterator("Hans-Hant; ;; (") }
        #expect(throws: TransliteratorError.self) { try Transliterator("") }
        // The ID is passed with its length, so text after a NUL is not silently dropped.
        #expect(throws: TransliteratorError.self) { try Transliterator("Hans-Hant\0Foo") }
    }

    @Test func emptyStringStaysEmpty() throws {
        #expect(try Transliterator("Hans-Hant").transliterate("") == "")
        #expect(try Transliterator("Han-Latin").transliterate("") == "")
    }

    @Test func astralCharactersSurvive() throws {
        // 𠮷 (U+20BB7) is a surrogate pair in UTF-16; it must come back whole.
        let s2t = try Transliterator("Hans-Hant")
        #expect(s2t.transliterate("𠮷") == "𠮷")
        #expect(s2t.transliterate("𠮷头发😀国") == "𠮷頭髮😀國")
        #expect(try Transliterator("Any-NFKC").transliterate("a𠮷b") == "a𠮷b")
    }

    @Test func availableIDsListsKnownTransforms() {
        let ids = Transliterator.availableIDs
        #expect(ids.contains("Han-Latin"))
        #expect(ids.contains("Hans-Hant"))
        #expect(ids == ids.sorted())
        #expect(!ids.contains("Foo-Bar"))
    }

    @Test func sharedInstanceIsSafeAcrossConcurrentTasks() async throws {
        let s2t = try Transliterator("Hans-Hant; Fullwidth-Halfwidth")
        // Distinct inputs per task, so a shared buffer or state leaking between threads
        // would show up as another task's text, not just as a crash.
        let inputs = (0..<8).map { "第\($0)个头发后国ＡＢＣ\($0)𠮷" + String(repeating: "简体字转换", count: $0 * 10) }
        let expected = inputs.map { s2t.transliterate($0) }
        #expect(expected[3].hasPrefix("第3個頭髮後國ABC3𠮷簡體字轉換"))

        let results = await withTaskGroup(of: (Int, Bool).self) { group in
            for task in 0..<8 {
                group.addTask {
                    let allMatch = (0..<200).allSatisfy { _ in s2t.transliterate(inputs[task]) == expected[task] }
                    return (task, allMatch)
                }
            }
            return await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
        }
        #expect(results.count == 8)
        #expect(results.values.allSatisfy { $0 })
    }
}
