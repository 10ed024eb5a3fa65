#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Jianfan
import JianfanDocuments
import Synchronization

/// Converts files one by one — directories walked, documents by structure — into
/// `--output-dir`, in place, or (one document) to `-o`/standard output, on every core.
///
/// Each file is independent and written atomically: one that fails is reported with its reason
/// and the others go on; the status is 1 if any failed. A summary goes to standard error:
///
/// ```text
/// jianfan: 120 files: 117 converted, 1 unchanged, 1 skipped as binary, 1 failed; 2 links skipped
/// ```
///
/// ```swift
/// let status = try TreeJob(engine: engine, lossy: false, options: options, config: .s2t).run(["docs"], inPlace: false)
/// ```
struct TreeJob {
    let engine: Engine
    let lossy: Bool
    let options: FileOptions
    /// The built-in configuration, for `--set-language`; nil for a custom configuration file.
    let config: Config?
    var encodings = EncodingRequest()
    /// `--markup`, `--protect`, or each file's markup by extension.
    var protection = ProtectionChoice()

    func run(_ inputs: [String], inPlace: Bool) throws -> ExitStatus {
        if inPlace, options.outputDirectory != nil {
            throw CLIError.usage("--in-place and --output-dir cannot be combined")
        }
        guard inPlace || options.outputDirectory != nil else {
            throw CLIError.usage("a directory input needs --output-dir DIR or --in-place")
        }
        if inputs.isEmpty || inputs.contains("-") {
            throw CLIError.usage("--output-dir and --in-place need input files, not standard input")
        }
        var avoiding: FileIdentity?
        if let directory = options.outputDirectory {
            try AtomicWrite.makeDirectories(directory)
            var info = stat()
            if stat(directory, &info) == 0 { avoiding = FileIdentity(info) }
            if let avoiding, inputs.contains(where: { Self.identity($0) == avoiding }) {
                throw CLIError.usage("--output-dir \(directory) is an input directory; use --in-place to rewrite it")
            }
        }
        let walker = TreeWalker(
            include: options.include.map(Glob.init), exclude: options.exclude.map(Glob.init),
            includeAll: options.includeAll, avoiding: avoiding
        )
        let walk = walker.walk(inputs)
        var failures = walk.errors
        let files = try destinations(walk.files, inPlace: inPlace, failures: &failures)
        let outcomes = convertInParallel(files)

        var summary = TreeSummary(skippedLinks: walk.skipped.count)
        for error in failures { error.report() }
        for (path, reason) in walk.skipped { StandardError.write("jianfan: \(path): skipped: \(reason)\n") }
        summary.failed += failures.count
        for (file, outcome) in zip(files, outcomes) {
            summary.count(outcome)
            switch outcome {
            case .failed(let error): error.report()
            case let other where options.verbose: StandardError.write("jianfan: \(file.item.source): \(other)\n")
            default: break
            }
        }
        StandardError.write(summary.line + "\n")
        return summary.failed > 0 ? .failure : .success
    }

    /// Pairs each file with where it goes; two files bound for one destination are an error for
    /// the second (it would silently replace the first).
    private func destinations(
        _ items: [TreeWalker.Item], inPlace: Bool, failures: inout [CLIError]
    ) throws -> [(item: TreeWalker.Item, destination: String?)] {
        guard let directory = options.outputDirectory, !inPlace else { return items.map { ($0, nil) } }
        var seen: [String: String] = [:]
        var result: [(item: TreeWalker.Item, destination: String?)] = []
        for item in items {
            let destination = directory.hasSuffix("/") ? directory + item.relative : "\(directory)/\(item.relative)"
            if let first = seen[destination] {
                failures.append(CLIError(status: .failure, message: "\(item.source): \(destination) is already the output of \(first)"))
                continue
            }
            seen[destination] = item.source
            result.append((item, destination))
        }
        return result
    }

    /// One worker per core takes the next file until none is left; results keep input order.
    private func convertInParallel(_ files: [(item: TreeWalker.Item, destination: String?)]) -> [FileConversion.Outcome] {
        // A converter's default thread count is the cores this process may run on.
        let workers = max(1, min(Converter(.s2t).maximumThreads, files.count))
        WorkerCleanup.install(workers: workers)
        let mask = umask(0)
        umask(mask)
        var conversion = FileConversion(
            conversion: engine.wholeConversion(lossy: lossy),
            language: options.setLanguage ? config.flatMap { LanguageTag(target: $0) } : nil,
            format: options.format
        )
        conversion.umask = mask
        conversion.encodings = encodings
        conversion.protection = protection
        conversion.markupConversions = protection.conversions(engine, lossy: lossy)
        conversion.lossy = lossy
        conversion.verbose = options.verbose
        let results = OutcomeSlots(count: files.count)
        let next = Atomic<Int>(0)
        let job = conversion
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < files.count else { return }
                results.set(index, job.run(files[index].item, to: files[index].destination, worker: worker))
            }
        }
        return results.all
    }

    private static func identity(_ path: String) -> FileIdentity? {
        var info = stat()
        return stat(path, &info) == 0 ? FileIdentity(info) : nil
    }
}

/// One result slot per file, each written by exactly one worker and read after all finish.
/// (A buffer, not an array: workers writing one array at once would be overlapping accesses.)
private final class OutcomeSlots: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<FileConversion.Outcome>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: .unchanged)
    }

    func set(_ index: Int, _ outcome: FileConversion.Outcome) { slots[index] = outcome }

    var all: [FileConversion.Outcome] { Array(slots) }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }
}
