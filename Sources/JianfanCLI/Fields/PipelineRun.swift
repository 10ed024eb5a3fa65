import Jianfan

/// How `convert` runs the pipeline options: the field pump its job streams through, and
/// `--check`/`--diff`.
extension PipelineRequest {
    /// The pump for `--jsonl`/`--csv`/`--tsv`, or nil for whole-text conversion.
    func fieldPump(_ transform: @autoclosure () -> FieldTransform, lossy: Bool) -> FieldPump? {
        // Made only with a field format: the in-place check walks the plan's tables (about 1 ms
        // for a compiled configuration or `--dict`), which plain text never needs.
        format.map { FieldPump(format: $0, transform: transform(), skipInvalid: skipInvalid, lossy: lossy) }
    }

    /// `--check`/`--diff` for a conversion: each input converted in memory and compared.
    func checkConversion(_ inputs: [String], engine: Engine, lossy: Bool) throws -> ExitStatus {
        let pump = fieldPump(.converting(with: engine), lossy: lossy)
        let check = ChangeCheck(listNames: check, showDiff: diff) { name, input in
            var reader = MemoryReader(input)
            var output: [UInt8] = []
            output.reserveCapacity(input.count + input.count / 8)
            let read = { (buffer: UnsafeMutableRawBufferPointer) in reader.read(into: buffer) }
            let write = { (bytes: UnsafeRawBufferPointer) in output += bytes }
            if let pump {
                try pump.run(name: name, reading: read, writing: write)
            } else {
                var stream = engine.makeStream(lossy: lossy)
                do {
                    try stream.convert(reading: read, writing: write)
                } catch let error as InvalidUTF8Error {
                    throw CLIError.invalidUTF8(name, offset: error.offset)
                }
            }
            return output
        }
        return try check.run(inputs)
    }
}

/// What `normalize --stats` adds: whether the input was already in the target script.
enum ScriptNote {
    /// The script a configuration writes, if it is one of the two.
    static func target(of config: Config?) -> ScriptDetector.Script? {
        guard let config else { return nil }
        if config.targetIsSimplified { return .simplified }
        switch config {
        case .t2jp, .jp2t: return nil
        default: return .traditional
        }
    }

    /// The line `--stats` prints, e.g. `notice.txt: already traditional (detected: traditional,
    /// 0 simplified-only and 412 traditional-only characters)`.
    static func line(for text: String, target: ScriptDetector.Script, path: String) -> String {
        line(for: ScriptDetector.detect(text), target: target, path: path)
    }

    /// The same line for a verdict already reached (a stream's detector).
    static func line(for verdict: ScriptDetector.Verdict, target: ScriptDetector.Script, path: String) -> String {
        let counts = "\(verdict.counts.simplified) simplified-only and \(verdict.counts.traditional) traditional-only characters"
        let state = verdict.script == target ? "already \(target.rawValue)" : "was \(verdict.script.rawValue), now \(target.rawValue)"
        return "\(path): \(state) (detected: \(verdict.script.rawValue), \(counts))\n"
    }
}
