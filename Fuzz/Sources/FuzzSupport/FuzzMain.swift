import CFuzzDriver
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts libFuzzer on a target's callback, with the process's command line (`-runs=`,
/// `-max_total_time=`, corpus folders: libFuzzer's usual options).
///
/// ```swift
/// @main enum Main { static func main() { FuzzMain.run(fuzzConverter) } }
/// ```
public enum FuzzMain {
    public static func run(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        exit(jf_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv, callback))
    }
}
