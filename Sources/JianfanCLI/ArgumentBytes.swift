/// Command-line arguments are bytes, and so are file names; Swift strings are Unicode.
///
/// `CommandLine.arguments` repairs a name that is not UTF-8 with U+FFFD, so such a file could
/// not be opened and `-o` would create a different name. Instead, every argument is turned into
/// a string reversibly: valid UTF-8 stays as it is, and each byte that is not part of a valid
/// scalar becomes U+10FF00 + byte, a private-use scalar no ordinary text carries. A valid scalar
/// that happens to lie in that range is escaped byte by byte too, so ``bytes(of:)`` always gives
/// back exactly the bytes that were typed. Options and config names are plain ASCII and parse
/// as before; only file names go back to bytes (``withSystemPath(_:_:)``).
///
/// ```swift
/// let name = ArgumentBytes.string(from: [0x61, 0xFF])   // "a\u{10FFFF}"
/// ArgumentBytes.bytes(of: name)                         // [0x61, 0xFF]
/// ArgumentBytes.display(name)                           // "a\u{FFFD}", for messages
/// ```
enum ArgumentBytes {
    /// The first of the 256 scalars that stand for single bytes.
    static let escapeBase: UInt32 = 0x10_FF00

    /// The process's arguments (without the program name), each as ``string(from:)`` makes it.
    static var arguments: [String] {
        (1..<Int(CommandLine.argc)).map { index in
            guard let pointer = CommandLine.unsafeArgv[index] else { return "" }
            return string(from: UnsafeBufferPointer(start: pointer, count: strlen(pointer))
                .lazy.map { UInt8(bitPattern: $0) })
        }
    }

    /// A string that stands for `bytes`: at each position a valid scalar is taken whole, and
    /// anything else (or a scalar of the escape range) escapes one byte.
    static func string(from bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        var scalars = String.UnicodeScalarView()
        var position = 0
        while position < bytes.count {
            var iterator = bytes[position...].makeIterator()
            var parser = Unicode.UTF8.ForwardParser()
            if case let .valid(encoded) = parser.parseScalar(from: &iterator),
               Unicode.UTF8.decode(encoded).value < escapeBase {
                scalars.append(Unicode.UTF8.decode(encoded))
                position += encoded.count
            } else {
                scalars.append(Unicode.Scalar(escapeBase + UInt32(bytes[position]))!)
                position += 1
            }
        }
        return String(scalars)
    }

    /// The bytes `string` stands for (the inverse of ``string(from:)``).
    static func bytes(of string: String) -> [UInt8] {
        guard string.unicodeScalars.contains(where: { $0.value >= escapeBase }) else { return Array(string.utf8) }
        var result: [UInt8] = []
        result.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            if scalar.value >= escapeBase {
                result.append(UInt8(scalar.value - escapeBase))
            } else {
                result.append(contentsOf: String(scalar).utf8)
            }
        }
        return result
    }

    /// `string` for a message: each escaped byte shows as U+FFFD, as a terminal would show it.
    static func display(_ string: String) -> String {
        guard string.unicodeScalars.contains(where: { $0.value >= escapeBase }) else { return string }
        return String(String.UnicodeScalarView(string.unicodeScalars.map {
            $0.value >= escapeBase ? "\u{FFFD}" : $0
        }))
    }
}

/// Calls `body` with the exact bytes of the file name `path` as a C string. `errno` is what
/// `body` left, so a failing call can be reported after it (freeing the bytes may not touch it).
///
/// ```swift
/// withSystemPath(path) { open($0, O_RDONLY | O_CLOEXEC) }
/// ```
func withSystemPath<Result>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
    var bytes = ArgumentBytes.bytes(of: path)
    bytes.append(0)
    var code: Int32 = 0
    let result = try bytes.withUnsafeBufferPointer { buffer in
        let result = try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        code = errno
        return result
    }
    bytes = [] // frees the name here, before errno is restored
    errno = code
    return result
}
