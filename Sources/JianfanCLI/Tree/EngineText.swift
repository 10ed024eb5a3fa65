import Jianfan
import JianfanDocuments

extension Engine {
    /// This engine as a whole-buffer conversion for files and the text parts of documents,
    /// converting on the calling thread (a tree already keeps every core busy with one file each).
    ///
    /// ```swift
    /// let conversion = engine.wholeConversion(lossy: false)
    /// ```
    func wholeConversion(lossy: Bool) -> TextConversion {
        if case .table(let converter) = self, !lossy { return TextConversion(converter) }
        let engine = self
        // Lossy repair and ICU transforms live in the streams: feed the buffer through one.
        return TextConversion { input, output in
            var stream = engine.makeStream(lossy: lossy)
            var offset = 0
            try stream.convert(
                reading: { buffer in
                    let count = min(buffer.count, input.count - offset)
                    if count > 0 {
                        buffer.baseAddress!.copyMemory(from: input.baseAddress! + offset, byteCount: count)
                    }
                    offset += count
                    return count
                },
                writing: { bytes in output.append(contentsOf: bytes) }
            )
        }
    }
}
