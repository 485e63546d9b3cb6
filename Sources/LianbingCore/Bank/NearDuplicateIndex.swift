/// Finds pairs of texts that are nearly the same, without comparing every pair.
///
/// Texts are normalised (whitespace and punctuation removed, full-width letters and digits folded to ASCII,
/// ASCII lower-cased), cut into overlapping character 3-grams ("shingles"), and compared by the Jaccard
/// similarity of their shingle sets: |A ∩ B| / |A ∪ B|.
///
/// Candidates come from an inverted index with prefix filtering (Chaudhuri et al.; Bayardo et al., "Scaling
/// up all pairs similarity search"): order shingles from rarest to commonest; if J(A, B) ≥ t then A and B
/// share a shingle among the first |A| − ⌈t·|A|⌉ + 1 of A and of B. So only those prefix shingles are
/// indexed and probed, and they are the rare ones: a bank of 10,000 questions yields a handful of candidates
/// per question instead of 10,000. As a guard against degenerate input (thousands of near-identical texts)
/// a shingle already in `maxPostings` prefixes is no longer used; that can only miss pairs whose rarest
/// shingles are shared by that many texts, and no real bank has those.
struct NearDuplicateIndex {
    struct Pair: Equatable {
        /// Positions in the input, `earlier < later`.
        var earlier: Int
        var later: Int
        var similarity: Double
    }

    var threshold: Double
    var maxPostings: Int

    init(threshold: Double, maxPostings: Int = 1_000) {
        self.threshold = min(max(threshold, 0.01), 1)
        self.maxPostings = maxPostings
    }

    /// Every pair of `texts` with similarity at least `threshold`, ordered by `later` then `earlier`.
    ///
    /// Texts with identical shingle sets are grouped: each copy is paired with the first one only, so a text
    /// pasted 100 times gives 99 pairs rather than 4,950. Texts that normalise to nothing are never paired.
    func pairs(_ texts: [String]) -> [Pair] {
        var pairs: [Pair] = []
        var firstWithSet: [[UInt64]: Int] = [:]
        var representatives: [(position: Int, shingles: [UInt64])] = []
        for (position, text) in texts.enumerated() {
            let shingles = Self.shingles(Self.normalise(text))
            if shingles.isEmpty { continue }
            if let first = firstWithSet[shingles] {
                pairs.append(Pair(earlier: first, later: position, similarity: 1))
            } else {
                firstWithSet[shingles] = position
                representatives.append((position, shingles))
            }
        }

        // Global order: rarest shingle first. Ties go by first appearance, which depends only on the input
        // order (never on hashing), and a counting sort keeps this linear.
        var idOf: [UInt64: Int32] = [:]
        idOf.reserveCapacity(representatives.reduce(0) { $0 + $1.shingles.count })
        var counts: [Int32] = []
        let ids: [[Int32]] = representatives.map { representative in
            representative.shingles.map { shingle in
                if let id = idOf[shingle] {
                    counts[Int(id)] += 1
                    return id
                }
                let id = Int32(counts.count)
                idOf[shingle] = id
                counts.append(1)
                return id
            }
        }
        var start = [Int](repeating: 0, count: (counts.max().map(Int.init) ?? 0) + 2)
        for count in counts { start[Int(count) + 1] += 1 }
        for index in start.indices.dropFirst() { start[index] += start[index - 1] }
        var rank = [Int32](repeating: 0, count: counts.count)
        for (id, count) in counts.enumerated() {
            rank[id] = Int32(start[Int(count)])
            start[Int(count)] += 1
        }
        let sets: [[Int32]] = ids.map { $0.map { rank[Int($0)] }.sorted() }

        var postings = [[Int32]](repeating: [], count: counts.count)
        var lastProbe = [Int](repeating: -1, count: sets.count)
        for (x, set) in sets.enumerated() {
            // Any match shares at least ⌈t·|x|⌉ shingles with x and has between t·|x| and |x|/t of them.
            let smallest = Self.ceil(threshold * Double(set.count))
            let prefixLength = set.count - smallest + 1
            let largest = Int((Double(set.count) / threshold + 1e-9).rounded(.down))
            for token in set.prefix(prefixLength) {
                let index = Int(token)
                guard postings[index].count < maxPostings else { continue }
                for y in postings[index] {
                    let y = Int(y)
                    if lastProbe[y] == x { continue }
                    lastProbe[y] = x
                    let other = sets[y]
                    guard other.count >= smallest, other.count <= largest else { continue }
                    let similarity = Self.jaccard(set, other)
                    if similarity + 1e-9 >= threshold {
                        pairs.append(Pair(earlier: representatives[y].position, later: representatives[x].position, similarity: similarity))
                    }
                }
                postings[index].append(Int32(x))
            }
        }
        pairs.sort { ($0.later, $0.earlier) < ($1.later, $1.earlier) }
        return pairs
    }

