/// What a window's lattice is told and what it tells: the scripts that mark text already
/// converted, and the choice it made with its cost against greedy matching's.
extension WordLattice {
    /// The scripts that tell converted text (``ScriptEvidence`` class bits): a word of the
    /// lexicon with a scalar of the `target` script is already
    /// converted, and may be kept as it is (so that converting the output again changes nothing).
    struct Scripts {
        let source: UInt8, target: UInt8
    }

    /// One window's choice, for ``Converter/segments(of:)`` and `--inspect`: the likeliest
    /// reading and the one greedy matching makes, each as the ends of its pieces (byte offsets
    /// relative to the text) and its cost (−ln p summed; lower is likelier).
    struct Decision {
        var window: Range<Int>
        var chosen: [Int], chosenCost: Float
        var greedy: [Int], greedyCost: Float
    }
}
