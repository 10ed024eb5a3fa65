#if canImport(FoundationEssentials)
import FoundationEssentials // LocalizedError only.
#else
import Foundation
#endif

/// Why a ``Transliterator`` could not be created.
///
/// ```swift
/// do {
///     _ = try Transliterator("Foo-Bar")
/// } catch let error as TransliteratorError {
///     print(error) // unknown ICU transform ID "Foo-Bar" (U_INVALID_ID)
/// }
/// ```
public enum TransliteratorError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// ICU rejected the ID: it names no registered transform, or a compound ID is malformed.
    /// `icuError` is ICU's error name, e.g. `"U_INVALID_ID"`.
    ///
    /// ```swift
    /// // throws .unknownID("Foo-Bar", icuError: "U_INVALID_ID")
    /// try Transliterator("Foo-Bar")
    /// ```
    case unknownID(String, icuError: String)

    /// ICU's libraries could not be loaded, so no transform can run (everything else in Jianfan
    /// works without them). The reason says what was looked for, or what was wrong with what
    /// was found. ICU is found at run time: `libicucore` on Apple platforms, `libicuuc.so.NN`
    /// and `libicui18n.so.NN` elsewhere (Debian and Ubuntu: the `libicuNN` package).
    ///
    /// ```swift
    /// // on a system without ICU:
    /// // throws .icuUnavailable("ICU's libraries were not found (looked for libicuuc.so.99 …)")
    /// try Transliterator("Hans-Hant")
    /// ```
    case icuUnavailable(String)

    /// A one-line message: the ID and ICU's error, or why ICU is unavailable.
    ///
    /// ```swift
    /// TransliteratorError.unknownID("Foo-Bar", icuError: "U_INVALID_ID").description
    /// // unknown ICU transform ID "Foo-Bar" (U_INVALID_ID)
    /// ```
    public var description: String {
        switch self {
        case let .unknownID(id, icuError):
            "unknown ICU transform ID \"\(id)\" (\(icuError))"
        case let .icuUnavailable(reason):
            "ICU is unavailable, so ICU transforms cannot run: \(reason)"
        }
    }

    /// The same message as ``description``, so `localizedDescription` is readable too.
    ///
    /// ```swift
    /// (error as Error).localizedDescription // unknown ICU transform ID "Foo-Bar" (U_INVALID_ID)
    /// ```
    public var errorDescription: String? { description }
}
