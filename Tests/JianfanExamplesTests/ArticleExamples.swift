import Foundation
import Testing
import Jianfan

/// Applies house terms after the conversion.
struct HouseStyle: NormalizationStep {
    let replacements: [String: String]          // e.g. ["軟件": "軟體"]
    var name: String { "house-style" }

    func apply(to text: String) -> (text: String, report: Normalizer.StepReport) {
        var result = text
        for (from, to) in replacements { result = result.replacingOccurrences(of: from, with: to) }
        return (result, Normalizer.StepReport(step: name, changes: []))
    }
}

/// The examples of the DocC articles (`Sources/Jianfan/Jianfan.docc`), run as written; the
/// streaming article's are in StreamExamples.swift.
@Suite("Examples: the DocC articles")
struct ArticleExamples {
    @Test("Jianfan.md and Getting Started: converting a string")
    func gettingStarted() {
        let converter = Converter(.s2twp)
        #expect(converter.convert("鼠标和软件") == "滑鼠和軟體")   // "滑鼠和軟體"

        let toTraditional = Converter(.s2t)
        #expect(toTraditional.convert("头发干了") == "頭髮幹了")   // "頭髮幹了"

        let toSimplified = Converter(.t2s)
        #expect(toSimplified.convert("頭髮乾了") == "头发干了")   // "头发干了"
    }

    @Test("Getting Started: bytes, and a stream of chunks")
    func bytesAndChunks() throws {
        let converter = Converter(.s2t), input = Array("头发干了".utf8)
        do {
            var output: [UInt8] = []
            try input.withUnsafeBytes { try converter.convert($0, appendingTo: &output) }
            #expect(output == Array("頭髮幹了".utf8))
        }
        let chunks = [Array(input[..<1]), Array(input[1..<7]), Array(input[7...])]   // cut inside characters
        var stream = converter.makeStream()
        var output: [UInt8] = []
        for chunk in chunks {                     // any sizes, cut anywhere, even inside a character
            try stream.write(chunk, into: &output)   // throws InvalidUTF8Error at a bad byte
        }
        try stream.finish(into: &output)
        #expect(output == Array("頭髮幹了".utf8))
    }

    @Test("Choosing a Configuration: Taiwan's variants, then its phrases")
    func choosing() {
        #expect(Converter(.s2tw).convert("鼠标和软件") == "鼠標和軟件")    // "鼠標和軟件"
        #expect(Converter(.s2twp).convert("鼠标和软件") == "滑鼠和軟體")   // "滑鼠和軟體"
    }

    @Test("Custom Configurations: a configuration file, and user entries")
    func custom() throws {
        try ExampleSupport.inFolder { folder in   // the article's paths are relative
            let s2t = try String(contentsOf: ExampleSupport.packageRoot.appendingPathComponent("Data/Configs/s2t.json"), encoding: .utf8)
            try ExampleSupport.write(s2t, to: "\(folder)/my/s2t.json")
            try FileManager.default.createDirectory(atPath: "\(folder)/my/dicts", withIntermediateDirectories: true)
            try ExampleSupport.write("头发\t头发\n", to: "\(folder)/house-terms.txt")
            do {
                let converter = try Converter(configuration: "my/s2t.json", searchPaths: ["my/dicts"])
                #expect(converter.name == "my/s2t.json")   // "my/s2t.json"
                #expect(converter.config == nil)   // nil: not a built-in configuration
                #expect(converter.convert("头发干了") == "頭髮幹了")
            }
            let converter = try Converter(.s2twp, overrides: ["软件": "軟件"])
            #expect(converter.convert("软件工程") == "軟件工程")   // "軟件工程" (s2twp alone: 軟體工程)
            #expect(Converter(.s2twp).convert("软件工程") == "軟體工程")

            let house = try UserDictionary(contentsOfFile: "house-terms.txt")   // key<TAB>value lines
            let mine = try Converter(.s2t).overriding(house)                  // jianfan -c s2t --dict house-terms.txt
            #expect(mine.convert("头发干了") == "头发幹了")
        }
    }

    @Test("Custom Configurations: a normalization step of your own")
    func houseStyle() {
        let normalizer = Normalizer(steps: [.script(.s2tw), HouseStyle(replacements: ["軟件": "軟體"])])
        #expect(normalizer.normalize("软件").text == "軟體")   // "軟體"
    }

    @Test("Normalizing and Aligning: the standard normalizer")
    func normalizing() {
        let normalizer = Normalizer.standard(script: .t2s)        // readings, punctuation, script
        let result = normalizer.normalize("工業(yè)和信息化部,發展")
        #expect(result.text == "工业和信息化部，发展")   // "工业和信息化部，发展"
        for report in result.reports {
            print(report.step, report.count, report.unverified)   // readings 1 0, punctuation 1 0, script …
        }
        #expect(result.reports.map { [$0.count, $0.unverified] } == [[1, 0], [1, 0], [2, 0]])
    }

    @Test("Normalizing and Aligning: the passages the news quotes")
    func aligning() throws {
        let noticeText = try ExampleSupport.fixture("001"), newsText = try ExampleSupport.fixture("000")
        let normalizer = Normalizer.standard(script: .t2s)
        let notice = normalizer.normalize(noticeText).text
        let news = normalizer.normalize(newsText).text
        let report = Aligner().align(document: notice, references: [("news.txt", news)], documentPath: "notice.txt")

        let coverage = report.references[0].coverage
        print(coverage.documentShare, coverage.referenceShare)   // share of the notice quoted, of the news from it
        #expect(coverage.documentShare > coverage.referenceShare)   // the notice is the shorter text
        var edits: [String] = []
        for passage in report.references[0].passages where !passage.isExact {
            for edit in passage.edits {
                print(edit.kind, edit.document.text, "→", edit.reference.text)   // deletion 力 →
                edits.append("\(edit.kind) \(edit.document.text) → \(edit.reference.text)")
            }
        }
        #expect(edits.first == "deletion 力 → ")

        let passage = report.references[0].passages[0]
        let scalars = Array(notice.unicodeScalars)
        let quoted = String(String.UnicodeScalarView(scalars[passage.document.range]))
        #expect(quoted == passage.document.text)
    }
}
