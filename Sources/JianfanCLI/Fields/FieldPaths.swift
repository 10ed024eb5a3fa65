/// The fields `--jsonl` names: dotted paths of object keys (`meta.title`), or `*` for every
/// string value. Arrays are transparent (`tags` names every string in the array `tags`,
/// `items.title` the title of each object in `items`), and naming an object or array names
/// every string inside it. Keys themselves are never converted.
///
/// The paths are held as a tree of keys, walked with the key bytes of each line, so that
/// finding a field costs a few byte comparisons: no string is built per key. A key that holds
/// a dot walks one level per part, as if the path were written out (`"a.b"` is `a.b`).
struct FieldPaths {
    let all: Bool
    /// Node 0 is the root; `children[n]` are the keys below node `n`.
    private var children: [[(key: [UInt8], node: Int)]] = [[]]
    private var named: [Bool] = [false]
    /// Whether a node has grandchildren: only then can a key holding a dot lead anywhere.
    private var deep: [Bool] = []
    /// The same tree flattened for lookups: every key's bytes in one buffer, and per key its
    /// parent node, its place in that buffer and its node (no nested array touched per key).
    private var keyBytes: [UInt8] = []
    private var edges: [(parent: Int, start: Int, count: Int, node: Int)] = []

    /// A node below which no path goes.
    static let nowhere = -1

    init(_ names: [String]) {
        all = names.contains("*")
        for name in names where name != "*" {
            var node = 0
            for part in name.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
                let key = Array(part)
                if let next = children[node].first(where: { $0.key == key })?.node {
                    node = next
                } else {
                    children.append([])
                    named.append(false)
                    children[node].append((key, children.count - 1))
                    node = children.count - 1
                }
            }
            named[node] = true
        }
        deep = children.map { keys in keys.contains { !children[$0.node].isEmpty } }
        for (parent, keys) in children.enumerated() {
            for (key, node) in keys {
                edges.append((parent, keyBytes.count, key.count, node))
                keyBytes += key
            }
        }
    }

    /// Whether the path to `node` is one of the names.
    func isNamed(_ node: Int) -> Bool { node != Self.nowhere && named[node] }

    /// The node of `key` (the decoded bytes of an object key) under `node`, or ``nowhere``.
    func child(of node: Int, key: UnsafeRawBufferPointer) -> Int {
        // Most keys hold no dot: one lookup. A key the tree holds has none (the paths are split at
        // dots), so only a key not found is searched for one, in place (keys are short: a call to
        // memchr cost more than the search).
        let found = lookup(node, key)
        if found != Self.nowhere || !deep[node] || !key.contains(UInt8(ascii: ".")) { return found }
        var node = node
        var start = 0
        while node != Self.nowhere {
            var end = start
            while end < key.count, key[end] != UInt8(ascii: ".") { end += 1 }
            node = lookup(node, UnsafeRawBufferPointer(rebasing: key[start..<end]))
            if end == key.count { return node }
            start = end + 1
        }
        return node
    }

    /// The child of `node` whose key is `part`, or ``nowhere``: a length check, then the bytes
    /// compared in place (a line of JSON has a key or more per value, so this is looked up millions
    /// of times, and keys are short: a call to memcmp cost more than the comparison).
    private func lookup(_ node: Int, _ part: UnsafeRawBufferPointer) -> Int {
        keyBytes.withUnsafeBytes { keys in
            edges.withUnsafeBufferPointer { edges in
                for edge in edges where edge.parent == node && edge.count == part.count {
                    var same = true
                    for k in 0..<part.count where keys[edge.start + k] != part[k] {
                        same = false
                        break
                    }
                    if same { return edge.node }
                }
                return Self.nowhere
            }
        }
    }
}
