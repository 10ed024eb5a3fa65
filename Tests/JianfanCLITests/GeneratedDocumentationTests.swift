import Foundation
import Testing

/// The man page and shell completions shipped in Documentation/ (written by
/// `Scripts/generate-docs.sh` with swift-argument-parser's tools) match the binary.
@Suite("Man page and completions")
struct GeneratedDocumentationTests {
    static let documentation = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Documentation")

    @Test("the shipped completion scripts are what the binary generates", arguments: [
        ("bash", "jianfan.bash"), ("zsh", "_jianfan"), ("fish", "jianfan.fish"),
    ])
    func completionsUpToDate(shell: String, file: String) throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.run(["--generate-completion-script", shell], in: dir.url)
        #expect(result.status == 0)
        let shipped = try String(contentsOf: Self.documentation.appendingPathComponent("completions/\(file)"), encoding: .utf8)
        #expect(result.stdoutText == shipped, "run bash Scripts/generate-docs.sh")
    }

    @Test("the completion for -c offers the sixteen config names", arguments: ["bash", "zsh", "fish"])
    func configCompletion(shell: String) throws {
        let dir = try TemporaryDirectory()
        let script = try CLI.run(["--generate-completion-script", shell], in: dir.url).stdoutText
        let names = "s2t t2s s2tw tw2s s2twp tw2sp s2hk hk2s s2hkp hk2sp t2tw tw2t t2hk hk2t t2jp jp2t"
        switch shell {
        case "fish": #expect(script.contains("-l 'config'") && script.contains("-rfka '\(names)'"))
        case "zsh": #expect(script.contains("___config=(" + names.split(separator: " ").map { "'\($0)'" }.joined(separator: " ") + ")"))
        default: #expect(script.contains("-W '" + names.split(separator: " ").joined(separator: "'$'\\n''") + "'"))
        }
    }

    @Test("the man page keeps the CJK text of the examples, as roff escapes")
    func manPageCJK() throws {
        let page = try String(contentsOf: Self.documentation.appendingPathComponent("man/jianfan.1"), encoding: .utf8)
        // echo 头发 | jianfan -c s2t.json … 頭髮 (generate-manual alone writes `echo  | jianfan`)
        #expect(page.contains(#"echo \[u5934]\[u53D1] | jianfan -c s2t.json"#))
        #expect(page.contains(#"stdin to stdout: \[u982D]\[u9AEE]"#))
        #expect(!page.contains("echo  |"))
        for subcommand in ["convert", "configs", "normalize", "transforms"] {
            #expect(page.contains(subcommand), "\(subcommand)")
        }
        #expect(page.contains("noflush"))
    }
}
