import Jianfan
import JianfanDocuments

/// One document (or subtitle file) converted to `-o FILE` or standard output: the shape of
/// `jianfan -c s2t -i book.epub -o book-tw.epub`. The output file is replaced only once the
/// whole document has converted, so a damaged input writes nothing.
///
/// ```swift
/// try DocumentJob(engine: engine, lossy: false, options: options, config: .s2t)
///     .run(inputs: ["book.epub"], output: "book-tw.epub")
/// ```
struct DocumentJob {
    let engine: Engine
    let lossy: Bool
    let options: FileOptions
    /// The built-in configuration, for `--set-language`; nil for a custom configuration file.
    let config: Config?
    var encodings = EncodingRequest()
    /// `--markup`, `--protect`, or each file's markup by extension.
    var protection = ProtectionChoice()

    func run(inputs: [String], output: String?) throws {
        guard inputs.count == 1, let input = inputs.first, input != "-" || options.format != nil else {
            throw CLIError.usage(
                "documents are converted one per output: give one document with -o FILE, or use --output-dir DIR"
            )
        }
        let bytes: [UInt8]
        if input == "-" {
            bytes = try Self.readStandardInput()
        } else {
            bytes = try FileConversion.readWhole(input).0
        }
        var conversion = FileConversion(
            conversion: engine.wholeConversion(lossy: lossy),
            language: options.setLanguage ? config.flatMap { LanguageTag(target: $0) } : nil,
            format: options.format
        )
        conversion.encodings = encodings
        conversion.protection = protection
        conversion.markupConversions = protection.conversions(engine, lossy: lossy)
        conversion.keepsEncoding = false
        conversion.lossy = lossy
        conversion.verbose = options.verbose
        guard let converted = try conversion.convert(bytes, name: input == "-" ? InputFile.standardInputName : input) else {
            throw CLIError(status: .invalidUTF8, message: "\(input): not a text file (NUL bytes or invalid UTF-8)")
        }
        if let output {
            let file = try openOutput(output)
            do {
                try converted.withUnsafeBytes { try file.write($0) }
                try file.commit()
            } catch {
                file.discard()
                throw error
            }
        } else {
            try converted.withUnsafeBytes { try StandardOutput().write($0) }
        }
    }

    private static func readStandardInput() throws -> [UInt8] {
        let input = try InputFile(path: "-")
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try chunk.withUnsafeMutableBytes { try input.read(into: $0) }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }
}
