import ArgumentParser
import Jianfan

/// `jianfan convert`, the default subcommand: the `opencc` command line, plus several inputs,
/// `--in-place`, `--lossy` and an ICU engine.
///
/// Everything that can be wrong with the command line (config, engine, option combinations) is
/// checked before any file is opened, so a usage error never leaves a half-done job.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert text with an OpenCC configuration (the default subcommand).",
        discussion: HelpText.discussion
    )

    @Option(
        name: [.short, .long],
        help: ArgumentHelp(
            "The conversion: s2t, t2s, s2twp, … (`s2t.json` also works; see `jianfan configs`).",
            valueName: "config"
        )
    )
    var config = "s2t"

    @Option(
        name: [.short, .long],
        help: ArgumentHelp("An input file; repeat for several. `-` is standard input.", valueName: "file")
    )
    var input: [String] = []

    @Argument(help: ArgumentHelp("More input files, converted after those given with -i.", valueName: "file"))
    var files: [String] = []

    @Option(
        name: [.short, .long],
        help: ArgumentHelp(
            "The output file, replaced only once the conversion succeeds (default: standard output).",
            valueName: "file"
        )
    )
    var output: String?

    @Flag(help: "Rewrite each input file with its conversion.")
    var inPlace = false

    @Flag(help: "Also use the dictionaries OpenCC marks as possibly producing characters fonts lack.")
    var includeTofuRiskDictionaries = false

    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing.")
    var lossy = false

    @Option(help: "table: OpenCC's dictionaries, output identical to opencc; icu: an ICU transform.")
    var engine: EngineKind = .table

    @Option(
        help: ArgumentHelp(
            "The ICU transform for --engine icu (default: Hans-Hant for s2* configs, Hant-Hans for configs producing Simplified).",
            valueName: "id"
        )
    )
    var icuTransform: String?

    @Option(help: "greedy: OpenCC's longest match (the default); words: the likeliest reading where phrases overlap.")
    var segmenter: SegmenterChoice = .greedy

    func run() throws {
        try ConversionRequest(
            config: config, inputs: input + files, output: output, inPlace: inPlace,
            includeTofuRiskDictionaries: includeTofuRiskDictionaries, lossy: lossy, engine: engine,
            icuTransform: icuTransform, segmenter: segmenter
        ).run()
    }
}
