internal import CJianfanICU // Its header keeps ICU's types out of Swift.
import Synchronization

/// An ICU transform (transliterator), such as `Hans-Hant`, `Han-Latin` or a compound
/// `Hans-Hant; Fullwidth-Halfwidth`, usable from any number of threads at once.
///
/// ```swift
/// let toPinyin = try Transliterator("Han-Latin")
/// toPinyin.transliterate("中文") // "zhōng wén"
/// ```
public final class Transliterator: Sendable {
    /// The ID exactly as passed to ``init(_:reverse:)``.
    ///
    /// ```swift
    /// try Transliterator("Hans-Hant").id // "Hans-Hant"
    /// ```
    public let id: String

    /// Never transliterates; only cloned, so its state is never touched by two threads.
    private let prototype: Handle
    /// Clones not currently in use. See `transliterate(_:)` for why a pool.
    private let idle = IdlePool()
    /// The largest output/input length ratio seen, in 1/16ths; sizes the first buffer ICU gets
    /// so that expanding transforms such as Han-Latin (about ×4.5) are not run twice per call.
    private let expansion = Atomic<Int>(Transliterator.initialExpansion)

    private static let initialExpansion = 20 // ×1.25: Hans↔Hant keeps lengths (astral aside).
    private static let maximumExpansion = 8 * 16 // Beyond this, rare rerun beats huge buffers.
    private static let maximumIdle = 16

