import Jianfan

/// What `-c` names: a built-in configuration (`s2t`, `s2t.json`: a name with no directory part)
/// or a configuration file, found as `opencc` finds it: the path as given, then in each
/// `--path` directory, then in `OPENCC_DATA_DIR`. A name that is neither is an error, never a
/// silent fall-back to a built-in.
struct ConfigSource {
    let builtIn: Config?
    let file: String?
    let searchPaths: [String]

    init(_ name: String, searchPaths: [String]) throws(CLIError) {
        self.searchPaths = searchPaths
        if !name.contains("/"), let config = Config(name: name) {
            (builtIn, file) = (config, nil)
            return
        }
        let dataDirectory = getenv("OPENCC_DATA_DIR").map { String(cString: $0) }
        let candidates = [name] + (name.hasPrefix("/") ? [] : (searchPaths + [dataDirectory].compactMap { $0 }).map { $0 + "/" + name })
        guard let found = candidates.first(where: { access($0, F_OK) == 0 }) else {
            if !name.contains("/") {
                let valid = Config.allCases.map(\.rawValue).joined(separator: ", ")
                throw .usage("unknown config '\(name)'; valid configs: \(valid), or a configuration file (none is named '\(name)')")
            }
            throw .usage("\(name): No such file or directory")
        }
        (builtIn, file) = (nil, found)
    }

    /// The converter, compiling the configuration file if there is one, or reading its plan
    /// from `cacheDirectory` if it was compiled there before; `note` hears why the cache was not
    /// used. (A built-in configuration never looks at the cache.)
    func converter(includeTofuRiskDictionaries: Bool, cacheDirectory: String? = nil,
                   note: (String) -> Void = { _ in }) throws(CLIError) -> Converter {
        guard let file else { return Converter(builtIn!, includeTofuRiskDictionaries: includeTofuRiskDictionaries) }
        do {
            return try Converter(configuration: file, searchPaths: searchPaths,
                                 includeTofuRiskDictionaries: includeTofuRiskDictionaries,
                                 cacheDirectory: cacheDirectory, note: note)
        } catch {
            throw .usage("\(error)")
        }
    }
}
