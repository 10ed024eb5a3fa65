internal import CJianfanICU // Its headers keep ICU's types out of Swift.

/// One direction of conversion between an encoding and UTF-8, a chunk at a time, through ICU's
/// converters: a sequence cut by the end of a chunk waits inside for the next one, so any input
/// converts in bounded memory. Not for concurrent use: one per thread.
///
/// Lossy, an invalid input sequence becomes U+FFFD and a character the output encoding lacks
/// becomes an XML/HTML hex reference (`&#x5934;`, which keeps what it was); each is counted in
/// ``substitutions``. Otherwise either stops with a ``TextEncodingError``.
///
/// ```swift
/// let decoder = try Transcoder(decoding: try TextEncoding(named: "GB18030"))
/// var text: [UInt8] = []
/// try decoder.convert([0xCD, 0xB7], flush: true, appendingTo: &text)   // "头" as UTF-8
/// ```
public final class Transcoder {
    /// The encoding other than UTF-8 on one side of the conversion.
    public let encoding: TextEncoding
    /// True: UTF-8 to ``encoding``; false: ``encoding`` to UTF-8.
    public let encodes: Bool
    private let handle: OpaquePointer
    private let emptySource = UnsafeMutablePointer<CChar>.allocate(capacity: 1)

    /// A decoder from `encoding` to UTF-8.
    public convenience init(decoding encoding: TextEncoding, lossy: Bool = false) throws(TextEncodingError) {
        try self.init(encoding, encodes: false, lossy: lossy)
    }

    /// An encoder from UTF-8 to `encoding`.
    public convenience init(encoding: TextEncoding, lossy: Bool = false) throws(TextEncodingError) {
        try self.init(encoding, encodes: true, lossy: lossy)
    }

    private init(_ encoding: TextEncoding, encodes: Bool, lossy: Bool) throws(TextEncodingError) {
        var error = [CChar](repeating: 0, count: 256)
        guard let handle = jianfan_icu_transcoder_open(
            encoding.icuName, encodes ? 1 : 0, lossy ? 1 : 0, nil, 0, &error, error.count
        ) else {
            let reason = String(cText: error)
            throw reason.hasPrefix("U_") ? .icu(reason) : .icuUnavailable(reason)
        }
        self.encoding = encoding
        self.encodes = encodes
        self.handle = handle
    }

    deinit {
        jianfan_icu_transcoder_close(handle)
        emptySource.deallocate()
    }

    /// What a lossy transcoder has replaced so far: invalid sequences, or unmappable characters.
    public var substitutions: Int { Int(jianfan_icu_transcoder_substitutions(handle)) }

    /// Converts from the start of `source` into the start of `target`, `flush` meaning the input
    /// ends with `source`. Returns how much of each it used; `full` says `target` ran out of room
    /// (call again with the rest of `source`; with `flush`, an empty rest still drains).
    public func convert(
        _ source: UnsafeRawBufferPointer, into target: UnsafeMutableRawBufferPointer, flush: Bool
    ) throws(TextEncodingError) -> (read: Int, written: Int, full: Bool) {
        var error = [CChar](repeating: 0, count: 64)
        // ICU takes no null source pointer, even for no bytes.
        let sourceStart = source.baseAddress.map { UnsafePointer($0.assumingMemoryBound(to: CChar.self)) }
            ?? UnsafePointer(emptySource)
        var sourceAt: UnsafePointer<CChar>? = sourceStart
        let targetStart = target.baseAddress?.assumingMemoryBound(to: CChar.self) ?? emptySource
        var targetAt: UnsafeMutablePointer<CChar>? = targetStart
        let result = jianfan_icu_transcode(
            handle, &sourceAt, sourceStart + source.count, &targetAt, targetStart + target.count,
            flush ? 1 : 0, &error, error.count
        )
        let read = sourceAt! - sourceStart
        let written = targetAt! - targetStart
        switch Int(result) {
        case Int(JIANFAN_ICU_DONE): return (read, written, false)
        case Int(JIANFAN_ICU_FULL): return (read, written, true)
        case Int(JIANFAN_ICU_INVALID): throw fault()
        default: throw .icu(String(cText: error))
        }
    }

    /// Converts all of `source` and appends the result; `flush` ends the input.
    public func convert(_ source: some Collection<UInt8>, flush: Bool, appendingTo output: inout [UInt8]) throws(TextEncodingError) {
        let bytes = Array(source)
        var room = [UInt8](repeating: 0, count: max(4096, bytes.count * 2))
        var offset = 0
        while true {
            // (The buffer methods do not throw typed errors: the result is carried out as a value.)
            let result = bytes.withUnsafeBytes { input in
                room.withUnsafeMutableBytes { target in
                    Result { () throws(TextEncodingError) in
                        try convert(UnsafeRawBufferPointer(rebasing: input[offset...]), into: target, flush: flush)
                    }
                }
            }
            let (read, written, full) = try result.get()
            offset += read
            output += room[..<written]
            if !full { return }
        }
    }

    private func fault() -> TextEncodingError {
        let fault = jianfan_icu_transcoder_fault(handle)
        if encodes {
            return .unmappable(
                encoding: encoding.name, scalar: Unicode.Scalar(fault.scalar) ?? "\u{FFFD}",
                line: Int(fault.line), offset: Int(fault.offset)
            )
        }
        let bytes = withUnsafeBytes(of: fault.bytes) { Array($0.prefix(Int(fault.length))) }
        return .invalidInput(encoding: encoding.name, offset: Int(fault.offset), bytes: bytes)
    }
}
