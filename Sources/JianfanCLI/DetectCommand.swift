import ArgumentParser
import Jianfan

/// `jianfan detect`: which script each input is written in, and the counts behind the verdict.
struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Tell whether each input is Simplified, Traditional, mixed, Japanese or none.",
        discussion: """
            Counts the characters that only one script writes (这 or 這), every occurrence one \
            vote: the majority decides, unless the minority is more than a tenth of the votes \
            (mixed). A Traditional text whose variants show Taiwan's or Hong Kong's standard \
            (裡, 説) says which. Text with kana (at least 5% of its ideographs and kana) is \
            japanese; text without any one-script character is none.

            Output, one line per input:
              notice.txt: traditional (taiwan); han 1520, simplified 0, traditional 412, taiwan 9, hong kong 0, kana 0
            With --json, one JSON object per input and line (JSON Lines).

            EXAMPLES:
              jianfan detect notice.txt news.txt
              curl -s … | jianfan detect --json
            """
    )

    @Argument(help: ArgumentHelp("The inputs (default, or `-`: standard input).", valueName: "file"))
    var files: [String] = []

    @Flag(help: "Print one JSON object per input: input, script, region, counts.")
    var json = false

    func run() throws {
        let output = StandardOutput()
        var status = ExitStatus.success
        let inputs = files.isEmpty ? ["-"] : files
        ProgressMeter.start(inputs: inputs)
        defer { ProgressMeter.current?.clear() }
        for path in inputs {
            defer { ProgressMeter.current?.nextFile() }
            do {
                let input = try InputFile(path: path)
                var detector = ScriptDetector()
                var chunk = [UInt8](repeating: 0, count: 1 << 16)
                while true {
                    let count = try chunk.withUnsafeMutableBytes { try input.read(into: $0) }
                    if count == 0 { break }
                    ProgressMeter.current?.advance(count)
                    chunk.withUnsafeBytes { detector.feed(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
                }
                let line = json ? Self.json(detector.verdict, input: input.displayName)
                    : Self.text(detector.verdict, input: input.displayName)
                ProgressMeter.current?.clear()
                try output.write(Array((line + "\n").utf8))
            } catch let error as CLIError {
                error.report()
                status = status.combined(with: error.status)
            }
        }
        if status != .success { throw ExitCode(status.rawValue) }
    }

    /// The verdict as one line of text.
    static func text(_ verdict: ScriptDetector.Verdict, input: String) -> String {
        let c = verdict.counts
        let region = verdict.region.map { " (\($0 == .taiwan ? "taiwan" : "hong kong"))" } ?? ""
        return "\(input): \(verdict.script.rawValue)\(region); han \(c.han), simplified \(c.simplified), "
            + "traditional \(c.traditional), taiwan \(c.taiwan), hong kong \(c.hongKong), kana \(c.kana)"
    }

    /// The verdict as one JSON object, keys in a fixed order.
    static func json(_ verdict: ScriptDetector.Verdict, input: String) -> String {
        let c = verdict.counts
        let region = verdict.region.map { "\"\($0 == .taiwan ? "taiwan" : "hongKong")\"" } ?? "null"
        return "{\"input\":\(JSONText.quoted(input)),\"script\":\"\(verdict.script.rawValue)\",\"region\":\(region),"
            + "\"counts\":{\"han\":\(c.han),\"simplified\":\(c.simplified),\"traditional\":\(c.traditional),"
            + "\"taiwan\":\(c.taiwan),\"hongKong\":\(c.hongKong),\"kana\":\(c.kana)}}"
    }
}

/// JSON string literals for the few objects the CLI writes by hand.
enum JSONText {
    /// `text` as a JSON string: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
