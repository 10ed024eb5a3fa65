#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Jianfan
import JianfanDocuments

/// What the command line says about files beyond plain text streams: trees (`--output-dir`,
/// `--include`, `--exclude`, `--all`), documents (`--format`, `--set-language`), and how much
/// to report (`--verbose`).
///
/// ```swift
/// var options = FileOptions()
/// options.outputDirectory = "out"
/// options.include = ["*.txt"]
/// ```
struct FileOptions {
    var outputDirectory: String?
    var include: [String] = []
    var exclude: [String] = []
    var includeAll = false
    var format: DocumentFormat?
    var setLanguage = false
    var verbose = false

    /// Whether these inputs need the per-file machinery (a tree, a document, `--output-dir`)
    /// rather than the stream that concatenates inputs into one output.
    func needsFileJob(_ inputs: [String]) -> Bool {
        outputDirectory != nil || format != nil
            || inputs.contains { DocumentFormat(path: $0) != nil || Self.isDirectory($0) }
    }

    static func isDirectory(_ path: String) -> Bool {
        guard path != "-" else { return false }
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}

extension DocumentFormat: ExpressibleByArgument {}
