import ArgumentParser
import Jianfan

/// `normalize` with `--jsonl`/`--csv`/`--tsv` (each selected field normalized on its own, so
/// no step joins two fields) or `--check`/`--diff` (the document normalized in memory and
/// compared, nothing written).
extension NormalizeCommand {
    func runPipeline(_ normalizer: Normalizer) throws {
        let request = pipeline.request
        try request.validate(output: output, inPlace: inPlace)
        if inPlace { throw CLIError.usage("--in-place cannot be combined with --jsonl, --csv or --tsv") }
        if !against.isEmpty { throw CLIError.usage("--jsonl, --csv, --tsv, --check and --diff cannot be combined with --against") }
        if json { throw CLIError.usage("--json cannot be combined with --jsonl, --csv, --tsv, --check or --diff") }
        let pump = request.fieldPump(.each { normalizer.normalize($0, reporting: false).text }, lossy: lossy)

        if request.check || request.diff {
            let check = ChangeCheck(listNames: request.check, showDiff: request.diff) { name, input in
                if let pump {
                    var reader = MemoryReader(input)
                    var output: [UInt8] = []
                    try pump.run(name: name, reading: { reader.read(into: $0) }, writing: { output += $0 })
                    return output
                }
                var bytes = input
                if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
                    guard lossy else { throw CLIError.invalidUTF8(name, offset: offset) }
                    bytes = UTF8Validation.repaired(bytes)
                }
                return Array(normalizer.normalize(String(decoding: bytes, as: UTF8.self), reporting: false).text.utf8)
            }
            let status = try check.run(inputs)
            if status != .success { throw ExitCode(status.rawValue) }
            return
        }

        guard let pump else { return }
        let sink = try openOutput(output)
        do {
            for path in inputs {
                let input = try InputFile(path: path)
                try pump.run(name: input.displayName, reading: { try input.read(into: $0) }, writing: { try sink.write($0) })
            }
            try sink.commit()
        } catch {
            sink.discard()
            throw error
        }
    }
}
