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

    // Short options take their value attached too (`-cs2t`), as `opencc` (TCLAP) allows.
    @Option(
        name: [.customShort("c", allowingJoined: true), .long],
        help: ArgumentHelp(
            "The conversion: s2t, t2s, s2twp, … (`s2t.json` also works; see `jianfan configs`), or an OpenCC configuration file (a path, or a name found in a --path directory or OPENCC_DATA_DIR).",
            valueName: "config"
        ),
        completion: .list(Config.allCases.map(\.rawValue))
    )
    var config = "s2t"

    @Option(
        name: [.customShort("i", allowingJoined: true), .long],
        help: ArgumentHelp("An input file; repeat for several. `-` is standard input.", valueName: "file"),
        completion: .file()
    )
    var input: [String] = []

    @Argument(
        help: ArgumentHelp("More input files, converted after those given with -i.", valueName: "file"),
        completion: .file()
    )
    var files: [String] = []

    @Option(
        name: [.customShort("o", allowingJoined: true), .long],
        help: ArgumentHelp(
            "The output file, replaced only once the conversion succeeds (default: standard output).",
            valueName: "file"
        ),
        completion: .file()
    )
    var output: String?

    @Flag(help: "Rewrite each input file with its conversion.")
    var inPlace = false

    @Flag(help: "Also use the dictionaries OpenCC marks as possibly producing characters fonts lack.")
    var includeTofuRiskDictionaries = false

    @Flag(help: "Replace invalid input with U+FFFD, and characters --to-encoding lacks with &#x…; references, instead of failing (each counted on standard error).")
    var lossy = false

    @Option(help: "table: OpenCC's dictionaries, output identical to opencc; icu: an ICU transform (default: table).")
    var engine: EngineKind?

    @Option(
        help: ArgumentHelp(
            "An ICU transform (`jianfan transforms` lists them); implies --engine icu. Default for --engine icu: Hans-Hant for s2* configs, Hant-Hans for configs producing Simplified.",
            valueName: "id"
        ),
        completion: .shellCommand("jianfan transforms")
    )
    var icuTransform: String?

    @Option(
        name: .customLong("path"),
        help: ArgumentHelp(
            "A directory to search for custom configuration and dictionary files; repeat for several (as opencc's --path).",
            valueName: "dir"
        ),
        completion: .directory
    )
    var searchPaths: [String] = []

    /// `opencc --noflush 1` turns off its flush after every line. Accepted with or without a
    /// value (see ``CompatibleArguments``); Jianfan writes per converted piece, not per line.
    @Flag(name: .customLong("noflush"), help: "Accepted for opencc compatibility: output is written per converted piece (up to 64 KB), not flushed per line.")
    var noFlush = false

    @Option(
        name: .customLong("dict"),
        help: ArgumentHelp(
            "An OpenCC text dictionary (key<TAB>value per line) whose entries win where they match; the configuration converts around them. Repeat for several (the first file with a key wins).",
            valueName: "file"
        ),
        completion: .file()
    )
    var dictionaries: [String] = []

    @Flag(name: .customLong("no-cache"), help: "Compile a configuration file (-c FILE.json) and the --dict files even if their tables are cached, and cache nothing (the cache: $JIANFAN_CACHE_DIR, else $XDG_CACHE_HOME/jianfan, else ~/.cache/jianfan).")
    var noCache = false

    @Flag(help: "Print opencc's --inspect JSON record for each line (segments and every stage's output), with Jianfan's offsets.")
    var inspect = false

    @Flag(help: "Print opencc's --segmentation JSON record for each line, with Jianfan's offsets.")
    var segmentation = false

    @Flag(help: "Print opencc's JSON Lines of the spans one-to-many entries decided (def, lit, amb, end records).")
    var ambiguities = false

    @OptionGroup(title: "Fields and checks")
    var pipeline: PipelineOptions

    @Option(help: ArgumentHelp(
        "What to copy unconverted: \(ProtectionChoice.modes) (shown unconverted without the markers, -{zh-hans:…;zh-hant:…}- as the target's variant). Default: by extension (.md, .markdown: markdown; .html, .htm, .xhtml: html), none for standard input and other files.",
        valueName: "markup"
    ))
    var markup: Markup?

    @Option(help: ArgumentHelp(
        "Copy text matching this ICU regular expression unconverted, matched within each line; repeat for several.",
        valueName: "regex"
    ))
    var protect: [String] = []

    @Option(help: "greedy: OpenCC's longest match (the default); words: the likeliest reading where phrases overlap.")
    var segmenter: SegmenterChoice = .greedy

    func run() throws {
        if [inspect, segmentation, ambiguities].filter({ $0 }).count > 1 {
            throw CLIError.usage("--inspect, --segmentation and --ambiguities cannot be combined")
        }
        var request = ConversionRequest(
            config: config, inputs: input + files, output: output, inPlace: inPlace,
            includeTofuRiskDictionaries: includeTofuRiskDictionaries, lossy: lossy, engine: engine,
            icuTransform: icuTransform, segmenter: segmenter, searchPaths: searchPaths, dictionaries: dictionaries,
            inspection: inspect ? .inspect : segmentation ? .segmentation : ambiguities ? .ambiguities : nil,
            pipeline: pipeline.request
        )
        request.protection = try ProtectionChoice(markup: markup, patterns: protect)
        request.files = fileOptions.options
        request.noCache = noCache
        request.encodings = try encodingOptions.request()
        try request.run()
    }

    @OptionGroup(title: "Directories and documents")
    var fileOptions: FileOptionGroup

    @OptionGroup(title: "Encodings")
    var encodingOptions: EncodingOptionGroup
}
