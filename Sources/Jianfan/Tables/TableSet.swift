internal import CJianfanTables

/// Every compiled table and every configuration's plan, read from one blob without copying.
///
/// The library's own set is compiled into the binary (``TableSet/embedded``): opening it only
/// reads a directory, so building a ``Converter`` costs microseconds.
///
///     blob:  "JFTB" version tableCount planCount
///            (offset, length) × tableCount
///            PlanRecord × planCount
///            tables, each 8-byte aligned
final class TableSet: Sendable {
    static let magic: UInt32 = 0x4254_464A   // "JFTB"
    static let version: UInt32 = 8

    let records: [PlanRecord]
    /// Where each table starts (the blob's address as an integer, so the set stays `Sendable`):
    /// a table is read only when a plan uses it, so a process touches only its own tables.
    private let tableAddresses: [UInt]

    /// The tables compiled into the library from `Data/`.
    static let embedded: TableSet = {
        guard let set = TableSet(base: UnsafeRawPointer(jianfan_tables_data()), count: jianfan_tables_size()) else {
            fatalError("Jianfan: the embedded tables are missing or damaged; run `swift run jianfan-tables`")
        }
        return set
    }()

    /// The embedded blob's bytes (a test compares them with a fresh compile of `Data/`).
    static var embeddedBlob: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: jianfan_tables_data(), count: jianfan_tables_size())
    }

    /// Reads a blob that must stay valid (and 8-byte aligned) for the life of the process.
    init?(base: UnsafeRawPointer, count: Int) {
        guard count >= 16, base.load(as: UInt32.self) == TableSet.magic,
              base.load(fromByteOffset: 4, as: UInt32.self) == TableSet.version else { return nil }
        let tableCount = Int(base.load(fromByteOffset: 8, as: UInt32.self))
        let planCount = Int(base.load(fromByteOffset: 12, as: UInt32.self))
        var tableAddresses: [UInt] = []
        guard 16 + 8 * tableCount <= count else { return nil }
        for i in 0..<tableCount {
            let offset = Int(base.load(fromByteOffset: 16 + 8 * i, as: UInt32.self))
            let length = Int(base.load(fromByteOffset: 20 + 8 * i, as: UInt32.self))
            guard offset % 8 == 0, offset + length <= count else { return nil }
            tableAddresses.append(UInt(bitPattern: base + offset))
        }
        let recordsStart = 16 + 8 * tableCount
        guard recordsStart + PlanRecord.size * planCount <= count else { return nil }
        for i in 0..<planCount {
            let record = base + recordsStart + PlanRecord.size * i
            guard record.load(fromByteOffset: 9, as: UInt8.self) <= PlanRecord.maxStages,
                  record.load(fromByteOffset: 10, as: UInt8.self) <= PlanRecord.maxNormalization,
                  record.load(fromByteOffset: 11, as: UInt8.self) <= PlanRecord.maxIsolating else { return nil }
        }
        records = (0..<planCount).map { PlanRecord(reading: base + recordsStart + PlanRecord.size * $0) }
        guard records.allSatisfy({ r in
            (r.normalization + r.stages + [r.segmentation, r.fused, r.segmentingStage].compactMap { $0 }).allSatisfy { $0 < tableCount }
        }) else { return nil }
        self.tableAddresses = tableAddresses
    }

    /// The table at `index` of the blob.
    func table(_ index: Int) -> Table {
        Table(base: UnsafeRawPointer(bitPattern: tableAddresses[index])!)
    }

    /// The plan of `config`; with `includeTofuRisk`, the variant that keeps dictionaries marked
    /// `may_output_tofu` (configs without such dictionaries have one plan for both).
    func plan(_ config: Config, includeTofuRisk: Bool) -> Plan? {
        let named = records.filter { $0.name == config.rawValue }
        guard let r = (includeTofuRisk ? named.first { $0.includesTofuRisk } : nil)
                ?? named.first(where: { !$0.includesTofuRisk }) else { return nil }
        return Plan(record: r, table: table)
    }

    /// Serializes compiled tables and plan records into a blob that `init(base:count:)` reads.
    static func serialize(tables: [[UInt8]], records: [PlanRecord]) -> [UInt8] {
        let directoryEnd = TableFormat.align8(16 + 8 * tables.count + PlanRecord.size * records.count)
        var offsets: [Int] = []
        var cursor = directoryEnd
        for t in tables { offsets.append(cursor); cursor = TableFormat.align8(cursor + t.count) }
        var blob = [UInt8](repeating: 0, count: cursor)
        blob.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: magic, toByteOffset: 0, as: UInt32.self)
            raw.storeBytes(of: version, toByteOffset: 4, as: UInt32.self)
            raw.storeBytes(of: UInt32(tables.count), toByteOffset: 8, as: UInt32.self)
            raw.storeBytes(of: UInt32(records.count), toByteOffset: 12, as: UInt32.self)
            for (i, t) in tables.enumerated() {
                raw.storeBytes(of: UInt32(offsets[i]), toByteOffset: 16 + 8 * i, as: UInt32.self)
                raw.storeBytes(of: UInt32(t.count), toByteOffset: 20 + 8 * i, as: UInt32.self)
                t.withUnsafeBytes { if let from = $0.baseAddress { (raw.baseAddress! + offsets[i]).copyMemory(from: from, byteCount: t.count) } }
            }
            for (i, r) in records.enumerated() { r.write(into: raw, at: 16 + 8 * tables.count + PlanRecord.size * i) }
        }
        return blob
    }
}
