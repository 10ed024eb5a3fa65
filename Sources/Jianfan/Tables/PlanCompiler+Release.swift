import Dispatch

extension PlanCompiler {
    /// Lets go of what compiling made besides the tables — the dictionaries, their flattened
    /// entries, the entries of fused tables: hundreds of thousands of small arrays for s2twp —
    /// on another thread. Freeing them one by one took a tenth of a run-time compile, on the
    /// thread that waits for the plan; a command that ends soon after never pays for it.
    /// `others` (the parsed configuration, say) go with them.
    func releasedInBackground(with others: Any...) {
        let garbage = Garbage([self, others])
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(garbage) {} }
    }
}

/// Values handed to another thread only to be released there: nothing reads them.
private final class Garbage: @unchecked Sendable {
    let values: [Any]
    init(_ values: [Any]) { self.values = values }
}
