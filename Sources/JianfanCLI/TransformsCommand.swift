import ArgumentParser
import Jianfan

/// `jianfan transforms`: ICU's transform IDs, one per line, for `--icu-transform`.
///
/// ```sh
/// jianfan transforms | grep Han      # Han-Latin, Hans-Hant, Hant-Hans, …
/// ```
struct TransformsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transforms",
        abstract: "List ICU's transform IDs, one per line (for --icu-transform)."
    )

    func run() throws {
        let ids = Transliterator.availableIDs
        guard !ids.isEmpty else {
            // No transform at all: ICU could not be loaded, and opening one says why.
            do {
                _ = try Transliterator("Hans-Hant")
            } catch let error as TransliteratorError where error.isICUUnavailable {
                throw CLIError(status: .failure, message: error.description)
            } catch {}
            throw CLIError(status: .failure, message: "ICU lists no transforms")
        }
        try StandardOutput().write(Array(ids.map { $0 + "\n" }.joined().utf8))
    }
}
