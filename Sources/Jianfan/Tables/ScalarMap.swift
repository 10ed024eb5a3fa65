/// A map from Unicode scalars to values, in pages of 256 like a table's records: a lookup is
/// two array reads and no hashing, which the table compiler needs for tens of thousands of keys
/// at run time. A scalar not set has the map's `absent` value.
struct ScalarMap<Value: Equatable> {
    let absent: Value
    /// Page number (`scalar >> 8`) → its index in `values` / 256, or -1.
    private var pageIndex = [Int32](repeating: -1, count: 0x1100)
    private var values: [Value] = []
    /// The page numbers that exist, in the order they were made.
    private(set) var pages: [Int] = []

    init(absent: Value) { self.absent = absent }

    subscript(scalar: UInt32) -> Value {
        get {
            let page = Int(scalar >> 8)
            guard page < pageIndex.count, pageIndex[page] >= 0 else { return absent }
            return values[Int(pageIndex[page]) << 8 | Int(scalar & 0xFF)]
        }
        set {
            let page = Int(scalar >> 8)
            precondition(page < pageIndex.count, "not a Unicode scalar")
            if pageIndex[page] < 0 { makePage(page) }
            values[Int(pageIndex[page]) << 8 | Int(scalar & 0xFF)] = newValue
        }
    }

    /// Makes `page` exist (every value on it absent).
    mutating func makePage(_ page: Int) {
        guard pageIndex[page] < 0 else { return }
        pageIndex[page] = Int32(pages.count)
        pages.append(page)
        values += repeatElement(absent, count: 256)
    }

    /// The scalars whose value is not absent, in increasing order, with their values.
    func forEach(_ body: (UInt32, Value) -> Void) {
        for page in 0..<pageIndex.count where pageIndex[page] >= 0 {
            let base = Int(pageIndex[page]) << 8
            for i in 0..<256 where values[base + i] != absent { body(UInt32(page << 8 | i), values[base + i]) }
        }
    }

    /// The 256 values of an existing `page`.
    func page(_ page: Int) -> ArraySlice<Value> {
        let base = Int(pageIndex[page]) << 8
        return values[base..<base + 256]
    }
}
