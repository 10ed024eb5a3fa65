import ArgumentParser

/// The pipeline options `convert` and `normalize` share: which fields to convert (`--jsonl`,
/// `--csv`, `--tsv`), and checking instead of converting (`--check`, `--diff`).
struct PipelineOptions: ParsableArguments {
    @Option(
        name: .customLong("jsonl"),
        help: ArgumentHelp(
            "Each line is JSON: convert this field's strings only (dotted path like meta.title, `*` for all; repeatable).",
            valueName: "field"
        )
    )
    var jsonFields: [String] = []

    @Option(help: ArgumentHelp("Input is CSV: convert this column only (header name or 1-based index).", valueName: "column"))
    var csv: String?

    @Option(help: ArgumentHelp("Input is TSV: convert this column only (header name or 1-based index).", valueName: "column"))
    var tsv: String?

    @Flag(help: "With --jsonl/--csv/--tsv: pass invalid lines through unchanged (counted on standard error) instead of failing.")
    var skipInvalid = false

    @Flag(help: "Write nothing; list the inputs the command would change and exit 1 if there are any.")
    var check = false

    @Flag(help: "Write nothing; print a unified diff of what would change (exit 1 if anything would).")
    var diff = false

    func validate() throws {
        if [!jsonFields.isEmpty, csv != nil, tsv != nil].filter({ $0 }).count > 1 {
            throw ValidationError("--jsonl, --csv and --tsv cannot be combined")
        }
        if skipInvalid, jsonFields.isEmpty, csv == nil, tsv == nil {
            throw ValidationError("--skip-invalid needs --jsonl, --csv or --tsv")
        }
    }

    /// The options as plain values.
    var request: PipelineRequest {
        var request = PipelineRequest(skipInvalid: skipInvalid, check: check, diff: diff)
        if !jsonFields.isEmpty { request.format = .jsonLines(FieldPaths(jsonFields)) }
        if let csv { request.format = .delimited(column: csv, delimiter: UInt8(ascii: ",")) }
        if let tsv { request.format = .delimited(column: tsv, delimiter: UInt8(ascii: "\t")) }
        return request
    }
}

/// ``PipelineOptions`` as values a request can hold (ArgumentParser's wrappers cannot be read
/// outside parsing).
struct PipelineRequest {
    var format: FieldFormat?
    var skipInvalid = false
    var check = false
    var diff = false

    /// Whether the command runs as it would without these options.
    var isPlain: Bool { format == nil && !check && !diff }

    /// Checks the combination with the command's own output options.
    func validate(output: String?, inPlace: Bool) throws(CLIError) {
        guard check || diff else { return }
        if output != nil || inPlace { throw .usage("--check and --diff write nothing: they cannot be combined with --output or --in-place") }
    }
}
