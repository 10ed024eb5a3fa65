import Jianfan

/// Converted UTF-8 on its way out in another encoding: each piece the conversion hands over is
/// encoded by ICU into a 256 KB buffer and written on, so nothing accumulates.
///
/// A character the encoding lacks stops the output with ``TextEncodingError/unmappable(encoding:scalar:line:offset:)``
/// (its line, counted over everything written), or, lossy, is written as `&#x…;` and counted.
///
/// ```swift
/// let writer = try EncodingWriter(try TextEncoding(named: "Big5"), lossy: false)
/// try writer.write(piece) { try output.write($0) }
/// try writer.finish { try output.write($0) }
/// ```
final class EncodingWriter {
    let encoder: Transcoder
    private var buffer = [UInt8](repeating: 0, count: 1 << 18)

    init(_ encoding: TextEncoding, lossy: Bool) throws {
        encoder = try Transcoder(encoding: encoding, lossy: lossy)
    }

    /// Encodes `bytes` and hands the result to `send`, in one or more pieces.
    func write(_ bytes: UnsafeRawBufferPointer, to send: (UnsafeRawBufferPointer) throws -> Void) throws {
        try pass(bytes, flush: false, to: send)
    }

    /// Ends the output: what the encoding still holds (a state to close) is sent.
    func finish(to send: (UnsafeRawBufferPointer) throws -> Void) throws {
        try pass(UnsafeRawBufferPointer(start: nil, count: 0), flush: true, to: send)
    }

    private func pass(_ bytes: UnsafeRawBufferPointer, flush: Bool, to send: (UnsafeRawBufferPointer) throws -> Void) throws {
        var offset = 0
        while true {
            let (read, written, full) = try buffer.withUnsafeMutableBytes { target in
                try encoder.convert(UnsafeRawBufferPointer(rebasing: bytes[offset...]), into: target, flush: flush)
            }
            offset += read
            if written > 0 {
                try buffer.withUnsafeBytes { try send(UnsafeRawBufferPointer(rebasing: $0[..<written])) }
            }
            if !full { return }
        }
    }
}
