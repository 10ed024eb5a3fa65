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

    /// Adds one text, which `append` writes onto the end of `bytes`; `feeds`: whether it may
    /// hold line feeds (a decoded escape, a quoted CSV field).
    mutating func add(mayHoldLineFeeds feeds: Bool = true, _ append: (inout [UInt8]) -> Bool) -> Bool {
        let start = bytes.count
        guard append(&bytes) else { return false }
        ranges.append(start..<bytes.count)
        bytes.append(0x0A)
        if feeds { mayHoldLineFeeds = true }
        return true
    }

    /// Adds bytes that hold no line feed (an unescaped JSON string), in one copy.
    mutating func add(plain text: UnsafeRawBufferPointer) {
        let start = bytes.count
        bytes.append(text, 0..<text.count)
        ranges.append(start..<bytes.count)
        bytes.append(0x0A)
    }

    func text(_ index: Int) -> ArraySlice<UInt8> { bytes[ranges[index]] }
}

/// What happens to the texts of the selected fields: converted all at once, or one by one.
struct FieldTransform {
    let apply: (FieldTexts) throws -> FieldTexts

    /// Converts the whole buffer in one call (the conversion can use every core), then finds
    /// each text again by counting line feeds. Should a conversion ever change their number,
    /// the texts are converted one by one instead.
    static func batched(_ convert: @escaping (UnsafeRawBufferPointer) throws -> [UInt8]) -> FieldTransform {
        FieldTransform { texts in
            let converted = try texts.bytes.withUnsafeBytes(convert)
            if let ranges = split(converted, like: texts) {
                return FieldTexts(bytes: converted, ranges: ranges)
            }
            var result = FieldTexts()
            for range in texts.ranges {
                let one = try texts.bytes[range].withUnsafeBytes(convert)
                _ = result.add { $0 += one; return true }
            }
            return result
        }
    }

    /// Transforms each text on its own (normalization, whose line step must not join fields).
    static func each(_ transform: @escaping (String) throws -> String) -> FieldTransform {
        FieldTransform { texts in
            var result = FieldTexts()
            for index in texts.ranges.indices {
                let text = try transform(String(decoding: texts.text(index), as: UTF8.self))
                _ = result.add { $0 += text.utf8; return true }
            }
            return result
        }
    }

    /// The converter's, the ICU transform's or the normalizer's transform.
    static func converting(with engine: Engine) -> FieldTransform {
        switch engine {
        case let .table(converter), let .inspection(converter, _):   // inspection is refused with fields
            return batched { input in
                var output: [UInt8] = []
                output.reserveCapacity(input.count + input.count / 8)
                // Valid: the block was checked (or repaired), and decoded escapes are scalars.
                converter.convert(unsafeValidatedUTF8: input, appendingTo: &output)
                return output
            }
        case let .icu(transliterator):
            return batched { input in
                Array(transliterator.transliterate(String(decoding: input, as: UTF8.self)).utf8)
            }
        }
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
