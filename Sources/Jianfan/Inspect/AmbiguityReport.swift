/// The JSON Lines `opencc` 1.4.2 writes with `--ambiguities`, built chunk by chunk:
///
/// - `{"def":"干"}` introduces a source text (numbered from 0 in order of first appearance),
///   written before the records of the chunk where it first occurs;
/// - `{"lit":"…"}` is output decided by no one-to-many entry (the run between two ambiguous
///   spans, up to the end of a chunk);
/// - `{"amb":{"t":"幹","s":0}}` is the output of an ambiguous span and the number of its source;
/// - `{"end":{"output_bytes":…,"ambiguities":…,"sources":…}}` closes the stream.
///
/// The `lit` and `amb` texts together are the converted text. A source is the span's text after
/// the normalization pre-step. How a span is found: ``Inspector/ambiguitySpans(_:keys:)``.
package struct AmbiguityReport {
    private let inspector: Inspector
    private let keys: OneToManyKeys
    private var sources: [[UInt8]: Int] = [:]
    private var outputBytes = 0
    private var ambiguities = 0

    package init(converter: Converter) {
        inspector = Inspector(plan: converter.plan)
        keys = converter.oneToManyKeys
    }

    /// The records of one chunk of valid UTF-8, each ending in a line feed.
    package mutating func records(_ chunk: [UInt8]) -> [UInt8] {
        let (text, spans) = inspector.ambiguitySpans(chunk, keys: keys)
        var definitions: [UInt8] = [], records: [UInt8] = [], literal: [UInt8] = []
        func flush() {
            guard !literal.isEmpty else { return }
            records += Array("{\"lit\":\(JSONText.string(literal))}\n".utf8)
            literal.removeAll(keepingCapacity: true)
        }
        for span in spans {
            outputBytes += span.output.count
            guard span.ambiguous else {
                literal += span.output
                continue
            }
            flush()
            let source = Array(text[span.source])
            let number: Int
            if let known = sources[source] {
                number = known
            } else {
                number = sources.count
                sources[source] = number
                definitions += Array("{\"def\":\(JSONText.string(source))}\n".utf8)
            }
            ambiguities += 1
            records += Array("{\"amb\":{\"t\":\(JSONText.string(span.output)),\"s\":\(number)}}\n".utf8)
        }
        flush()
        return definitions + records
    }

    /// The closing record.
    package var end: [UInt8] {
        Array("{\"end\":{\"output_bytes\":\(outputBytes),\"ambiguities\":\(ambiguities),\"sources\":\(sources.count)}}\n".utf8)
    }
}
