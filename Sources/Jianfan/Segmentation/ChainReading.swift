/// How ``Reconversion`` reads a phrase of a configuration's chain by its sentence
/// (``SentenceContext``), for plans of more than one stage: a chain's phrase in a sentence of the
/// source script converts as OpenCC does (s2twp 文档 → 文件) when the converted sentence reads as
/// converted; a chain's middle (文件, 程序) in a sentence of the output's script only is kept, as
/// is a phrase there that holds or runs across text the plan makes (源文件 and 文件名, where 文件
/// was made of 文档; 地址欄, where 欄位 was made of 字段). Elsewhere the lexicon's kind stands.
extension Reconversion {
    /// The kind of the phrase `[p, p + length)` in its sentence, given what its slot is
    /// (`known`: a kind with ``middle`` and ``holdsValue`` beside it) and the lexicon's `kind`.
    mutating func readBySentence(_ base: UnsafePointer<UInt8>, at p: Int, length: Int, known: UInt8, kind: Kind) -> Kind {
        guard let scripts else { return kind }
        if kind != .plain || known & Reconversion.middle != 0 {
            let evidence = context!.evidence(base, count: count, at: p, convert: convert)
            if evidence.source { return evidence.convertsClean ? .plain : kind }
            return evidence.target && known & Reconversion.middle != 0 ? .kept : kind
        }
        guard known & (Reconversion.holdsValue | Reconversion.join) != 0
                || crossesValue(base, at: p, length: length, target: scripts.target) else {
            return kind
        }
        let evidence = context!.evidence(base, count: count, at: p, convert: convert)
        return !evidence.source && evidence.target ? .kept : kind
    }

    /// Appends the ends that keep the scalar at `p` (`length` bytes, no phrase there) as it is,
    /// and returns true, when it is a chain's middle of one scalar (``StageJoins``: s2tw 么,
    /// made of 幺, converted to 麼) that its sentence or the lexicon reads as converted: kept
    /// among the output's script, converted as OpenCC does among the source's, and elsewhere
    /// kept when the lexicon finds it likelier than its conversion (tw2sp 么 against 幺; in
    /// s2tw 么 and 麼 are as likely: converted).
    @inline(never)
    mutating func keepsMiddle(_ base: UnsafePointer<UInt8>, at p: Int, length: Int, into ends: inout [Int]) -> Bool {
        let scalar = UTF8Scalars.decode(base + p).scalar
        guard let stageJoins, stageJoins.isMiddle(scalar) else { return false }
        let kind: Kind
        if let known = middleKinds[scalar] {
            kind = known
        } else {
            let key = UnsafeRawBufferPointer(start: base + p, count: length)
            let value = convert(key)
            kind = !holdsSource(key) && compare(Array(key), value) == .some(true) ? .kept : .plain
            middleKinds[scalar] = kind
        }
        guard readBySentence(base, at: p, length: length, known: kind.rawValue | Reconversion.middle, kind: kind) == .kept else {
            return false
        }
        ends.append(p)
        ends.append((p + length) | SegmentEnd.kept)
        return true
    }

    /// Whether a value of the plan runs across an end of the phrase `[p, p + length)` (asked
    /// only where a scalar of the output's script is near that end).
    mutating func crossesValue(_ base: UnsafePointer<UInt8>, at p: Int, length: Int, target: UInt8) -> Bool {
        guard PhraseValues.Hashes.holdsScript(base, around: p, lower: 0, upper: count, target)
                || PhraseValues.Hashes.holdsScript(base, around: p + length, lower: 0, upper: count, target) else { return false }
        if valueHashes == nil { valueHashes = values.hashes() }
        return valueHashes!.holdsValue(base, across: p, lower: 0, upper: count, target: target)
            || valueHashes!.holdsValue(base, across: p + length, lower: 0, upper: count, target: target)
    }

    /// Whether a value of the plan of two scalars or more, shorter than `key`, is part of it.
    func holdsShorterValue(_ key: UnsafeRawBufferPointer) -> Bool {
        let bytes = key.bindMemory(to: UInt8.self)
        var starts: [Int] = []
        var q = 0
        while q < bytes.count {
            starts.append(q)
            q += UTF8Scalars.decode(bytes.baseAddress! + q).length
        }
        starts.append(bytes.count)
        guard starts.count > 3 else { return false }
        for i in 0..<starts.count - 2 {
            for j in i + 2..<starts.count where j - i < starts.count - 1 {
                var h = Lexicon.Hash()
                h.add(bytes.baseAddress! + starts[i], count: starts[j] - starts[i])
                if values.contains(h) { return true }
            }
        }
        return false
    }

    /// Whether `key` is a chain's middle: the plan makes it of a phrase and converts it (文件 in
    /// s2twp: 文档 → 文件 → 檔案).
    func isMiddle(_ key: UnsafeRawBufferPointer) -> Bool {
        isValue(key) && !convert(key).elementsEqual(key)
    }
}
