import ArgumentParser
import Jianfan

/// One conversion as the command line asks for it, however it was parsed: by ArgumentParser
/// (``ConvertCommand``) or, for the plainest command lines, by ``ConversionRequest/quick(_:)``.
///
/// Everything that can be wrong with it (config, engine, option combinations) is checked before
/// any file is opened, so a usage error never leaves a half-done job.
struct ConversionRequest {
    var config: String
    var inputs: [String]
    var output: String?
    var inPlace = false
    var includeTofuRiskDictionaries = false
    var lossy = false
    /// nil: the table engine, or ICU when `icuTransform` is given.
    var engine: EngineKind?
    var icuTransform: String?
    var segmenter: SegmenterChoice = .greedy
    /// `--path` directories, in order, where custom configurations and their dictionaries will
    /// be looked for (after the config's own directory), as `opencc --path` does. The built-in
    /// configurations need none; recorded here for custom configuration files.
    var searchPaths: [String] = []
    /// `--dict` files: the user's entries, in front of the configuration (the first file that
    /// has a key wins).
    var dictionaries: [String] = []
    /// `--no-cache`: compile a configuration file even if its plan is cached (and cache nothing).
    var noCache = false
    /// `--inspect` or `--segmentation`: records instead of the converted text.
    var inspection: InspectionMode?
    /// Trees, documents and their options (see ``FileOptions``).
    var files = FileOptions()
    /// `--jsonl`/`--csv`/`--tsv`, `--check`/`--diff` (see ``PipelineOptions``).
    var pipeline = PipelineRequest()
    /// `--from-encoding`, `--to-encoding` (see ``EncodingOptionGroup``).
    var encodings = EncodingRequest()
    /// `--markup`, `--protect`, and each file's markup by extension (see ``ProtectionChoice``).
    var protection = ProtectionChoice()

    func run() throws {
        let source = try ConfigSource(config, searchPaths: searchPaths)
        let engine = try Engine.make(
            config: source.builtIn,
            kind: engine,
            icuTransform: icuTransform,
            inspection: inspection
        ) { () throws(CLIError) -> Converter in
            let verbose = files.verbose
            var converter = try source.converter(
                includeTofuRiskDictionaries: includeTofuRiskDictionaries,
                cacheDirectory: noCache || source.file == nil ? nil : PlanCacheLocation.current
            ) { if verbose { StandardError.write("jianfan: \($0)\n") } }
            if !dictionaries.isEmpty {
                do {
                    converter = try converter.overriding(
                        dictionaryFiles: dictionaries, cacheDirectory: noCache ? nil : PlanCacheLocation.current
                    ) { if verbose { StandardError.write("jianfan: \($0)\n") } }
                } catch {
                    throw CLIError.usage("\(error)")
                }
            }
            return converter.segmenting(segmenter)
        }
        try pipeline.validate(output: output, inPlace: inPlace)
        if protection.isExplicit {
            guard case .table = engine else {
                throw CLIError.usage("--markup and --protect work with the table engine, not with ICU transforms or --inspect, --segmentation, --ambiguities")
            }
        }
        if inspection != nil, !pipeline.isPlain {
            throw CLIError.usage("--inspect, --segmentation and --ambiguities cannot be combined with --jsonl, --csv, --tsv, --check or --diff")
        }
        if files.needsFileJob(inputs) {
            if !pipeline.isPlain {
                throw CLIError.usage("--jsonl, --csv, --tsv, --check and --diff work on text inputs, not on directories or documents")
            }
            let isTree = files.outputDirectory != nil || inPlace || inputs.contains(where: FileOptions.isDirectory)
            if isTree {
                if output != nil { throw CLIError.usage("--output cannot be combined with a directory input or --output-dir") }
                var tree = TreeJob(engine: engine, lossy: lossy, options: files, config: source.builtIn)
                tree.encodings = encodings
                tree.protection = protection
                let status = try tree.run(inputs, inPlace: inPlace)
                if status != .success { throw ExitCode(status.rawValue) }
            } else {
                var document = DocumentJob(engine: engine, lossy: lossy, options: files, config: source.builtIn)
                document.encodings = encodings
                document.protection = protection
                try document.run(inputs: inputs.isEmpty ? ["-"] : inputs, output: output)
            }
            return
        }
        ProgressMeter.start(inputs: inputs.isEmpty ? ["-"] : inputs)
        defer { ProgressMeter.current?.clear() }
        // Fields and checks: `--markup` and `--protect` only (an extension says nothing of a field).
        let fields = pipeline.fieldPump(.converting(with: engine.protecting(protection.protection(for: nil))), lossy: lossy)
        var pump = ConversionPump(
            engine: engine, lossy: lossy, fields: fields, encodings: encodings, verbose: files.verbose
        )
        pump.protection = protection
        let job = ConversionJob(pump: pump)

        let status: ExitStatus
        if pipeline.check || pipeline.diff {
            if !encodings.isDefault { throw CLIError.usage("--check and --diff read UTF-8 only: they cannot be combined with --from-encoding or --to-encoding") }
            status = try pipeline.checkConversion(
                inputs.isEmpty ? ["-"] : inputs, engine: engine.protecting(protection.protection(for: nil)), lossy: lossy
            )
        } else if inPlace {
            if output != nil { throw CLIError.usage("--in-place and --output cannot be combined") }
            if inputs.isEmpty { throw CLIError.usage("--in-place needs at least one input file") }
            if inputs.contains("-") { throw CLIError.usage("--in-place cannot rewrite standard input") }
            status = job.rewriteInPlace(inputs)
        } else if let output {
            try job.convert(inputs.isEmpty ? ["-"] : inputs, toFile: output)
            status = .success
        } else {
            status = try job.convertToStandardOutput(inputs.isEmpty ? ["-"] : inputs)
        }
        if status != .success { throw ExitCode(status.rawValue) }
    }

