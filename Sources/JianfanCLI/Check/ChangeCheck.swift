#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `--check` and `--diff`: runs the command on each input in memory, writes nothing, and
/// reports the inputs it would change: their names (`--check`), or a unified diff (`--diff`).
///
/// Exit status 1 when any input would change, as `diff` does, so a CI job or a pre-commit hook
/// can ask "is this file already Traditional?"; read and UTF-8 errors keep their own statuses.
struct ChangeCheck {
    let listNames: Bool
    let showDiff: Bool
    /// What the command makes of one whole input.
    let transform: (_ name: String, _ input: [UInt8]) throws -> [UInt8]

    /// Checks `inputs` in order; returns the exit status.
    func run(_ inputs: [String]) throws -> ExitStatus {
        let output = StandardOutput()
        let colors = showDiff && isatty(1) != 0 && getenv("NO_COLOR") == nil
        var status = ExitStatus.success
        for path in inputs {
            do {
                let input = try InputFile(path: path)
                let before = try Self.readAll(input)
                let after = try transform(input.displayName, before)
                guard after != before else { continue }
                status = status.combined(with: .failure)
                if listNames { try output.write(Array((input.displayName + "\n").utf8)) }
                if showDiff {
                    let diff = UnifiedDiff(old: before, new: after)
                    try output.write(diff.render(oldName: input.displayName, newName: input.displayName, colors: colors))
                }
            } catch let error as CLIError {
                error.report()
                status = status.combined(with: error.status)
            }
        }
        return status
    }

    /// The whole input, read in 1 MiB chunks.
    static func readAll(_ input: InputFile) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = try chunk.withUnsafeMutableBytes { try input.read(into: $0) }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }
}

/// Reading from an array as if from a file: what the pumps take, for input already in memory.
struct MemoryReader {
    let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = min(buffer.count, bytes.count - position)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + position, byteCount: count)
        }
        position += count
        return count
    }
}