    /// Opens the ICU transform `id`, or its inverse when `reverse` is true.
    ///
    /// ```swift
    /// let t2s = try Transliterator("Hans-Hant", reverse: true) // behaves as Hant-Hans
    /// t2s.transliterate("頭髮") // "头发"
    /// ```
    /// - Throws: ``TransliteratorError/unknownID(_:icuError:)`` when ICU rejects the ID;
    ///   ``TransliteratorError/icuUnavailable(_:)`` when ICU's libraries cannot be loaded.
    public init(_ id: String, reverse: Bool = false) throws {
        if case let .failure(failure) = callICU({ jianfan_icu_available($0, $1) != 0 ? () : nil }) {
            throw TransliteratorError.icuUnavailable(failure.name)
        }
        var utf8 = id // withUTF8 is mutating: it may first make the string contiguous.
        let opened = callICU { name, capacity in
            utf8.withUTF8 { bytes in
                // An explicit length, so an embedded NUL cannot shorten the ID ICU sees.
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    jianfan_icu_open(chars.baseAddress, Int32(clamping: chars.count),
                                     reverse ? 1 : 0, name, capacity)
                }
            }
        }
        switch opened {
        case let .success(raw): prototype = Handle(raw: raw)
        case let .failure(failure): throw TransliteratorError.unknownID(id, icuError: failure.name)
        }
        self.id = id
    }

    deinit {
        jianfan_icu_close(prototype.raw)
        idle.withLock { handles in handles.forEach { jianfan_icu_close($0.raw) } }
    }

    /// Transliterates `text` in a single ICU call, so whole files convert with rules seeing
    /// their full context. Safe to call concurrently on one shared instance.
    ///
    /// ```swift
    /// try Transliterator("Hans-Hant").transliterate("头发") // "頭髮"
    /// ```
    public func transliterate(_ text: String) -> String {
        let source = Array(text.utf16)
        precondition(source.count <= Int(Int32.max), "ICU takes at most 2^31-1 UTF-16 units per call")
        let count = Int32(source.count)
        let ratio = expansion.load(ordering: .relaxed)
        let hint = Int32(clamping: source.count * ratio / 16 + 16)

        // An ICU transliterator must not run on two threads at once, so each call borrows a
        // clone from a small pool: two short uncontended lock/unlock pairs. Cloning per call
        // would cost 0.07 µs (Hans-Hant) to 2 µs (Han-Latin) every time (measured, ICU 72),
        // and one Mutex held across the ICU call would serialise transforms that do scale
        // across threads (normalisers such as Any-NFKC). Rule-based transforms take an ICU
        // process-wide lock inside anyway; the pool at least never adds a second one.
        let handle = checkOut()
        defer { checkIn(handle) }

        var length: Int32 = 0
        let result = callICU { name, capacity in
            source.withUnsafeBufferPointer { units in
                jianfan_icu_transUChars(handle.raw, units.baseAddress, count, hint, &length, name, capacity)
            }
        }
        let buffer: UnsafeMutablePointer<UInt16>
        switch result {
        case let .success(pointer): buffer = pointer
        // Only allocation failure or a broken ICU gets here; no caller could recover.
        case let .failure(failure): fatalError("ICU \(id) failed: \(failure.name)")
        }
        defer { jianfan_icu_free(buffer) }
        if length > hint, count > 0 { learn(ratio: Int(length) * 16 / Int(count) + 1) }
        return String(decoding: UnsafeBufferPointer(start: buffer, count: Int(length)), as: UTF16.self)
    }

    /// Every transform ID ICU knows, sorted; any of them (and `;`-separated chains) can be
    /// passed to ``init(_:reverse:)``.
    ///
    /// Empty when ICU is unavailable (see ``isAvailable``).
    ///
    /// ```swift
    /// Transliterator.availableIDs.contains("Han-Latin") // true
    /// ```
    public static var availableIDs: [String] {
        guard case let .success(ids) = callICU({ jianfan_icu_openIDs($0, $1) }) else { return [] }
        defer { jianfan_icu_uenum_close(ids) }
        var result: [String] = []
        var length: Int32 = 0
        while let units = jianfan_icu_uenum_unext(ids, &length) {
            result.append(String(decoding: UnsafeBufferPointer(start: units, count: Int(length)),
                                 as: UTF16.self))
        }
        return result.sorted()
    }

    /// Whether ICU's libraries could be loaded (they are, on first use): libicucore on Apple
    /// platforms, libicuuc/libicui18n of any major version from 50 on elsewhere. Everything but
    /// transliterators works without them.
    ///
    /// ```swift
    /// if Transliterator.isAvailable { print(try Transliterator("Han-Latin").transliterate("中文")) }
    /// ```
    public static var isAvailable: Bool { jianfan_icu_available(nil, 0) != 0 }

    private func checkOut() -> Handle {
        idle.withLock { handles in
            if let handle = handles.popLast() { return handle }
            // Cloning under the lock keeps the prototype single-threaded; it happens only
            // when concurrency rises past the pool size, so the lock is rarely held long.
            switch callICU({ jianfan_icu_clone(prototype.raw, $0, $1) }) {
            case let .success(raw): return Handle(raw: raw)
            case let .failure(failure): fatalError("ICU \(id) clone failed: \(failure.name)")
            }
        }
    }

    private func checkIn(_ handle: Handle) {
        let kept = idle.withLock { handles in
            guard handles.count < Self.maximumIdle else { return false }
            handles.append(handle)
            return true
        }
        if !kept { jianfan_icu_close(handle.raw) }
    }

    private func learn(ratio: Int) {
        let ratio = min(ratio, Self.maximumExpansion)
        var current = expansion.load(ordering: .relaxed)
        while ratio > current {
            let (exchanged, original) = expansion.compareExchange(
                expected: current, desired: ratio, ordering: .relaxed)
            if exchanged { break }
            current = original
        }
    }
}

/// An ICU transliterator pointer. Which thread may use it is decided by `Transliterator`.
private struct Handle: @unchecked Sendable {
    let raw: OpaquePointer
}

/// The error name ICU wrote into the shim's caller buffer, e.g. `U_INVALID_ID`.
private struct ICUFailure: Error {
    let name: String
}

/// Calls a shim function that returns nil on failure, giving it room for ICU's error name (or
/// for why ICU could not be loaded, which names the library).
private func callICU<R>(_ body: (UnsafeMutablePointer<CChar>, Int) -> R?) -> Result<R, ICUFailure> {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: 256) { name in
        name[0] = 0
        if let value = body(name.baseAddress!, name.count) { return .success(value) }
        let message = String(cString: name.baseAddress!)
        return .failure(ICUFailure(name: message.isEmpty ? "unknown ICU error" : message))
    }
}

/// The idle clones, behind a ``ThreadLock``.
private final class IdlePool: @unchecked Sendable {
    private let lock = ThreadLock()
    private var handles: [Handle] = []

    func withLock<R>(_ body: (inout [Handle]) -> R) -> R {
        lock.withLock { body(&handles) }
    }
}