    /// The request of a command line made only of `-c`/`--config`, `-i`/`--input` and
    /// `-o`/`--output`, each followed by its value or with it attached (`-cs2t`,
    /// `--config=s2t`): the `opencc` form, and what scripts run per file. Nil for anything
    /// else, which ArgumentParser then parses. Parsing these by hand
    /// saves ArgumentParser's reflection, more than half of a small conversion's 6 ms.
    ///
    /// ```swift
    /// ConversionRequest.quick(["-c", "s2t", "-i", "a.txt"])   // config s2t, inputs ["a.txt"]
    /// ConversionRequest.quick(["-cs2t", "--input=a.txt"])       // the same
    /// ConversionRequest.quick(["-c", "s2t", "a.txt"])         // nil: positional input
    /// ```
    static func quick(_ arguments: some Collection<String>) -> ConversionRequest? {
        var request = ConversionRequest(config: "s2t", inputs: [], output: nil)
        var seenConfig = false
        var rest = arguments[...]
        while let token = rest.popFirst() {
            let option: String
            let value: String
            if let (name, attached) = attachedValue(token) {
                (option, value) = (name, attached)
            } else {
                // A value is never an option; `-` (standard input or output) is a value.
                guard let next = rest.popFirst(), next == "-" || !next.hasPrefix("-") else { return nil }
                (option, value) = (token, next)
            }
            switch option {
            case "-c", "--config":
                if seenConfig { return nil }
                seenConfig = true
                request.config = value
            case "-i", "--input":
                request.inputs.append(value)
            case "-o", "--output":
                if request.output != nil { return nil }
                request.output = value
            default:
                return nil
            }
        }
        return request
    }

    /// `-cs2t` → (`-c`, `s2t`); `--config=s2t` → (`--config`, `s2t`); nil for anything else.
    private static func attachedValue(_ token: String) -> (String, String)? {
        if token.hasPrefix("--"), let equals = token.firstIndex(of: "=") {
            return (String(token[..<equals]), String(token[token.index(after: equals)...]))
        }
        guard token.utf8.count > 2, !token.hasPrefix("--"), ["-c", "-i", "-o"].contains(token.prefix(2)) else {
            return nil
        }
        return (String(token.prefix(2)), String(token.dropFirst(2)))
    }
}
