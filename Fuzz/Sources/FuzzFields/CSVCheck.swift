import FuzzSupport

/// The CSV/TSV scanner on a block: records whole against records cut short, and fields written
/// back as they were read.
enum CSVCheck {
    static func check(_ bytes: [UInt8], delimiter: UInt8, cut: Int) {
        let scanner = CSVScanner(delimiter: delimiter)
        bytes.withUnsafeBytes { block in
            var fields: [CSVField] = [], short: [CSVField] = []
            var start = 0
            while start < block.count {
                let whole = Result { () throws(CSVSyntaxError) in try scanner.record(block, from: start, atEnd: true, into: &fields) }
                // The same record when the block ends at `cut` and more may follow: the same
                // fields and end, or nil (wait for more), never another record or error.
                if cut >= start {
                    let prefix = UnsafeRawBufferPointer(rebasing: block[..<cut])
                    let partial = Result { () throws(CSVSyntaxError) in try scanner.record(prefix, from: start, atEnd: false, into: &short) }
                    switch (whole, partial) {
                    case (_, .success(.none)):
                        if case .success(let next?) = whole, next <= cut, next > 0, block[next - 1] == 0x0A {
                            FuzzCheck.expect(false, "CSV: a record ending at \(next) with its line break waits at \(cut)")
                        }
                    case (.success(let a), .success(let b)):
                        FuzzCheck.expect(a == b && same(fields, short), "CSV: record at \(start) cut at \(cut) differs: \(String(describing: a)) \(String(describing: b))")
                    case (.failure(let a), .failure(let b)):
                        FuzzCheck.expect(a.offset == b.offset && a.reason == b.reason, "CSV: errors differ when cut: \(a) \(b)")
                    default:
                        FuzzCheck.expect(false, "CSV: record at \(start) whole \(whole), cut at \(cut) \(partial)")
                    }
                }
                guard case .success(let next?) = whole else {
                    if case .failure(let error) = whole {
                        FuzzCheck.expect(error.offset >= start && error.offset <= block.count, "CSV: error offset \(error.offset) outside \(start)...\(block.count)")
                    } else {
                        FuzzCheck.expect(false, "CSV: nil at the end of input")
                    }
                    return
                }
                FuzzCheck.expect(next > start && next <= block.count, "CSV: record at \(start) ends at \(next) of \(block.count)")
                checkFields(fields, in: block, record: start..<next, scanner: scanner)
                start = next
            }
        }
    }

    static func same(_ a: [CSVField], _ b: [CSVField]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.start == $1.start && $0.end == $1.end && $0.quoted == $1.quoted }
    }

    /// Fields in order inside the record; each field decoded and encoded again is its bytes as
    /// they were (quotes included) unless, unquoted, it holds what encoding must quote.
    static func checkFields(_ fields: [CSVField], in block: UnsafeRawBufferPointer, record: Range<Int>, scanner: CSVScanner) {
        FuzzCheck.expect(!fields.isEmpty, "CSV: a record without fields")
        var floor = record.lowerBound
        for field in fields {
            let outer = field.quoted ? (field.start - 1)..<(field.end + 1) : field.start..<field.end
            FuzzCheck.expect(outer.lowerBound >= floor && outer.upperBound <= record.upperBound,
                             "CSV: field \(outer) outside \(floor)..<\(record.upperBound)")
            floor = outer.upperBound
            var text: [UInt8] = []
            CSVScanner.decode(block, field, into: &text)
            let needsQuotes = text.contains { $0 == scanner.delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            guard field.quoted || !needsQuotes else { continue }
            var encoded: [UInt8] = []
            text.withUnsafeBytes { scanner.encode($0, quoted: field.quoted, into: &encoded) }
            FuzzCheck.expect(encoded.elementsEqual(block[outer]), "CSV: field \(outer) written back as \(FuzzCheck.describe(encoded))")
        }
    }
}
