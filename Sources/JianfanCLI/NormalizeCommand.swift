import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Jianfan

/// `jianfan normalize`: cleans documents (reading annotations, punctuation, line breaks,
/// script) as a stream, each input on its own, or, with `--against`, reports which passages of
/// one document each reference quotes.
///
/// References go through exactly the same steps as the document, so offsets in the report
/// count Unicode scalars of the normalized texts.
struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Normalize a document, or align it with the references that quote it.",
        discussion: """
            Steps (--steps, comma-separated, run in the order given):
              readings     remove pinyin annotations: 業(yè) → 業
              punctuation  ASCII punctuation in CJK text → full width; ＡＢＣ１２３ → ABC123
              lines        join line breaks that split a sentence
              script       convert with --to or --config (added last when not listed)
            Default: readings,punctuation, then script if --to or --config is given.
            What --markup protects (by default: front matter, code, HTML tags and attributes, \
            comments, link targets, entities, URLs and e-mail addresses; in HTML files what HTML \
            protects), and what --protect matches, is left byte-identical by every step.

            Inputs are read as streams (standard input when none is given), in windows of \
            1 MiB of whole lines: memory stays bounded whatever the input's size. --stats and \
            --json report each step's changes with the line and column of the input.

            With --against REF (repeatable), the document and every reference are normalized \
            the same way and the alignment report is printed instead of the text: terminal text \
            (colored when standard output is a terminal), or --json. Offsets are Unicode \
            scalars of the normalized texts.

            EXAMPLES:
              jianfan normalize notice.txt --to simplified -o clean.txt
              jianfan normalize --in-place --to traditional *.md
              jianfan normalize notice.txt --to simplified --against news.txt
              jianfan normalize a.txt --against b.txt --json --html diff.html
            """
    )

    enum Script: String, ExpressibleByArgument, CaseIterable {
        case simplified, traditional

        var config: Config { self == .simplified ? .t2s : .s2t }
    }

    @Argument(help: ArgumentHelp("The documents to normalize (`-` or none: standard input).", valueName: "file"))
    var files: [String] = []

    /// The inputs, standard input when none is named.
    var inputs: [String] { files.isEmpty ? ["-"] : files }

    @Option(help: "Convert to this script: simplified (t2s) or traditional (s2t).")
    var to: Script?

    @Option(
        name: [.customShort("c", allowingJoined: true), .long],
        help: ArgumentHelp("Convert with this OpenCC configuration.", valueName: "config"),
        completion: .list(Config.allCases.map(\.rawValue))
    )
    var config: String?

    @Option(help: ArgumentHelp(
        "What every step leaves byte-identical: \(ProtectionChoice.modes) (markers included). Default: by extension (.md, .markdown: markdown; .html, .htm, .xhtml: html), else by the text's start (<!DOCTYPE html, <html, <?xml: html), else markdown.",
        valueName: "markup"
    ))
    var markup: Markup?

    @Option(help: ArgumentHelp(
        "Leave text matching this ICU regular expression byte-identical, matched within each line; repeat for several.",
        valueName: "regex"
    ))
    var protect: [String] = []

    @Option(help: ArgumentHelp("The steps, comma-separated: readings,punctuation,lines,script.", valueName: "steps"))
    var steps: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Write the result here, replaced only once every input is normalized (default: standard output).", valueName: "file"))
    var output: String?

    @Flag(help: "Rewrite each input file with its normalization.")
    var inPlace = false

    @Option(help: ArgumentHelp("A reference to align the document with; repeat for several.", valueName: "file"))
    var against: [String] = []

    @Flag(help: "Print JSON: the alignment report with --against, else per input one line with version, file, text and step reports.")
    var json = false

    @Option(help: ArgumentHelp("With --against, also write a side-by-side HTML view here.", valueName: "file"))
    var html: String?

    @Flag(help: "Print each step's number of changes, and whether the input was already in the target script, on standard error.")
    var stats = false

    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing.")
    var lossy = false

    @Option(help: ArgumentHelp("Shortest passage reported, in equal scalars.", valueName: "n"))
    var minimumMatch = 16

    @Option(help: ArgumentHelp("Widest difference bridged inside a passage, in scalars.", valueName: "n"))
    var maximumGap = 32

    @Option(help: ArgumentHelp("Color the terminal report: auto, always or never.", valueName: "when"))
    var color: ColorChoice = .auto

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @OptionGroup(title: "Fields and checks")
    var pipeline: PipelineOptions

    func validate() throws {
        if to != nil, config != nil { throw ValidationError("--to and --config cannot be combined") }
        if html != nil, against.isEmpty { throw ValidationError("--html needs at least one --against reference") }
        if minimumMatch < 1 || maximumGap < 0 { throw ValidationError("--minimum-match must be positive, --maximum-gap not negative") }
        if inPlace, output != nil { throw ValidationError("--in-place and --output cannot be combined") }
        if inPlace, files.isEmpty || files.contains("-") { throw ValidationError("--in-place needs files, not standard input") }
        if !against.isEmpty, inputs.count > 1 { throw ValidationError("--against aligns one document: give one file") }
        if !against.isEmpty, inPlace { throw ValidationError("--against and --in-place cannot be combined") }
    }

    func run() throws {
        let normalizer = try makeNormalizer()
        if !pipeline.request.isPlain { return try runPipeline(normalizer) }
        guard against.isEmpty else { return try align(normalizer) }
        ProgressMeter.start(inputs: inputs)
        defer { ProgressMeter.current?.clear() }
        let status: ExitStatus
        if inPlace {
            status = rewriteInPlace(normalizer)
        } else {
            let sink = try openOutput(output)
            do {
                status = try normalizeAll(normalizer, into: sink, stopOnError: output != nil)
                try sink.commit()
            } catch {
                sink.discard()
                throw error
            }
        }
        if status != .success { throw ExitCode(status.rawValue) }
    }

    /// The configuration of the script step, if any (the config name is checked by
    /// ``makeNormalizer()``).
    var targetConfig: Config? { to?.config ?? config.flatMap { Config(name: $0) } }

    func makeNormalizer() throws -> Normalizer {
        var target: Config?
        if let to { target = to.config }
        if let config {
            guard let parsed = Config(name: config) else {
                let valid = Config.allCases.map(\.rawValue).joined(separator: ", ")
                throw CLIError.usage("unknown config '\(config)'; valid configs: \(valid)")
            }
            target = parsed
        }
        var normalizer = Normalizer.standard(script: target)
        if let steps {
            var names = steps.split(separator: ",").map { $0.filter { !$0.isWhitespace } }.filter { !$0.isEmpty }
            if target != nil, !names.contains(where: { $0.lowercased() == "script" }) { names.append("script") }
            do {
                normalizer = try Normalizer(stepNames: names, script: target)
            } catch .scriptWithoutConfig {
                throw CLIError.usage("\(Normalizer.StepNameError.scriptWithoutConfig) (--to or --config)")
            } catch {
                throw CLIError.usage("\(error)")
            }
        }
        normalizer.markup = markup
        do {
            try normalizer.protect(patterns: protect)
        } catch {
            throw ProtectionChoice.error(error)
        }
        return normalizer
    }

    static func printStats(_ reports: [Normalizer.StepReport], for path: String) {
        for report in reports {
            let unverified = report.unverified > 0 ? " (\(report.unverified) unverified)" : ""
            StandardError.write("\(path): \(report.step): \(report.count) changes\(unverified)\n")
        }
    }

    static func read(_ path: String, lossy: Bool) throws -> String {
        var bytes: [UInt8] = []
        let input = try InputFile(path: path)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try chunk.withUnsafeMutableBytes { try input.read(into: $0) }
            if count == 0 { break }
            bytes += chunk[..<count]
        }
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
            guard lossy else { throw CLIError.invalidUTF8(input.displayName, offset: offset) }
            bytes = UTF8Validation.repaired(bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func write(_ text: String, to path: String?) throws {
        let sink = try openOutput(path)
        do {
            try sink.write(Array(text.utf8))
            try sink.commit()
        } catch {
            sink.discard()
            throw error
        }
    }
}
