import Dispatch

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

    /// Converts a string.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public func convert(_ text: String) -> String {
        var text = text
        return text.withUTF8 { utf8 in
            var out: [UInt8] = []
            // A String's UTF-8 is valid by construction.
            convert(unsafeValidatedUTF8: UnsafeRawBufferPointer(utf8), appendingTo: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Converts UTF-8 bytes, appending the result to `output`. The input is validated first
    /// (16 bytes at a time, on all cores for large inputs); invalid input throws and leaves
    /// `output` as it was. Large inputs are cut at safe boundaries and converted on all cores;
    /// the result is the same as in one piece.
    ///
    /// ```swift
    /// var out: [UInt8] = []
    /// try Array("后来".utf8).withUnsafeBytes { try Converter(.s2t).convert($0, appendingTo: &out) }
    /// // out == Array("後來".utf8)
    /// ```
    /// - Throws: ``InvalidUTF8Error`` with the offset of the first byte that is not UTF-8.
    public func convert(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(InvalidUTF8Error) {
        try validate(input)
        convert(unsafeValidatedUTF8: input, appendingTo: &output)
    }

    /// Like ``convert(_:appendingTo:)`` without validating: for bytes the caller has already
    /// validated (a `String`'s UTF-8, the output of ``UTF8Validation``).
    ///
    /// ```swift
    /// var out: [UInt8] = []
    /// var text = "后来"
    /// text.withUTF8 { Converter(.s2t).convert(unsafeValidatedUTF8: UnsafeRawBufferPointer($0), appendingTo: &out) }
    /// ```
    /// - Precondition: `input` is valid UTF-8. Other bytes may be read out of bounds.
    public func convert(unsafeValidatedUTF8 input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) {
        if !protection.isEmpty { return convertProtected(input, appendingTo: &output) }
        let estimate = Converter.outputEstimate(input.count)
        guard output.isEmpty else {
            let buffer = ByteBuffer(capacity: estimate)
            convert(input, into: buffer, parallel: true)
            output.append(contentsOf: UnsafeBufferPointer(start: buffer.base, count: buffer.count))
            return
        }
        // Into the new array's own storage: no second buffer to fault in, no copy (unless the
        // output outgrows the estimate, which text that is not all phrases never does).
        var outgrown: ByteBuffer?
        output = [UInt8](unsafeUninitializedCapacity: estimate) { storage, initialized in
            let buffer = ByteBuffer(borrowing: storage.baseAddress!, capacity: storage.count)
            convert(input, into: buffer, parallel: true)
            if buffer.ownsStorage { outgrown = buffer } else { initialized = buffer.count }
        }
        if let outgrown { output = Array(UnsafeBufferPointer(start: outgrown.base, count: outgrown.count)) }
    }

    /// Converts UTF-8 into a caller-provided buffer, returning the number of bytes written, or
    /// nil when `output` is too small (nothing useful is left in it then). Bytes of `output` past
    /// the returned count may be overwritten. The input is validated first.
    ///
    /// ```swift
    /// var room = [UInt8](repeating: 0, count: 64)
    /// let n = try Array("后来".utf8).withUnsafeBytes { input in
    ///     try room.withUnsafeMutableBytes { try Converter(.s2t).convert(input, into: $0) }
    /// }   // n == 6, room[..<6] is "後來"
    /// ```
    /// - Throws: ``InvalidUTF8Error`` with the offset of the first byte that is not UTF-8.
    public func convert(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws(InvalidUTF8Error) -> Int? {
        try validate(input)
        return convert(unsafeValidatedUTF8: input, into: output)
    }

    /// Like ``convert(_:into:)`` without validating.
    ///
    /// ```swift
    /// var room = [UInt8](repeating: 0, count: 64)
    /// var text = "后来"
    /// let n = text.withUTF8 { input in
    ///     room.withUnsafeMutableBytes { Converter(.s2t).convert(unsafeValidatedUTF8: UnsafeRawBufferPointer(input), into: $0) }
    /// }
    /// ```
    /// - Precondition: `input` is valid UTF-8. Other bytes may be read out of bounds.
    public func convert(unsafeValidatedUTF8 input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int? {
        if !protection.isEmpty { return convertProtected(input, into: output) }
        // Straight into the caller's buffer when it leaves the writer its slack, as above; else,
        // or when the output outgrows it, through a buffer of its own, copied if it fits.
        let lent = output.count >= ByteBuffer.slack * 2 ? output.baseAddress?.assumingMemoryBound(to: UInt8.self) : nil
        let buffer = lent.map { ByteBuffer(borrowing: $0, capacity: output.count) }
            ?? ByteBuffer(capacity: Converter.outputEstimate(input.count))
        convert(input, into: buffer, parallel: true)
        if !buffer.ownsStorage { return buffer.count }
        guard buffer.count <= output.count, let target = output.baseAddress else { return buffer.count == 0 ? 0 : nil }
        target.copyMemory(from: buffer.base, byteCount: buffer.count)
        return buffer.count
    }

    /// Throws at the first byte of `input` that is not UTF-8 (an incomplete scalar at the end
    /// included).
    func validate(_ input: UnsafeRawBufferPointer) throws(InvalidUTF8Error) {
        let bytes = input.bindMemory(to: UInt8.self)
        switch UTF8Validation.scan(bytes, threads: input.count >= Converter.parallelThreshold ? maximumThreads : 1) {
        case .valid(let tail): if tail > 0 { throw InvalidUTF8Error(offset: input.count - tail) }
        case .invalid(let offset, _): throw InvalidUTF8Error(offset: offset)
        }
    }

    /// A streaming conversion: feed chunks of any size, get output with bounded memory.
    public func makeStream(lossy: Bool = false) -> ConversionStream {
        ConversionStream(converter: self, lossy: lossy)
    }

    /// Room for the output of `count` input bytes: conversion rarely makes text longer.
    static func outputEstimate(_ count: Int) -> Int { count + count / 8 + 1024 }

    /// The engine entry point shared by every API above.
    func convert(_ input: UnsafeRawBufferPointer, into out: ByteBuffer, parallel: Bool, workspace: Workspace = Workspace()) {
        guard input.count > 0 else { return }
        if let pieces = convertedPieces(input, parallel: parallel, workspace: workspace) {
            for piece in pieces { out.append(piece.bytes) }
        } else if input.count >= Converter.parallelThreshold, let base = input.baseAddress?.assumingMemoryBound(to: UInt8.self) {
            // On one thread, in pieces too: the buffers between stages (and of the pre-step)
            // then hold one piece, stay in cache and are reused, instead of holding the input.
            let scratch = workspace.scratch(0)
            var start = 0
            for end in plan.pieces(of: UnsafeBufferPointer(start: base, count: input.count), target: Converter.serialPieceSize) {
                plan.convert(UnsafeRawBufferPointer(rebasing: input[start..<end]), into: out, scratch: scratch)
                start = end
            }
        } else {
            plan.convert(input, into: out, scratch: workspace.scratch(0))
        }
    }

    /// Converts a large `input` in pieces on all cores, into buffers of `workspace` returned in
    /// order; nil (nothing done) when the input is too small to split or one thread is allowed.
    func convertedPieces(_ input: UnsafeRawBufferPointer, parallel: Bool, workspace: Workspace) -> ArraySlice<ByteBuffer>? {
        guard parallel, maximumThreads > 1, input.count >= Converter.parallelThreshold,
              let base = input.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        let ends = plan.pieces(of: UnsafeBufferPointer(start: base, count: input.count), target: Converter.pieceSize)
        if ends.count == 1 { return nil }
        let outputs = workspace.outputs(ends.count, capacity: Converter.pieceSize * 5 / 4)
        let plan = self.plan
        let next = Counter()
        let workers = min(ends.count, max(1, maximumThreads))
        let scratches = (0..<workers).map { workspace.scratch($0) }
        let shared = SharedInput(bytes: input)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let scratch = scratches[worker]
            while let i = next.take(below: ends.count) {
                let start = i == 0 ? 0 : ends[i - 1]
                plan.convert(UnsafeRawBufferPointer(rebasing: shared.bytes[start..<ends[i]]), into: outputs[i], scratch: scratch)
            }
        }
        return outputs[...]
    }
}
