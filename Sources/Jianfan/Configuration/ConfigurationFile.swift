#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An OpenCC 1.4.2 configuration file read from disk: its definition, and every dictionary it
/// names, resolved as `opencc` resolves them (the config's directory, then each search path, then
/// `OPENCC_DATA_DIR`), with OpenCC's own dictionaries taken from the copy embedded in Jianfan when
/// they are not found or are byte-identical to OpenCC 1.4.2's.
struct ConfigurationFile {
    let definition: ConfigDefinition
    /// The configuration file's bytes.
    let bytes: [UInt8]
    /// The inline dictionaries, parsed, by the names the definition uses (by position).
    let dictionaries: [String: DictionaryText]
    /// The text dictionary files, in the order the definition names them first: read, but
    /// parsed only if the configuration is compiled (a cached plan needs only their bytes).
    let files: [DictionaryFile]
    /// OpenCC's own dictionaries the definition names (by base name, `STPhrases`, as in the
    /// built-in definitions): the embedded copies, parsed only if the configuration is compiled.
    let embeddedNames: Set<String>

    /// Reads and resolves the configuration at `path`.
    /// - Throws: ``ConfigurationError`` naming the file at fault and where in it.
    init(path: String, searchPaths: [String], dataDirectory: String?) throws(ConfigurationError) {
        bytes = try ConfigurationFile.readBytes(path)
        let text = try ConfigurationFile.text(bytes, path: path)
        let root: JSONCValue
        do {
            root = try JSONCParser.parse(text)
        } catch {
            throw ConfigurationError(file: path, line: error.at.line, column: error.at.column, reason: error.message)
        }
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        var reader = Reader(path: path, directories: [directory] + searchPaths + [dataDirectory].compactMap { $0 })
        guard case .object = root.kind else { throw reader.error(root, "a configuration is a JSON object") }
        guard let chain = root["conversion_chain"], case .array(let steps) = chain.kind, !steps.isEmpty else {
            throw reader.error(root["conversion_chain"] ?? root, "\"conversion_chain\" must be a non-empty array")
        }
        var normalization: [DictionarySpec] = []
        if let value = root["normalization"] {
            guard case .array(let items) = value.kind else { throw reader.error(value, "\"normalization\" must be an array") }
            normalization = try items.map { step throws(ConfigurationError) in try reader.step(step) }
        }
        var segmentation: DictionarySpec?
        if let value = root["segmentation"] {
            guard value["type"]?.string == "mmseg" else {
                throw reader.error(value["type"] ?? value, "segmentation type must be \"mmseg\" (the only one OpenCC 1.4.2 ships)")
            }
            guard let dict = value["dict"] else { throw reader.error(value, "segmentation without a \"dict\"") }
            segmentation = try reader.dictionary(dict, tofu: false)
        }
        definition = ConfigDefinition(normalization: normalization, segmentation: segmentation,
                                      chain: try steps.map { step throws(ConfigurationError) in try reader.step(step) })
        dictionaries = reader.dictionaries
        files = reader.files
        embeddedNames = reader.embeddedNames
    }

    /// Every dictionary the definition names, the files and the embedded ones parsed now.
    func allDictionaries() throws(ConfigurationError) -> [String: DictionaryText] {
        var all = dictionaries
        for file in files { all[file.name] = try file.parsed() }
        for name in embeddedNames {
            guard let d = EmbeddedData.dictionary(name) else { throw ConfigurationError(file: nil, reason: "embedded dictionary \(name) is damaged") }
            all[name] = d
        }
        return all
    }

    /// The file's bytes, or an error naming it (missing, a directory, unreadable).
    static func readBytes(_ path: String) throws(ConfigurationError) -> [UInt8] {
        switch FileBytes.kind(atPath: path) {
        case .missing: throw ConfigurationError(file: path, reason: "No such file or directory")
        case .directory: throw ConfigurationError(file: path, reason: "Is a directory")
        case .other: break
        }
        guard let bytes = FileBytes.contents(atPath: path) else {
            throw ConfigurationError(file: path, reason: "cannot be read")
        }
        return bytes
    }

