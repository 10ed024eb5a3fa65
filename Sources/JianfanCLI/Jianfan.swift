import ArgumentParser

/// `jianfan`: the root command. Conversion is the default subcommand, so `jianfan -c s2t -i f`
/// works exactly like `opencc -c s2t -i f`.
@main
struct RootCommand: ParsableCommand {
    /// The version `-v`/`--version` prints (see ``CompatibleArguments/versionLine``); the only
    /// place it is written.
    static let version = "0.2.0"

    static let configuration = CommandConfiguration(
        commandName: "jianfan",
        abstract: "Convert between Simplified and Traditional Chinese, byte for byte as OpenCC does.",
        usage: """
            jianfan [-c <config>] [-i <file> ...] [-o <file> | --in-place] [<file> ...]
            jianfan <subcommand>
            """,
        discussion: HelpText.rootDiscussion,
        version: CompatibleArguments.versionLine,
        subcommands: [
            ConvertCommand.self, ConfigsCommand.self, NormalizeCommand.self, TransformsCommand.self, DetectCommand.self,
        ],
        defaultSubcommand: ConvertCommand.self
    )

    /// Replaces ArgumentParser's entry point to own error reporting: our errors print as
    /// `jianfan: <file>: <reason>` with the statuses of ``ExitStatus``, and ArgumentParser's
    /// usage errors exit with 2 (`ExitStatus.usage`) rather than its default 64. Arguments
    /// are taken as bytes (``ArgumentBytes``): a file name need not be UTF-8.
    static func main() {
        // A closed pipe must surface as EPIPE (a quiet exit), not kill us mid-write.
        signal(SIGPIPE, SIG_IGN)
        InterruptCleanup.install()
        do {
            guard case let .run(arguments) = try CompatibleArguments.prepare(ArgumentBytes.arguments) else {
                try StandardOutput().write(Array((CompatibleArguments.versionLine + "\n").utf8))
                terminate(.success)
            }
            if let request = ConversionRequest.quick(arguments) {
                try request.run()
            } else {
                var command = try parseAsRoot(arguments)
                try command.run()
            }
            terminate(.success)
        } catch let error as CLIError {
            error.report()
            terminate(error.status)
        } catch is BrokenPipe {
            terminate(.success)
        } catch let code as ExitCode {
            terminate(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) } // --help, --version, `help`
            StandardError.write(usageMessage(for: error) + "\n")
            terminate(code == .validationFailure ? ExitStatus.usage.rawValue : code.rawValue)
        }
    }
}

extension RootCommand {
    /// ArgumentParser's error in our style: `jianfan: <reason> (see 'jianfan … --help')` on
    /// one line, like every other error, instead of its `Error:`/`Usage:` block.
    static func usageMessage(for error: Error) -> String {
        let reason = message(for: error).split(separator: "\n")
            .map { $0.drop { $0 == " " } }.joined(separator: "; ")
        // ArgumentParser ends with "See 'jianfan convert --help' for more information."
        let quoted = fullMessage(for: error).split(separator: "\n").last { $0.contains("--help'") }?
            .split(separator: "'", omittingEmptySubsequences: false).dropFirst().first
        let hint = quoted.map { " (see '\($0)')" } ?? ""
        return "jianfan: \(ArgumentBytes.display(reason))\(hint)"
    }
}

/// The help prose shared by `jianfan --help` and `jianfan convert --help`.
enum HelpText {
    static let rootNote = """
        Conversion is the default subcommand: its options (-c, -i, -o, --in-place, --lossy, \
        --engine, …) are listed by `jianfan help convert`.
        """

    static let behaviour = """
        With no input file, or with `-`, standard input is read; with no --output, the result \
        goes to standard output. Several inputs are converted in order, into one output. \
        An output file, and every file rewritten by --in-place, is replaced atomically and only \
        once its whole conversion has succeeded: on any error it is left untouched. Bytes the \
        conversion does not change (BOM, CRLF, NUL, emoji, markup) pass through unchanged, and \
        input of any size is streamed in bounded memory. A file named like a subcommand \
        (`configs`) is converted with `jianfan convert configs` or `jianfan ./configs`. \
        An existing output file that is read-only is refused, as cp does. opencc's forms \
        are accepted: -cs2t, --config=s2t, -v, --noflush [0|1], --path DIR. Input in \
        another encoding (GB18030, Big5, UTF-16 with a byte order mark) is detected and \
        read; output is UTF-8 unless --to-encoding says otherwise, and files rewritten in \
        place or under --output-dir keep their own encoding.
        """

    // Kept under 80 columns: ArgumentParser wraps longer lines and would break the columns.
    static let examples = """
        EXAMPLES:
          jianfan -c s2t -i in.txt -o out.txt     file to file
          echo 头发 | jianfan -c s2t.json          stdin to stdout: 頭髮
          jianfan -c tw2sp --in-place a.txt b.txt rewrite files in place
          jianfan -c s2t a.txt b.txt > both.txt   several inputs, in order
          jianfan -c s2t --engine icu -i in.txt   ICU's Hans-Hant transform
          jianfan configs                         list the configurations
          jianfan transforms                      list ICU's transform IDs
        """

    static var discussion: String {
        [behaviour, examples, ExitStatus.helpSection].joined(separator: "\n\n")
    }

    static var rootDiscussion: String { rootNote + "\n\n" + discussion }
}

/// exit(3), callable where ParsableCommand's own `exit(withError:)` shadows the name.
func terminate(_ status: ExitStatus) -> Never {
    terminate(status.rawValue)
}

func terminate(_ status: Int32) -> Never {
    exit(status)
}
