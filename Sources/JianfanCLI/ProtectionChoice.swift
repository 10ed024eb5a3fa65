import ArgumentParser
import Jianfan
import JianfanDocuments

/// `--markup none|markdown|html|mediawiki`.
extension Markup: ExpressibleByArgument {}

/// What `--markup` and `--protect` ask to keep unconverted, checked before any file is opened;
/// the markup of a file given no `--markup` follows its extension (`.md`, `.markdown`: markdown;
/// `.html`, `.htm`, `.xhtml`: html; anything else and standard input: none).
///
/// ```swift
/// let choice = try ProtectionChoice(markup: nil, patterns: ["#\\w+"])
/// choice.protection(for: "a/b.md").markup   // .markdown
/// ```
struct ProtectionChoice: Sendable {
    /// `--markup`, or nil to go by each file's extension.
    var markup: Markup?
    /// The `--protect` patterns, compiled once to check them.
    private var base = Protection.none

    init() {}

    /// - Throws: a usage error (exit status 2) naming a pattern ICU rejects, with ICU's error
    ///   and the offset in the pattern; a failure when ICU cannot be loaded.
    init(markup: Markup?, patterns: [String]) throws(CLIError) {
        self.markup = markup
        do {
            base = try Protection(markup: markup ?? .none, patterns: patterns)
        } catch {
            throw Self.error(error)
        }
    }

    /// A pattern ICU rejects: a usage error (exit status 2); ICU missing: a failure.
    static func error(_ error: ProtectionError) -> CLIError {
        if error.offset != nil || error.reason.hasPrefix("U_") { return CLIError.usage("--protect: \(error)") }
        return CLIError(status: .failure, message: "--protect: \(error)")
    }

    /// What each `--markup` protects, the same for `convert` and `normalize`.
    static let modes = "none: nothing; markdown: front matter, fenced and inline code, HTML tags with their attributes, comments, link targets, entities, URLs, e-mail addresses; html: tags with their attributes (but the values of alt, title, aria-label), comments, script and style contents, entities, URLs, e-mail addresses; mediawiki: -{…}- spans"

    /// Whether anything is asked for on the command line (an extension alone asks nothing).
    var isExplicit: Bool { markup != nil || !base.patterns.isEmpty }

    /// The protection of the input at `path` (nil or `-`: standard input).
    func protection(for path: String?) -> Protection {
        var protection = base
        protection.markup = markup ?? path.flatMap { $0 == "-" ? nil : Markup(path: $0) } ?? .none
        return protection
    }
}

extension ProtectionChoice {
    /// The whole-file conversion of each markup a text file may get (`--markup`, or else
    /// `none`, `markdown` and `html` by extension), with the patterns; none that protects nothing.
    func conversions(_ engine: Engine, lossy: Bool) -> [Markup: TextConversion] {
        var conversions: [Markup: TextConversion] = [:]
        for markup in markup.map({ [$0] }) ?? [.none, .markdown, .html] {
            var protection = base
            protection.markup = markup
            if !protection.isEmpty { conversions[markup] = engine.protecting(protection).wholeConversion(lossy: lossy) }
        }
        return conversions
    }
}

extension Engine {
    /// The table engine copying what `protection` protects; ICU transforms and inspections are
    /// left as they are (the command line refuses explicit protection with them).
    func protecting(_ protection: Protection) -> Engine {
        if case .table(let converter) = self, converter.protection != protection {
            return .table(converter.protecting(protection))
        }
        return self
    }
}
