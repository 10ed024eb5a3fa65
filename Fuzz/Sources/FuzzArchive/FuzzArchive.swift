import FuzzSupport
import Jianfan
import JianfanDocuments

/// Zip documents (EPUB, Office, OpenDocument) from arbitrary bytes: the zip reader, the checks
/// against damage and zip bombs, the XML scanner and the zip writer.
///
/// Input: a selector byte (the format, among the seven archive formats), then the archive.
/// Converting must either throw a `DocumentError` or give an archive that converts again,
/// through the identity, into exactly the same bytes: every entry of the writer's output
/// reads back, checks out (CRC-32, sizes, offsets) and is copied byte for byte.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArchive(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let formats = DocumentFormat.allCases.filter(\.isArchive)
    let format = formats[Int(input.byte()) % formats.count]
    let bytes = Array(input.remaining)
    guard let output = try? DocumentConverter(format: format, conversion: s2t).convert(bytes) else { return 0 }
    do {
        let again = try DocumentConverter(format: format, conversion: identity).convert(output)
        FuzzCheck.expect(again == output, "the identity changed the writer's archive")
    } catch {
        FuzzCheck.expect(false, "the writer's archive does not read back: \(error)")
    }
    return 0
}

private let s2t = TextConversion(Converter(.s2t))
private let identity = TextConversion { input, output in output.append(contentsOf: input) }

@main enum Main { static func main() { FuzzMain.run(fuzzArchive) } }
