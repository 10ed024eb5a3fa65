extension Converter {
    /// This converter, copying what `protection` protects unconverted (see ``Protection``).
    /// Phrase matching never crosses a protected span's edge; everything else converts as
    /// before. Streams made from it give the same output, however the input is cut.
    ///
    /// ```swift
    /// let wiki = Converter(.s2twp).protecting(Protection(markup: .mediawiki))
    /// wiki.convert("-{zh-hans:计算机;zh-hant:電腦;}-与-{头发}-")   // "電腦與头发"
    /// Converter(.s2t).protecting(Protection(markup: .html)).convert("<p title=\"头发\" class=\"头发\">头发</p>")
    /// // "<p title=\"頭髮\" class=\"头发\">頭髮</p>"
    /// ```
    public func protecting(_ protection: Protection) -> Converter {
        var protected = self
        protected.protection = protection
        return protected
    }

    /// ``protecting(_:)-(Protection)`` with markup alone.
    ///
    /// ```swift
    /// Converter(.s2t).protecting(.markdown).convert("```\n头发\n```\n头发\n")   // "```\n头发\n```\n頭髮\n"
    /// ```
    public func protecting(_ markup: Markup) -> Converter {
        protecting(Protection(markup: markup))
    }

    /// A whole text through the protected windows, as a stream would convert it.
    func convertProtected(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) {
        var state = ProtectedConversion(protection: protection, target: config, plan: plan)
        let out = ByteBuffer(capacity: Converter.outputEstimate(min(input.count, state.windowSize * 2)))
        let workspace = Workspace()
        let s = input.bindMemory(to: UInt8.self)
        var start = 0
        while start < s.count,
              let window = state.nextWindow(UnsafeBufferPointer(rebasing: s[start...]), force: false, final: true) {
            out.removeAll()
            state.convert(window, with: self, into: out, workspace: workspace)
            output.append(contentsOf: out.bytes)
            start += window.bytes.count
        }
    }

    /// ``convertProtected(_:appendingTo:)`` into a caller's buffer: nil when it is too small.
    func convertProtected(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int? {
        var converted: [UInt8] = []
        convertProtected(input, appendingTo: &converted)
        guard converted.count <= output.count else { return converted.isEmpty ? 0 : nil }
        if !converted.isEmpty, let base = output.baseAddress { converted.withUnsafeBytes { base.copyMemory(from: $0.baseAddress!, byteCount: $0.count) } }
        return converted.count
    }
}
