/// The command line as typed, made ready for ArgumentParser: the `opencc` habits it does not
/// know, and the mistakes it would otherwise misread, are settled here first.
///
/// - `-v` and `--version` anywhere print ``versionLine``, as `opencc -v` does.
/// - `--noflush` takes an optional boolean as `opencc --noflush 1` does (`--noflush=1` too);
///   the value is dropped, since output is never flushed per line anyway.
/// - `jianfan help nothing` is a usage error, not the root help.
/// - a first word that is neither a file nor a subcommand but close to one (`config`) is a
///   usage error that names the subcommand, rather than "No such file".
///
/// ```swift
/// try CompatibleArguments.prepare(["--noflush", "1", "-c", "s2t"])   // .run(["--noflush", "-c", "s2t"])
/// try CompatibleArguments.prepare(["-v"])                            // .printVersion
/// ```
enum CompatibleArguments {
    /// What `jianfan -v` prints: the tool's version and the data its conversions reproduce.
    static let versionLine = "jianfan \(RootCommand.version) (OpenCC 1.4.2 data)"

    enum Action: Equatable {
        case run([String])
        case printVersion
    }

    static let booleans: Set<String> = ["0", "1", "true", "false"]

    static func prepare(_ arguments: [String]) throws(CLIError) -> Action {
        var prepared: [String] = []
        var rest = arguments[...]
        while let token = rest.popFirst() {
            if token == "--" {
                prepared.append(token)
                prepared.append(contentsOf: rest)
                break
            }
            switch token {
            case "-v", "--version":
                return .printVersion
            case "--noflush":
                if let value = rest.first, booleans.contains(value) { rest.removeFirst() }
                prepared.append(token)
            case _ where token.hasPrefix("--noflush="):
                prepared.append("--noflush")
            default:
                prepared.append(token)
            }
        }
        try checkSubcommand(prepared)
        return .run(prepared)
    }

    /// The names a first word may give, from the root command's own list.
    static var subcommandNames: [String] {
        RootCommand.configuration.subcommands.compactMap { $0.configuration.commandName }
    }

    private static func checkSubcommand(_ arguments: [String]) throws(CLIError) {
        guard let first = arguments.first, !first.hasPrefix("-") else { return }
        let names = subcommandNames
        if first == "help" {
            guard arguments.count > 1, !arguments[1].hasPrefix("-") else { return }
            let asked = arguments[1]
            if !names.contains(asked) && asked != "help" {
                let known = names.joined(separator: ", ")
                throw .usage("help: no subcommand '\(ArgumentBytes.display(asked))' (subcommands: \(known))")
            }
            return
        }
        guard !names.contains(first), !fileExists(first),
              let near = names.first(where: { isNear(first, $0) }) else { return }
        throw .usage("\(ArgumentBytes.display(first)): no such file or subcommand; did you mean 'jianfan \(near)'?")
    }

    private static func fileExists(_ path: String) -> Bool {
        var info = stat()
        return withSystemPath(path) { lstat($0, &info) } == 0
    }

    /// At most two edits apart (insertions, deletions, substitutions), for names of four letters
    /// or more: `config`, `transform`, `normalise`, `covnert`.
    static func isNear(_ word: String, _ name: String) -> Bool {
        let a = Array(word.lowercased().unicodeScalars), b = Array(name.unicodeScalars)
        guard !a.isEmpty, b.count >= 4, abs(a.count - b.count) <= 2 else { return false }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count] <= 2
    }
}
