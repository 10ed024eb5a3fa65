internal import CJianfanSystem

/// Keeps glibc's allocator from giving the top of its heap back to the kernel after every
/// piece of text a document converts.
///
/// A document converts thousands of short texts (a paragraph each), and each conversion
/// allocates and frees a scratch buffer of about 200 KB. With glibc's adaptive thresholds the
/// free trims the heap and the next allocation grows it again: a DOCX of the 24 MB corpus made
/// a million brk(2) calls, 4.4 s of system time against 2.7 s of conversion. (With ZIPFoundation
/// the process freed a large buffer early, which raised the thresholds and hid this.) Fixed
/// thresholds — return free memory above 32 MB, map allocations of 1 MB and more on their own —
/// keep the scratch in the heap and still give large buffers back when freed.
///
/// ```swift
/// DocumentHeap.prepare()   // before converting documents; once is enough
/// ```
enum DocumentHeap {
    static func prepare() {
        _ = prepared
    }

    private static let prepared: Void = jianfan_system_fix_heap_thresholds(32 << 20, 1 << 20)
}
