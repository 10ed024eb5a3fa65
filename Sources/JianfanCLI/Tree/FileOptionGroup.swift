import ArgumentParser
import JianfanDocuments

/// The command-line options for trees and documents, as a group `jianfan convert` includes.
///
/// ```sh
/// jianfan -c s2t docs/ --output-dir docs-tw --include '*.md' --exclude 'drafts/**'
/// jianfan -c s2tw --set-language -i book.epub -o book-tw.epub
/// ```
struct FileOptionGroup: ParsableArguments {
    @Option(
        name: .customLong("output-dir"),
        help: ArgumentHelp(
            "Write each input's conversion under DIR, mirroring directories given as inputs.",
            valueName: "dir"
        )
    )
    var outputDirectory: String?

    @Option(help: ArgumentHelp("In directories, convert only files matching GLOB (repeatable; `*`, `**`, `?`, `[…]`).", valueName: "glob"))
    var include: [String] = []

    @Option(help: ArgumentHelp("In directories, leave out files and directories matching GLOB (repeatable).", valueName: "glob"))
    var exclude: [String] = []

    @Flag(help: "In directories, also convert hidden files and what .gitignore files exclude.")
    var all = false

    @Option(help: ArgumentHelp(
        "Treat inputs as this document format, whatever their extension: \(DocumentFormat.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "format"
    ))
    var format: DocumentFormat?

    @Flag(help: "In documents, change the language tags (xml:lang, dc:language, w:lang) to the conversion's target (zh-CN → zh-TW).")
    var setLanguage = false

    @Flag(name: [.short, .long], help: "Report each file's outcome, and the encoding an input was read in, on standard error.")
    var verbose = false

    var options: FileOptions {
        FileOptions(
            outputDirectory: outputDirectory, include: include, exclude: exclude, includeAll: all,
            format: format, setLanguage: setLanguage, verbose: verbose
        )
    }
}
