/// The three shapes a conversion takes: inputs to standard output, inputs to one output file,
/// and each input rewritten in place. Each decides what a failure costs.
struct ConversionJob {
    let pump: ConversionPump

    /// Converts each input to standard output in order. A failing input is reported and skipped
    /// (as `cat` does) so one bad file does not hide the others; the worst status is returned.
    /// - Throws: ``BrokenPipe`` when the reader goes away: nothing more can be delivered.
    func convertToStandardOutput(_ inputs: [String]) throws -> ExitStatus {
        let output = StandardOutput()
        var status = ExitStatus.success
        for path in inputs {
            do {
                let input = try InputFile(path: path)
                try refuseReadingOwnOutput(input, output)
                try pump.run(input, to: output)
            } catch let error as CLIError {
                error.report()
                status = status.combined(with: error.status)
            }
        }
        return status
    }

    /// Converts all inputs, in order, into one output that is final only if all succeed.
    ///
    /// `-i f -o f` needs no special case: the output is a new file renamed over `f` at the end,
    /// so `f` is read intact, which is an in-place edit (see ``AtomicFileOutput``). That holds
    /// for whatever name reaches `f`'s device and inode, symlinks and hard links included.
    func convert(_ inputs: [String], toFile path: String) throws {
        let output = try openOutput(path)
        do {
            for inputPath in inputs {
                let input = try InputFile(path: inputPath)
                try refuseReadingOwnOutput(input, output)
                try pump.run(input, to: output)
            }
            try output.commit()
        } catch {
            output.discard()
            throw error
        }
    }

    /// Rewrites each input with its conversion. Files are independent: a failure leaves that
    /// file untouched, is reported, and the others are still converted.
    func rewriteInPlace(_ paths: [String]) -> ExitStatus {
        AtomicFileOutput.rewriteEach(paths) { input, output in try pump.run(input, to: output, keepingEncoding: true) }
    }

    /// Appending to the file being read would read our own output back, forever: refused, as
    /// `cat` does. Compared by device and inode, so every name for the file (a link,
    /// /dev/stdin, `-`) is caught.
    private func refuseReadingOwnOutput(_ input: InputFile, _ output: any OutputSink) throws(CLIError) {
        guard output is StandardOutput, let redirected = StandardOutput.redirectedFile,
              input.identity == redirected else { return }
        throw CLIError(status: .failure, message: "\(input.displayName): input file is output file")
    }
}
