import ArgumentParser
import Jianfan

/// `jianfan configs`: one line per OpenCC configuration, its name and what it does.
struct ConfigsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "configs",
        abstract: "List the conversion configurations, one per line."
    )

    func run() throws {
        let width = Config.allCases.map(\.rawValue.count).max() ?? 0
        let lines = Config.allCases.map { config in
            let name = config.rawValue
            return name + String(repeating: " ", count: width - name.count) + "  " + config.summary + "\n"
        }
        try StandardOutput().write(Array(lines.joined().utf8))
    }
}
