import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `jianfan`: the root command. Conversion is the default subcommand, so `jianfan -c s2t -i f`
/// works exactly like `opencc -c s2t -i f`.
@main
struct RootCommand: ParsableCommand {
    /// The version `--version` prints; the only place it is written.
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "jianfan",
        abstract: "Convert between Simplified and Traditional Chinese, byte for byte as OpenCC does.",
        usage: """
            jianfan [-c <config>] [-i <file> ...] [-o <file> | --in-place] [<file> ...]
            jianfan <subcommand>
            """,
        discussion: HelpText.rootDiscussion,
        version: version,
        subcommands: [ConvertCommand.self, ConfigsCommand.self, NormalizeCommand.self, DetectCommand.self],
        defaultSubcommand: ConvertCommand.self
    )

    /// Replaces ArgumentParser's entry point to own error reporting: our errors print as
    /// `jianfan: <file>: <reason>` with the statuses of ``ExitStatus``, and ArgumentParser's
    /// usage errors exit with 2 (`ExitStatus.usage`) rather than its default 64.
    static func main() {
        // A closed pipe must surface as EPIPE (a quiet exit), not kill us mid-write.
        signal(SIGPIPE, SIG_IGN)
        InterruptCleanup.install()
        do {
            if let request = ConversionRequest.quick(CommandLine.arguments.dropFirst()) {
                try request.run()
            } else {
                var command = try parseAsRoot()
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
            StandardError.write(fullMessage(for: error) + "\n")
            terminate(code == .validationFailure ? ExitStatus.usage.rawValue : code.rawValue)
        }
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
        (`configs`) is converted with `jianfan convert configs` or `jianfan ./configs`.
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
