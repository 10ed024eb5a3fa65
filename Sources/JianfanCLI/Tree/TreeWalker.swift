#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The files to convert among the inputs: a file is taken as it is, a directory is walked
/// recursively, in name order so that runs and their reports are reproducible.
///
/// Inside a directory, names starting with `.` and whatever a `.gitignore` under the tree
/// excludes are left out unless `includeAll`; `--exclude` globs drop files and directories,
/// `--include` globs (when given) keep only the files they match. A glob with a `/` matches
/// the path from the walked directory, one without matches the name. Symbolic links are never
/// followed (a link may point out of the tree, or back into it): they are listed as skipped,
/// as are sockets, FIFOs and devices.
///
/// ```swift
/// let walk = TreeWalker(include: [Glob("*.txt")]).walk(["docs"])
/// walk.files.map(\.relative)       // ["a.txt", "sub/b.txt"]
/// ```
struct TreeWalker {
    /// One file found: where to read it, and its path under the walked directory (its name,
    /// for a file given directly), which is where `--output-dir` puts its conversion.
    struct Item: Sendable {
        let source: String
        let relative: String
        /// The size and permission bits the walk saw (nil: unknown), so that reading the file
        /// needs no second stat: a tree of small files spends its time in system calls.
        var size: Int? = nil
        var mode: mode_t? = nil
    }

    struct Result {
        var files: [Item] = []
        /// Paths not converted because they are symbolic links or special files, with why.
        var skipped: [(path: String, reason: String)] = []
        /// Inputs that could not be read at all (a missing file, an unreadable directory).
        var errors: [CLIError] = []
    }

    var include: [Glob] = []
    var exclude: [Glob] = []
    var includeAll = false
    /// A directory never to descend into: the output directory, when it lies inside an input.
    var avoiding: FileIdentity?

    func walk(_ inputs: [String]) -> Result {
        var result = Result()
        for input in inputs {
            var info = stat()
            guard stat(input, &info) == 0 else {
                result.errors.append(.system(input, errno: errno))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let root = input.count > 1 && input.hasSuffix("/") ? String(input.dropLast()) : input
                walkDirectory(root, relative: "", rules: IgnoreRules(), into: &result)
            } else {
                result.files.append(Item(
                    source: input, relative: IgnoreRules.lastComponent(of: input),
                    size: Int(info.st_size), mode: info.st_mode & 0o777
                ))
            }
        }
        return result
    }

    private func walkDirectory(_ path: String, relative: String, rules: IgnoreRules, into result: inout Result) {
        guard let directory = opendir(path) else {
            result.errors.append(.system(path, errno: errno))
            return
        }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        closedir(directory)
        names.sort()

        var rules = rules
        if !includeAll, names.contains(".gitignore"), let text = Self.readSmallFile("\(path)/.gitignore") {
            rules.add(gitignore: text, base: relative)
        }
        for name in names {
            if !includeAll, name.hasPrefix(".") { continue }
            let childPath = "\(path)/\(name)"
            let childRelative = relative.isEmpty ? name : "\(relative)/\(name)"
            var info = stat()
            guard lstat(childPath, &info) == 0 else {
                result.errors.append(.system(childPath, errno: errno))
                continue
            }
            let type = info.st_mode & S_IFMT
            let isDirectory = type == S_IFDIR
            if !includeAll, rules.isIgnored(childRelative, isDirectory: isDirectory) { continue }
            if exclude.contains(where: { Self.glob($0, matches: childRelative) }) { continue }
            switch type {
            case S_IFDIR:
                if let avoiding, FileIdentity(info) == avoiding { continue }
                walkDirectory(childPath, relative: childRelative, rules: rules, into: &result)
            case S_IFREG:
                if !include.isEmpty, !include.contains(where: { Self.glob($0, matches: childRelative) }) { continue }
                result.files.append(Item(
                    source: childPath, relative: childRelative, size: Int(info.st_size), mode: info.st_mode & 0o777
                ))
            case S_IFLNK:
                result.skipped.append((childPath, "symbolic link, not followed"))
            default:
                result.skipped.append((childPath, "not a regular file"))
            }
        }
    }

    /// A glob with a slash matches the path under the walked directory; one without, the name.
    private static func glob(_ glob: Glob, matches relative: String) -> Bool {
        glob.isAnchored ? glob.matches(relative) : glob.matches(IgnoreRules.lastComponent(of: relative))
    }

    /// A `.gitignore` is small; one that cannot be read is treated as empty, as git does.
    private static func readSmallFile(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if count <= 0 { break }
            bytes += chunk[..<count]
            if bytes.count > 1 << 20 { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
