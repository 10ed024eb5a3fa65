/// The JSON records of `opencc` 1.4.2's `--inspect` and `--segmentation`, one per line of input,
/// equal to OpenCC's when parsed, with Jianfan's additions under the key `"jianfan"`: each
/// segment's byte and scalar offsets in the input and in the output (offsets count from the
/// start of the whole input, so they point into the file) and the dictionary of its phrase.
extension Converter {
    /// The `--inspect` record of one line (without its line break) that starts at
    /// `inputOffset` bytes / `inputScalarOffset` scalars into the input, and whose output starts
    /// at `outputOffset` / `outputScalarOffset`.
    ///
    /// ```swift
    /// Converter(.s2t).inspectionRecord(line: "头发")
    /// // {"input":"头发","segments":[],"stages":[],"pipelineStages":[…],"output":"頭髮","jianfan":{…}}
    /// ```
    public func inspectionRecord(line: String, inputOffset: Int = 0, inputScalarOffset: Int = 0,
                                 outputOffset: Int = 0, outputScalarOffset: Int = 0) -> String {
        let (normalization, main) = Inspector(plan: plan).inspect(Array(line.utf8))
        func stage(_ s: Inspector.Stage) -> String {
            let steps = s.steps.enumerated().map { i, segments in "{\"index\":\(i + 1),\"segments\":\(JSONText.array(segments))}" }
            return "{\"input\":\(JSONText.string(s.input)),\"segments\":\(JSONText.array(s.segments)),\"stages\":["
                + steps.joined(separator: ",") + "],\"pipelineStages\":[],\"output\":\(JSONText.string(s.output))}"
        }
        let stages = [normalization.map(stage), stage(main)].compactMap { $0 }
        let spans = segments(of: line).map { s in
            "{\"input\":[\(inputOffset + s.input.lowerBound),\(inputOffset + s.input.upperBound)],"
                + "\"inputScalars\":[\(inputScalarOffset + s.inputScalars.lowerBound),\(inputScalarOffset + s.inputScalars.upperBound)],"
                + "\"output\":[\(outputOffset + s.output.lowerBound),\(outputOffset + s.output.upperBound)],"
                + "\"outputScalars\":[\(outputScalarOffset + s.outputScalars.lowerBound),\(outputScalarOffset + s.outputScalars.upperBound)],"
                + "\"phrase\":\(s.phrase.map { JSONText.string(Array($0.utf8)) } ?? "null")" + segmenterFields(s) + "}"
        }
        return "{\"input\":\(JSONText.string(Array(line.utf8))),\"segments\":[],\"stages\":[],\"pipelineStages\":["
            + stages.joined(separator: ",") + "],\"output\":\(JSONText.string(main.output)),"
            + "\"jianfan\":{\"segments\":[" + spans.joined(separator: ",") + "]}}"
    }

    /// `,"segmenter":…,"score":…,"rejected":[{"pieces":[…],"score":…}]` where a segmenter
    /// other than greedy matching ran; nothing otherwise.
    private func segmenterFields(_ s: ConvertedSegment) -> String {
        guard let segmenter = s.segmenter else { return "" }
        var fields = ",\"segmenter\":\(JSONText.string(Array(segmenter.utf8)))"
        if let score = s.score { fields += ",\"score\":\(JSONText.number(score))" }
        if let rejected = s.rejected {
            fields += ",\"rejected\":[" + rejected.map {
                "{\"pieces\":\(JSONText.array($0.pieces.map { Array($0.utf8) })),\"score\":\(JSONText.number($0.score))}"
            }.joined(separator: ",") + "]"
        }
        return fields
    }

    /// The `--segmentation` record of one line, or nil when the configuration has no
    /// segmentation step (OpenCC then refuses `--segmentation`).
    ///
    /// ```swift
    /// Converter(.s2twp).segmentationRecord(line: "头发和U盘")
    /// // {"input":"头发和U盘","segments":["头发","和U盘"],"jianfan":{…}}
    /// ```
    public func segmentationRecord(line: String, inputOffset: Int = 0, inputScalarOffset: Int = 0) -> String? {
        guard plan.segmentation != nil else { return nil }
        let main = Inspector(plan: plan).inspect(Array(line.utf8)).main
        let spans = segments(of: line).map { s in
            "{\"input\":[\(inputOffset + s.input.lowerBound),\(inputOffset + s.input.upperBound)],"
                + "\"inputScalars\":[\(inputScalarOffset + s.inputScalars.lowerBound),\(inputScalarOffset + s.inputScalars.upperBound)],"
                + "\"phrase\":\(s.phrase.map { JSONText.string(Array($0.utf8)) } ?? "null")}"
        }
        return "{\"input\":\(JSONText.string(Array(line.utf8))),\"segments\":\(JSONText.array(main.segments)),"
            + "\"jianfan\":{\"segments\":[" + spans.joined(separator: ",") + "]}}"
    }
}

/// JSON text for strings (UTF-8 written as it is, as OpenCC's writer does).
enum JSONText {
    static func string(_ utf8: [UInt8]) -> String {
        var out: [UInt8] = [0x22]
        for b in utf8 {
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0..<0x20: out += Array(String(format4: b).utf8)
            default: out.append(b)
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// A cost with two decimals (no exponent: costs stay within 0…10,000).
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100, fraction = abs(hundredths % 100)
        return "\(hundredths < 0 && whole == 0 ? "-" : "")\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    static func array(_ strings: [[UInt8]]) -> String { "[" + strings.map(string).joined(separator: ",") + "]" }
}

private extension String {
    /// `\u00XX` for a control byte.
    init(format4 byte: UInt8) {
        let hex = Array("0123456789ABCDEF".utf8)
        self = String(decoding: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]], as: UTF8.self)
    }
}
