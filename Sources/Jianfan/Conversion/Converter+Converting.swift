import Dispatch

/// The conversion entry points: a string, bytes appended to an array or written into a buffer
/// (checked or already validated UTF-8), a stream, and the pieces the parallel path cuts.
extension Converter {
    /// Converts a string.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public func convert(_ text: String) -> String {
        var text = text
        return text.withUTF8 { utf8 in
            var out: [UInt8] = []
            // A String's UTF-8 is valid by construction.
            convert(unsafeValidatedUTF8: UnsafeRawBufferPointer(utf8), appendingTo: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Converts UTF-8 bytes, appending the result to `output`. The input is validated first
    /// (16 bytes at a time, on all cores for large inputs); invalid input throws and leaves
    /// `output` as it was. Large inputs are cut at safe boundaries and converted on all cores;
    /// the result is the same as in one piece.
    ///
    /// ```swift
    /// var out: [UInt8] = []
    /// try Array("后来".utf8).withUnsafeBytes { try Converter(.s2t).convert($0, appendingTo: &out) }
    /// // out == Array("後來".utf8)
    /// ```
    /// - Throws: ``InvalidUTF8Error`` with the offset of the first byte that is not UTF-8.
    public func convert(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(InvalidUTF8Error) {
        try validate(input)
        convert(unsafeValidatedUTF8: input, appendingTo: &output)
    }

    /// Like ``convert(_:appendingTo:)`` without validating: for bytes the caller has already
    /// validated (a `String`'s UTF-8, the output of ``UTF8Validation``).
    ///
    /// ```swift
    /// var out: [UInt8] = []
    /// var text = "后来"
    /// text.withUTF8 { Converter(.s2t).convert(unsafeValidatedUTF8: UnsafeRawBufferPointer($0), appendingTo: &out) }
    /// ```
    /// - Precondition: `input` is valid UTF-8. Other bytes may be read out of bounds.
    public func convert(unsafeValidatedUTF8 input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) {
        if !protection.isEmpty { return convertProtected(input, appendingTo: &output) }
        let estimate = Converter.outputEstimate(input.count)
        guard output.isEmpty else {
            let buffer = ByteBuffer(capacity: estimate)
            convert(input, into: buffer, parallel: true)
            output.append(contentsOf: UnsafeBufferPointer(start: buffer.base, count: buffer.count))
            return
        }
        // Into the new array's own storage: no second buffer to fault in, no copy (unless the
        // output outgrows the estimate, which text that is not all phrases never does).
        var outgrown: ByteBuffer?
        output = [UInt8](unsafeUninitializedCapacity: estimate) { storage, initialized in
            let buffer = ByteBuffer(borrowing: storage.baseAddress!, capacity: storage.count)
            convert(input, into: buffer, parallel: true)
            if buffer.ownsStorage { outgrown = buffer } else { initialized = buffer.count }
        }
        if let outgrown { output = Array(UnsafeBufferPointer(start: outgrown.base, count: outgrown.count)) }
    }

    /// Converts UTF-8 into a caller-provided buffer, returning the number of bytes written, or
    /// nil when `output` is too small (nothing useful is left in it then). Bytes of `output` past
    /// the returned count may be overwritten. The input is validated first.
    ///
    /// ```swift
    /// var room = [UInt8](repeating: 0, count: 64)
    /// let n = try Array("后来".utf8).withUnsafeBytes { input in
    ///     try room.withUnsafeMutableBytes { try Converter(.s2t).convert(input, into: $0) }
    /// }   // n == 6, room[..<6] is "後來"
    /// ```
    /// - Throws: ``InvalidUTF8Error`` with the offset of the first byte that is not UTF-8.
    public func convert(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws(InvalidUTF8Error) -> Int? {
        try validate(input)
        return convert(unsafeValidatedUTF8: input, into: output)
    }

    /// Like ``convert(_:into:)`` without validating.
    ///
    /// ```swift
    /// var room = [UInt8](repeating: 0, count: 64)
    /// var text = "后来"
    /// let n = text.withUTF8 { input in
    ///     room.withUnsafeMutableBytes { Converter(.s2t).convert(unsafeValidatedUTF8: UnsafeRawBufferPointer(input), into: $0) }
    /// }
    /// ```
    /// - Precondition: `input` is valid UTF-8. Other bytes may be read out of bounds.
    public func convert(unsafeValidatedUTF8 input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int? {
        if !protection.isEmpty { return convertProtected(input, into: output) }
        // Straight into the caller's buffer when it leaves the writer its slack, as above; else,
        // or when the output outgrows it, through a buffer of its own, copied if it fits.
        let lent = output.count >= ByteBuffer.slack * 2 ? output.baseAddress?.assumingMemoryBound(to: UInt8.self) : nil
        let buffer = lent.map { ByteBuffer(borrowing: $0, capacity: output.count) }
            ?? ByteBuffer(capacity: Converter.outputEstimate(input.count))
        convert(input, into: buffer, parallel: true)
        if !buffer.ownsStorage { return buffer.count }
        guard buffer.count <= output.count, let target = output.baseAddress else { return buffer.count == 0 ? 0 : nil }
        target.copyMemory(from: buffer.base, byteCount: buffer.count)
        return buffer.count
    }

    /// Throws at the first byte of `input` that is not UTF-8 (an incomplete scalar at the end
    /// included).
    func validate(_ input: UnsafeRawBufferPointer) throws(InvalidUTF8Error) {
        let bytes = input.bindMemory(to: UInt8.self)
        switch UTF8Validation.scan(bytes, threads: input.count >= Converter.parallelThreshold ? maximumThreads : 1) {
        case .valid(let tail): if tail > 0 { throw InvalidUTF8Error(offset: input.count - tail) }
        case .invalid(let offset, _): throw InvalidUTF8Error(offset: offset)
        }
    }

    /// A streaming conversion: feed chunks of any size, get output with bounded memory.
    public func makeStream(lossy: Bool = false) -> ConversionStream {
        ConversionStream(converter: self, lossy: lossy)
    }

    /// Room for the output of `count` input bytes: conversion rarely makes text longer.
    static func outputEstimate(_ count: Int) -> Int { count + count / 8 + 1024 }

    /// The engine entry point shared by every API above.
    func convert(_ input: UnsafeRawBufferPointer, into out: ByteBuffer, parallel: Bool, workspace: Workspace = Workspace()) {
        guard input.count > 0 else { return }
        if let pieces = convertedPieces(input, parallel: parallel, workspace: workspace) {
            for piece in pieces { out.append(piece.bytes) }
        } else if input.count >= Converter.parallelThreshold, let base = input.baseAddress?.assumingMemoryBound(to: UInt8.self) {
            // On one thread, in pieces too: the buffers between stages (and of the pre-step)
            // then hold one piece, stay in cache and are reused, instead of holding the input.
            let scratch = workspace.scratch(0)
            var start = 0
            for end in plan.pieces(of: UnsafeBufferPointer(start: base, count: input.count), target: Converter.serialPieceSize) {
                plan.convert(UnsafeRawBufferPointer(rebasing: input[start..<end]), into: out, scratch: scratch)
                start = end
            }
        } else {
            plan.convert(input, into: out, scratch: workspace.scratch(0))
        }
    }

    /// Converts a large `input` in pieces on all cores, into buffers of `workspace` returned in
    /// order; nil (nothing done) when the input is too small to split or one thread is allowed.
    func convertedPieces(_ input: UnsafeRawBufferPointer, parallel: Bool, workspace: Workspace) -> ArraySlice<ByteBuffer>? {
        guard parallel, maximumThreads > 1, input.count >= Converter.parallelThreshold,
              let base = input.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        let ends = plan.pieces(of: UnsafeBufferPointer(start: base, count: input.count), target: Converter.pieceSize)
        if ends.count == 1 { return nil }
        let outputs = workspace.outputs(ends.count, capacity: Converter.pieceSize * 5 / 4)
        let plan = self.plan
        let next = Counter()
        let workers = min(ends.count, max(1, maximumThreads))
        let scratches = (0..<workers).map { workspace.scratch($0) }
        let shared = SharedInput(bytes: input)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let scratch = scratches[worker]
            while let i = next.take(below: ends.count) {
                let start = i == 0 ? 0 : ends[i - 1]
                plan.convert(UnsafeRawBufferPointer(rebasing: shared.bytes[start..<ends[i]]), into: outputs[i], scratch: scratch)
            }
        }
        return outputs[...]
    }
}
