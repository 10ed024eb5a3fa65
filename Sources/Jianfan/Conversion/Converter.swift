/// Converts Chinese text with one OpenCC configuration, byte for byte as OpenCC 1.4.2 does.
///
/// A `Converter` is an immutable value over tables compiled into the library: building one
/// parses nothing, and one instance can be shared by every thread and task.
///
/// ```swift
/// let converter = Converter(.s2t)
/// converter.convert("头发干了")          // "頭髮幹了"
/// ```
///
/// Every byte the dictionaries do not convert is kept: ASCII, markup, CRLF, a BOM, NUL,
/// astral characters, variation selectors, and complete ideographic description sequences.
public struct Converter: Sendable {
    /// The built-in configuration, or nil for one read from a file.
    ///
    /// ```swift
    /// Converter(.s2twp).config   // .s2twp
    /// ```
    public let config: Config?
    /// The built-in configuration's name, or the configuration file's path.
    ///
    /// ```swift
    /// print("converting with \(converter.name)")
    /// ```
    public let name: String
    /// Whether dictionaries OpenCC marks `may_output_tofu` take part (the OpenCC CLI leaves them
    /// out by default, and so does Jianfan).
    public let includesTofuRiskDictionaries: Bool
    private(set) var plan: Plan
    /// What conversion copies unconverted (``protecting(_:)-(Protection)``); nothing by default.
    ///
    /// ```swift
    /// Converter(.s2t).protecting(Protection(markup: .html)).protection.markup   // .html
    /// ```
    public internal(set) var protection = Protection.none
    /// How many threads one large conversion may use (default: every active core). The output
    /// is the same for any value; 1 converts on the calling thread only.
    public var maximumThreads = System.activeProcessorCount

    /// Inputs at least this large are cut into pieces converted on all cores.
    static let parallelThreshold = 1 << 19
    /// Pieces are handed to the threads one at a time, so small ones even out the threads' work:
    /// a 512 KB stream window in 64 KB pieces converts 15–20% faster than in 256 KB ones.
    static let pieceSize = 1 << 16
    /// Pieces converted one after another on one thread: small enough that a piece and the
    /// buffers between its stages stay in L2.
    static let serialPieceSize = 1 << 18

    /// - Complexity: O(1): the tables are compiled into the library.
    public init(_ config: Config, includeTofuRiskDictionaries: Bool = false) {
        self.config = config
        self.name = config.rawValue
        self.includesTofuRiskDictionaries = includeTofuRiskDictionaries
        guard let plan = TableSet.embedded.plan(config, includeTofuRisk: includeTofuRiskDictionaries) else {
            fatalError("Jianfan: no compiled plan for \(config.rawValue)")
        }
        self.plan = plan
    }

    /// A built-in configuration with a user's entries in front (see ``UserDictionary``).
    ///
    /// ```swift
    /// let converter = try Converter(.s2twp, overrides: ["软件": "軟件"])
    /// converter.convert("软件")   // "軟件" (s2twp alone writes 軟體)
    /// ```
    /// - Complexity: O(n log n) in the number of entries (10 entries: well under a millisecond).
    /// - Throws: ``ConfigurationError`` for an empty key or value, or more entries than one
    ///   table holds (131,071 keys of two characters or more).
    public init(_ config: Config, overrides: [String: String], includeTofuRiskDictionaries: Bool = false) throws(ConfigurationError) {
        self = try Converter(config, includeTofuRiskDictionaries: includeTofuRiskDictionaries).overriding(try UserDictionary(overrides))
    }

    /// An OpenCC 1.4.2 configuration file (JSON, or OpenCC's JSONC with comments and trailing
    /// commas), compiled at run time by the same compiler as the built-in configurations.
    ///
    /// Dictionary files are looked for in the configuration's directory, then in each of
    /// `searchPaths`, then in `OPENCC_DATA_DIR`, as `opencc` does. OpenCC's own dictionaries
    /// (`STPhrases.ocd2`, …) come from the copy embedded in Jianfan when they are not found, or
    /// when the file found is byte-identical to OpenCC 1.4.2's; another `.ocd2` file cannot be
    /// read (the error says how to turn it into a text dictionary). A file that describes a
    /// built-in configuration gets the built-in tables.
    ///
    /// With a `cacheDirectory`, the compiled plan is kept there (one file per configuration and
    /// dictionary contents, written atomically) and read back the next time the same bytes are
    /// loaded, which skips parsing and compiling; a damaged or unwritable cache only means
    /// compiling. Without one (the default), nothing is written anywhere.
    ///
    /// ```swift
    /// let converter = try Converter(configuration: "\(folder)/s2t.json", searchPaths: ["\(folder)/dicts"])
    /// let cached = try Converter(configuration: "\(folder)/s2t.json", searchPaths: ["\(folder)/dicts"],
    ///                            cacheDirectory: "\(folder)/cache")   // compiled once, then read
    /// ```
    /// - Throws: ``ConfigurationError`` naming the file, and the line and column of the fault.
    public init(configuration path: String, searchPaths: [String] = [], includeTofuRiskDictionaries: Bool = false,
                cacheDirectory: String? = nil) throws(ConfigurationError) {
        try self.init(configuration: path, searchPaths: searchPaths, includeTofuRiskDictionaries: includeTofuRiskDictionaries,
                      cacheDirectory: cacheDirectory, note: { _ in })
    }

    /// ``init(configuration:searchPaths:includeTofuRiskDictionaries:cacheDirectory:)``, telling
    /// `note` why the cache was not used when it was not (`jianfan --verbose`).
    package init(configuration path: String, searchPaths: [String], includeTofuRiskDictionaries: Bool,
                 cacheDirectory: String?, note: (String) -> Void) throws(ConfigurationError) {
        self.config = nil
        self.name = path
        self.includesTofuRiskDictionaries = includeTofuRiskDictionaries
        self.plan = try Plan.load(configuration: path, searchPaths: searchPaths, includeTofuRisk: includeTofuRiskDictionaries,
                                  cache: cacheDirectory.map(PlanCache.init(directory:)), note: note)
    }

    init(_ base: Converter, plan: Plan) {
        self = base
        self.plan = plan
    }

    /// This converter with `dictionary`'s entries in front: where one matches the input, its
    /// value is the output and no stage touches it; the text around it converts as before, as a
    /// text of its own. These entries win over the converter's earlier ones for the same key.
    ///
    /// ```swift
    /// let converter = try Converter(.s2twp).overriding(try UserDictionary(["软件": "軟件"]))
    /// converter.convert("软件工程")   // "軟件工程"
    /// ```
    /// - Throws: ``ConfigurationError`` when these entries and the converter's earlier ones are
    ///   more than one table holds (131,071 keys of two characters or more).
    public func overriding(_ dictionary: UserDictionary) throws(ConfigurationError) -> Converter {
        do {
            return Converter(self, plan: try plan.overriding(dictionary))
        } catch {
            throw ConfigurationError(file: nil, reason: "\(error)")
        }
    }

    /// This converter with another segmenter (``SegmenterChoice``); user entries stay in front.
    ///
    /// ```swift
    /// Converter(.s2t).segmenting(.words).convert("被发明")   // "被發明"
    /// ```
    public func segmenting(_ choice: SegmenterChoice) -> Converter {
        var plan = self.plan
        plan.segmenter = choice.segmenter
        return Converter(self, plan: plan)
    }
}
