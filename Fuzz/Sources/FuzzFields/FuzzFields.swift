import FuzzSupport
import Jianfan

/// The CLI's field converter (`--jsonl`, `--csv`, `--tsv`): its scanners and string codecs, the
/// CLI's own source files compiled in here (an executable target cannot be linked).
///
/// Input: a selector byte (low two bits: CSV, TSV, JSON lines with `*`, JSON lines with named
/// paths; the other bits with the next byte: where a CSV block is cut), then the bytes, made
/// valid UTF-8 as the CLI does before scanning. CSV/TSV (``CSVCheck``): every record read whole
/// is read the same from a block that ends at the cut with more to come, or waits for more;
/// fields lie in order inside their record and are written back as they were. JSON lines
/// (``JSONCheck``): each line the scanner accepts, with its selected strings decoded and
/// encoded again in their style, scans again with the same texts; offsets stay in the line.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFields(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let selector = input.byte()
    let cutSeed = Int(selector >> 2) << 8 | Int(input.byte())
    let bytes = UTF8Validation.repaired(input.remaining)
    switch selector & 3 {
    case 0, 1:
        CSVCheck.check(bytes, delimiter: selector & 3 == 0 ? UInt8(ascii: ",") : 0x09, cut: cutSeed % (bytes.count + 1))
    default:
        let paths = selector & 3 == 2 ? everything : named
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            JSONCheck.check(Array(line), paths: paths)
        }
    }
    return 0
}

let everything = FieldPaths(["*"])
let named = FieldPaths(["title", "meta.title", "tags", "a.b", "中文"])

@main enum Main { static func main() { FuzzMain.run(fuzzFields) } }
