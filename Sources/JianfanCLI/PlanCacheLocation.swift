#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `jianfan` keeps the compiled plans of configuration files (`-c FILE.json`):
/// `$JIANFAN_CACHE_DIR`, else `$XDG_CACHE_HOME/jianfan`, else `~/Library/Caches/jianfan` on
/// Apple systems and `~/.cache/jianfan` elsewhere; nil when none of these is known (no `HOME`).
///
/// ```swift
/// PlanCacheLocation.directory(environment: ["HOME": "/home/me"])   // "/home/me/.cache/jianfan" (Linux)
/// PlanCacheLocation.directory(environment: ["JIANFAN_CACHE_DIR": "/tmp/c"])   // "/tmp/c"
/// ```
enum PlanCacheLocation {
    static func directory(environment: [String: String]) -> String? {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        if let dir = value("JIANFAN_CACHE_DIR") { return dir }
        if let xdg = value("XDG_CACHE_HOME") { return xdg + "/jianfan" }
        guard let home = value("HOME") else { return nil }
        #if canImport(Darwin)
        return home + "/Library/Caches/jianfan"
        #else
        return home + "/.cache/jianfan"
        #endif
    }

    /// The directory for this process's environment.
    static var current: String? {
        var environment: [String: String] = [:]
        for name in ["JIANFAN_CACHE_DIR", "XDG_CACHE_HOME", "HOME"] {
            if let v = getenv(name) { environment[name] = String(cString: v) }
        }
        return directory(environment: environment)
    }
}