    /// ⌈value⌉, tolerant of floating-point noise (0.8 × 5 must be 4, not 5).
    private static func ceil(_ value: Double) -> Int { Int((value - 1e-9).rounded(.up)) }

    /// Jaccard similarity of two sorted sets, by merging.
    static func jaccard(_ a: [Int32], _ b: [Int32]) -> Double {
        var i = 0
        var j = 0
        var common = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                common += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        let union = a.count + b.count - common
        return union == 0 ? 1 : Double(common) / Double(union)
    }

    /// The text as compared: scalars without whitespace, punctuation, control or format characters;
    /// full-width ASCII folded to ASCII; ASCII letters lower-cased. `“每半年”。` and `每半年` compare equal.
    static func normalise(_ text: String) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            var value = scalar.value
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
            if (0x41...0x5A).contains(value) { value += 0x20 }
            if isKept(value) { result.append(value) }
        }
        return result
    }

    /// Whether a (folded) scalar takes part in the comparison. Chinese characters and ASCII, nearly all of a
    /// bank's text, are answered without looking up Unicode properties, which would dominate the cost.
    private static func isKept(_ value: UInt32) -> Bool {
        if value < 0x80 { return asciiKept[Int(value)] }
        if (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) { return true }
        guard let scalar = Unicode.Scalar(value) else { return false }
        if isWhitespace(scalar) { return false }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return false
        default:
            return true
        }
    }

    /// Unicode White_Space, spelled out: `scalar.properties.isWhitespace` is a table lookup that dominated the
    /// validator's time, and the property is a fixed list of 25 characters.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// ASCII letters, digits and symbols (`+` `<` `$` …) are kept; whitespace, controls and punctuation are not.
    private static let asciiKept: [Bool] = (0..<128).map { value in
        let scalar = Unicode.Scalar(UInt8(value))
        if value < 0x20 || value == 0x7F || scalar == " " { return false }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return false
        default:
            return true
        }
    }

    /// The sorted, distinct character 3-grams of `scalars`, each packed losslessly into a `UInt64` (a scalar
    /// needs 21 bits). A text shorter than three characters is one shingle of its own, marked by the top bit.
    static func shingles(_ scalars: [UInt32]) -> [UInt64] {
        switch scalars.count {
        case 0:
            return []
        case 1, 2:
            return [1 << 63 | UInt64(scalars[0]) << 21 | UInt64(scalars.count == 2 ? scalars[1] : 0)]
        default:
            var result: [UInt64] = []
            result.reserveCapacity(scalars.count - 2)
            for i in 0..<(scalars.count - 2) {
                result.append(UInt64(scalars[i]) << 42 | UInt64(scalars[i + 1]) << 21 | UInt64(scalars[i + 2]))
            }
            result.sort()
            var unique = 1
            for i in 1..<result.count where result[i] != result[unique - 1] {
                result[unique] = result[i]
                unique += 1
            }
            result.removeLast(result.count - unique)
            return result
        }
    }
}
