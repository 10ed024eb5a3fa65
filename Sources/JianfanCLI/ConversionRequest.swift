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
    var engine: EngineKind = .table
    var icuTransform: String?
    var segmenter: SegmenterChoice = .greedy

    func run() throws {
        guard let parsed = Config(name: config) else {
            let valid = Config.allCases.map(\.rawValue).joined(separator: ", ")
            throw CLIError.usage("unknown config '\(config)'; valid configs: \(valid)")
        }
        let engine = try Engine.make(
            config: parsed,
            kind: engine,
            icuTransform: icuTransform,
            includeTofuRiskDictionaries: includeTofuRiskDictionaries,
            segmenter: segmenter
        )
        let job = ConversionJob(pump: ConversionPump(engine: engine, lossy: lossy))

        let status: ExitStatus
        if inPlace {
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
    /// `-o`/`--output`, each followed by its value (the `opencc` form, and what scripts run per
    /// file); nil for anything else, which ArgumentParser then parses. Parsing these by hand
    /// saves ArgumentParser's reflection, more than half of a small conversion's 6 ms.
    ///
    /// ```swift
    /// ConversionRequest.quick(["-c", "s2t", "-i", "a.txt"])   // config s2t, inputs ["a.txt"]
    /// ConversionRequest.quick(["-c", "s2t", "a.txt"])         // nil: positional input
    /// ```
    static func quick(_ arguments: some Collection<String>) -> ConversionRequest? {
        var request = ConversionRequest(config: "s2t", inputs: [], output: nil)
        var seenConfig = false
        var rest = arguments[...]
        while let option = rest.popFirst() {
            // A value is never an option; `-` (standard input or output) is a value.
            guard let value = rest.popFirst(), value == "-" || !value.hasPrefix("-") else { return nil }
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
}