    /// `bytes` as text, or an error naming the file at `path` and the offset of invalid UTF-8.
    static func text(_ bytes: [UInt8], path: String) throws(ConfigurationError) -> String {
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
            throw ConfigurationError(file: path, reason: "invalid UTF-8 at byte offset \(offset)")
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Turns the JSON of one configuration into dictionary specs, loading what they name.
private struct Reader {
    let path: String
    let directories: [String]
    var dictionaries: [String: DictionaryText] = [:]
    var files: [DictionaryFile] = []
    var embeddedNames = Set<String>()
    private var inlineCount = 0

    init(path: String, directories: [String]) {
        self.path = path
        self.directories = directories
    }

    func error(_ value: JSONCValue, _ reason: String) -> ConfigurationError {
        ConfigurationError(file: path, line: value.at.line, column: value.at.column, reason: reason)
    }

    /// One step of `normalization` or `conversion_chain`: `{"dict": …}`.
    mutating func step(_ value: JSONCValue) throws(ConfigurationError) -> DictionarySpec {
        guard let dict = value["dict"] else { throw error(value, "a conversion step is {\"dict\": …}") }
        return try dictionary(dict, tofu: false)
    }

    mutating func dictionary(_ value: JSONCValue, tofu inherited: Bool) throws(ConfigurationError) -> DictionarySpec {
        guard case .object = value.kind else { throw error(value, "a dictionary is a JSON object") }
        guard let type = value["type"]?.string else { throw error(value, "dictionary without a \"type\"") }
        var tofu = inherited
        if let flag = value["may_output_tofu"] {
            guard case .bool(let b) = flag.kind else { throw error(flag, "\"may_output_tofu\" must be true or false") }
            tofu = tofu || b
        }
        switch type {
        case "text", "ocd2", "ocd":
            guard let file = value["file"]?.string, !file.isEmpty else { throw error(value, "dictionary without a \"file\"") }
            return .file(try load(file, type: type, at: value), mayOutputTofu: tofu)
        case "inline":
            if value["may_output_tofu"] != nil { throw error(value, "an inline dictionary does not take \"may_output_tofu\"") }
            guard let entries = value["entries"], case .object(let members) = entries.kind else {
                throw error(value, "an inline dictionary needs an \"entries\" object")
            }
            var seen = Set<String>()
            var parsed: [DictionaryText.Entry] = []
            for member in members {
                guard !member.key.isEmpty else { throw error(member.value, "an inline dictionary key must be a non-empty string") }
                guard seen.insert(member.key).inserted else {
                    throw ConfigurationError(file: path, line: member.keyAt.line, column: member.keyAt.column,
                                             reason: "duplicate key \"\(member.key)\" in an inline dictionary")
                }
                guard let v = member.value.string, !v.isEmpty else {
                    throw error(member.value, "the value of \"\(member.key)\" must be a non-empty string")
                }
                guard v.utf8.count <= DictionaryText.longestValue else { throw error(member.value, DictionaryText.tooLong) }
                try UserEntries.check(key: member.key) { reason throws(ConfigurationError) in throw error(member.value, reason) }
                parsed.append(DictionaryText.Entry(key: member.key.unicodeScalars.map(\.value), value: Array(v.utf8)))
            }
            inlineCount += 1
            let name = "inline#\(inlineCount)@\(path):\(value.at)"
            dictionaries[name] = DictionaryText(name: name, entries: parsed)
            return .file(name, mayOutputTofu: false)
        case "group":
            guard let list = value["dicts"], case .array(let items) = list.kind, !items.isEmpty else {
                throw error(value, "a group needs a non-empty \"dicts\" array")
            }
            let raw = value["match_policy"]?.string ?? "short_circuit"
            guard let policy = DictionarySpec.MatchPolicy(rawValue: raw) else {
                throw error(value["match_policy"] ?? value, "match_policy must be \"short_circuit\" or \"union\", not \"\(raw)\"")
            }
            return .group(policy, try items.map { item throws(ConfigurationError) in try dictionary(item, tofu: tofu) })
        default:
            throw error(value["type"]!, "dictionary type \"\(type)\" is not one of text, ocd2, ocd, inline, group")
        }
    }

    /// Loads the dictionary file `file` and returns the name the definition uses for it.
    mutating func load(_ file: String, type: String, at value: JSONCValue) throws(ConfigurationError) -> String {
        let candidates = file.hasPrefix("/") ? [file] : directories.map { $0 + "/" + file }
        let found = candidates.first { FileBytes.kind(atPath: $0) != .missing }
        let embedded = EmbeddedData.baseName(file)
        let isOpenCCs = EmbeddedData.files[embedded + ".txt"] != nil
        guard let found else {
            if isOpenCCs { return try embeddedDictionary(embedded, at: value) }
            throw error(value, "dictionary \(file) not found in \(directories.joined(separator: ", "))")
        }
        if type != "text" {
            // A binary dictionary: OpenCC's own (byte for byte) is the embedded copy.
            if let bytes = FileBytes.contents(atPath: found), isOpenCCs,
               OpenCCDictionaryChecksums.matches(embedded, bytes) {
                return try embeddedDictionary(embedded, at: value)
            }
            throw ConfigurationError(file: found, reason: """
                a binary .\(type) dictionary that is not OpenCC 1.4.2's own cannot be read; convert it to text with \
                `opencc_dict -f ocd2 -t text -i \(found) -o \(embedded).txt` and name that file with "type": "text"
                """)
        }
        // A text file byte-identical to OpenCC's own is the embedded copy too: a configuration
        // of OpenCC's dictionaries as text is then the built-in one, compiled ahead of time.
        let key = "file:" + found
        if files.contains(where: { $0.name == key }) { return key }
        let bytes = try ConfigurationFile.readBytes(found)
        if isOpenCCs, let embeddedBytes = EmbeddedData.files[embedded + ".txt"],
           bytes.count == embeddedBytes.count, bytes.elementsEqual(embeddedBytes) {
            return try embeddedDictionary(embedded, at: value)
        }
        files.append(DictionaryFile(name: key, path: found, bytes: bytes))
        return key
    }

    mutating func embeddedDictionary(_ name: String, at value: JSONCValue) throws(ConfigurationError) -> String {
        guard EmbeddedData.files[name + ".txt"] != nil else { throw error(value, "no embedded dictionary \(name)") }
        embeddedNames.insert(name)
        return name
    }
}

/// A text dictionary file a configuration names: its bytes, parsed when the plan is compiled.
struct DictionaryFile {
    /// The name the definition uses for it (`file:` and its path).
    let name: String
    let path: String
    let bytes: [UInt8]

    /// The dictionary, or an error naming the file and the line at fault.
    func parsed() throws(ConfigurationError) -> DictionaryText {
        let text = try ConfigurationFile.text(bytes, path: path)
        return try DictionaryText.checked(parsing: text, name: name, file: path)
    }
}
