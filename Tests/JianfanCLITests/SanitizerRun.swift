import Foundation

/// Whether the tests run under a sanitizer, as `Scripts/sanitizers.sh` says through
/// `JIANFAN_SANITIZER` (`address` or `thread`). Tests that measure what a sanitizer distorts
/// skip themselves then, with the reason.
///
/// ```swift
/// @Suite(.disabled(if: SanitizerRun.isActive, "peak RSS would count the sanitizer's shadow memory"))
/// ```
enum SanitizerRun {
    /// The sanitizer's name, or nil in a plain run.
    static let name: String? = ProcessInfo.processInfo.environment["JIANFAN_SANITIZER"]

    static var isActive: Bool { name != nil }
}
