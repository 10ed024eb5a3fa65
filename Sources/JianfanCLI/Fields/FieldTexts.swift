#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Jianfan

/// The decoded texts of a block's selected fields, in one buffer: each text is followed by a
/// line feed, so the whole buffer converts in one call. No dictionary key holds a line feed
/// and no conversion writes or removes one, so the converted buffer still has one text per
/// segment, and a text that holds line feeds itself spans that many more.
struct FieldTexts {
    var bytes: [UInt8] = []
    /// Where each text is in `bytes`, its separator excluded.
    var ranges: [Range<Int>] = []
    /// Whether a text may hold a line feed of its own (false spares counting them).
    var mayHoldLineFeeds = false

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ranges.removeAll(keepingCapacity: true)
        mayHoldLineFeeds = false
    }

    /// Adds one text, which `append` writes onto the end of `bytes`.
    mutating func add(_ append: (inout [UInt8]) -> Bool) -> Bool {
        let start = bytes.count
        guard append(&bytes) else { return false }
        ranges.append(start..<bytes.count)
        if !mayHoldLineFeeds, bytes.count > start {
            mayHoldLineFeeds = bytes.withUnsafeBytes { memchr($0.baseAddress! + start, 0x0A, $0.count - start) != nil }
        }
        bytes.append(0x0A)
        return true
    }

    func text(_ index: Int) -> ArraySlice<UInt8> { bytes[ranges[index]] }
}

/// Buffers one worker reuses from block to block (the texts, the edits, the converted texts,
/// the output), so that a block does not fault in fresh pages for each of them.
final class FieldScratch {
    var texts = FieldTexts()
    var edits: [FieldEdit] = []
    var converted = FieldTexts()
    var output: [UInt8] = []

    /// Empties all but `output`, which a block's parts append to.
    func reset() {
        texts.removeAll()
        edits.removeAll(keepingCapacity: true)
        converted.removeAll()
    }
}

/// What happens to the texts of the selected fields: converted all at once, or one by one.
/// The result goes to the scratch's `converted`.
struct FieldTransform {
    let apply: (FieldTexts, FieldScratch) throws -> Void
    /// Converts whole JSON lines where their string fields stand, appending the result (see
    /// ``FieldPump/processInPlace(_:paths:name:state:scratch:convert:)``); nil when the conversion
    /// cannot (``Converter/convertsJSONStringsInPlace``), or is not a converter's.
    var inPlace: ((UnsafeRawBufferPointer, inout [UInt8]) -> Void)? = nil

    /// Converts the whole buffer in one call, `convert` appending the result to the scratch's
    /// `converted.bytes`, then finds each text again by counting line feeds. Should a conversion
    /// ever change their number, the texts are converted one by one instead.
    static func batched(_ convert: @escaping (UnsafeRawBufferPointer, FieldScratch) throws -> Void) -> FieldTransform {
        FieldTransform { texts, scratch in
            scratch.converted.removeAll()
            try texts.bytes.withUnsafeBytes { try convert($0, scratch) }
            if let ranges = split(scratch.converted.bytes, like: texts) {
                scratch.converted.ranges = ranges
                return
            }
            var result = FieldTexts()
            let single = FieldScratch()
            for range in texts.ranges {
                single.converted.removeAll()
                try texts.bytes[range].withUnsafeBytes { try convert($0, single) }
                _ = result.add { $0 += single.converted.bytes; return true }
            }
            scratch.converted = result
        }
    }

    /// Transforms each text on its own (normalization, whose line step must not join fields).
    static func each(_ transform: @escaping (String) throws -> String) -> FieldTransform {
        FieldTransform { texts, scratch in
            var result = FieldTexts()
            for index in texts.ranges.indices {
                let text = try transform(String(decoding: texts.text(index), as: UTF8.self))
                _ = result.add { $0 += text.utf8; return true }
            }
            scratch.converted = result
        }
    }

    /// The converter's, the ICU transform's or the normalizer's transform.
    static func converting(with engine: Engine) -> FieldTransform {
        switch engine {
        case let .table(converter), let .inspection(converter, _):   // inspection is refused with fields
            // Valid: the block was checked (or repaired), and decoded escapes are scalars.
            var transform = batched { input, scratch in append(converter, input, to: &scratch.converted.bytes) }
            if converter.convertsJSONStringsInPlace {
                transform.inPlace = { input, output in append(converter, input, to: &output) }
            }
            return transform
        case let .icu(transliterator):
            return batched { input, scratch in
                scratch.converted.bytes += transliterator.transliterate(String(decoding: input, as: UTF8.self)).utf8
            }
        }
    }

    /// Appends the conversion of `input` (valid UTF-8) to `output`: straight into its storage,
    /// which keeps its capacity (and its pages) from block to block; through the converter's own
    /// buffer only when the output outgrows the room given.
    private static func append(_ converter: Converter, _ input: UnsafeRawBufferPointer, to output: inout [UInt8]) {
        let size = input.count + input.count / 4 + (64 << 10)
        var fitted = true
        output.append(addingCapacity: size) { span in
            span.withUnsafeMutableBufferPointer { room, initialized in
                let written = converter.convert(unsafeValidatedUTF8: input, into: UnsafeMutableRawBufferPointer(room))
                fitted = written != nil
                initialized = written ?? 0
            }
        }
        if !fitted { converter.convert(unsafeValidatedUTF8: input, appendingTo: &output) }
    }

    /// The ranges of the texts in `converted`, if it has exactly as many line feeds, in the
    /// same places relative to the texts, as `original`.
    private static func split(_ converted: [UInt8], like original: FieldTexts) -> [Range<Int>]? {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(original.ranges.count)
        var position = 0
        original.bytes.withUnsafeBytes { input in
            converted.withUnsafeBytes { out in
                for range in original.ranges {
                    // A text with n line feeds of its own ends at the (n+1)th line feed from here.
                    var feeds = 0
                    var at = range.lowerBound
                    while original.mayHoldLineFeeds, let found = memchr(input.baseAddress! + at, 0x0A, range.upperBound - at) {
                        feeds += 1
                        at = UnsafeRawPointer(found) - input.baseAddress! + 1
                    }
                    var end = position
                    while true {
                        guard end < out.count, let found = memchr(out.baseAddress! + end, 0x0A, out.count - end) else { return }
                        end = UnsafeRawPointer(found) - out.baseAddress!
                        if feeds == 0 { break }
                        feeds -= 1
                        end += 1
                    }
                    ranges.append(position..<end)
                    position = end + 1
                }
            }
        }
        return ranges.count == original.ranges.count && position == converted.count ? ranges : nil
    }
}
