/// A protected conversion's state through a stream: it cuts the validated input into windows
/// of whole lines (``WindowCutter``, the normalizer's: at most 1 MiB, the same cuts however the
/// input arrives, a longer line cut where its conversion cannot change), finds each window's
/// pieces (``MarkupScanner``) and converts them.
///
/// Memory stays bounded whatever the input: a window is at most 1 MiB (front matter, looked
/// for in the first 64 KiB only, may make the first one longer), and what spans windows — a
/// fence left open, an HTML comment or `<script>` — is a state, not a buffer.
struct ProtectedConversion {
    let protection: Protection
    private var cutter = WindowCutter()
    private var scanner: MarkupScanner
    let windowSize: Int

    /// `plan` places the cuts of a line longer than a window where its conversion cannot change
    /// (``WindowCutter/partCut(_:_:plans:avoiding:)``).
    init(protection: Protection, target: Config?, plan: Plan? = nil, windowSize: Int = 1 << 20) {
        self.protection = protection
        self.windowSize = windowSize
        cutter.findsBlocks = protection.markup == .markdown
        cutter.plans = plan.map { [$0] } ?? []
        cutter.patterns = protection.patterns.compactMap { try? ProtectedPattern($0) }
        scanner = MarkupScanner(protection: protection, target: target)
    }

    /// The next window of `s` (pending, validated input): see ``WindowCutter/next``.
    mutating func nextWindow(_ s: UnsafeBufferPointer<UInt8>, force: Bool, final: Bool) -> TextWindow? {
        cutter.next(s, windowSize: windowSize, force: force, final: final)
    }

    /// Converts the windows that `pending`'s validated bytes hold, each at once, and drops them
    /// from `pending`, handing each window's output to `consume`.
    mutating func drain<E: Error>(
        _ pending: inout PendingInput, force: Bool, final: Bool,
        converter: Converter, out: ByteBuffer, workspace: Workspace, to consume: (UnsafeRawBufferPointer) throws(E) -> Void
    ) throws(E) {
        while pending.validated > 0 {
            let window = pending.bytes.withUnsafeBufferPointer { [validated = pending.validated] in
                nextWindow(UnsafeBufferPointer(rebasing: $0[0..<validated]), force: force, final: final)
            }
            guard let window else { return }
            out.removeAll()
            convert(window, with: converter, into: out, workspace: workspace)
            pending.drop(window.bytes.count)
            try consume(out.bytes)
        }
    }

    /// Converts `window` with `converter` (whose own protection is ignored) into `out`.
    mutating func convert(_ window: TextWindow, with converter: Converter, into out: ByteBuffer, workspace: Workspace) {
        window.bytes.withUnsafeBufferPointer { s in
            scanner.scan(s, blocks: window.blocks)
            let raw = UnsafeRawBufferPointer(s)
            for piece in scanner.pieces.pieces {
                let bytes = UnsafeRawBufferPointer(rebasing: raw[piece.range])
                if piece.converts {
                    converter.convert(bytes, into: out, parallel: true, workspace: workspace)
                } else {
                    out.append(bytes)
                }
            }
        }
    }
}
