/// Every draw the demo generator makes, taken straight from `SeededGenerator`'s raw output.
///
/// The standard library's `random(in:using:)` is free to change how it maps raw bits to a range between
/// Swift releases; doing the mapping here keeps a seed's dataset identical across toolchains.
struct DemoDice {
    private var generator: SeededGenerator

    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    /// Lemire's multiply-high mapping: unbiased enough for counts this small, and branch-free.
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(UInt64(bound).multipliedFullWidth(by: generator.next()).high)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    mutating func chance(_ probability: Double) -> Bool {
        Double(generator.next() >> 11) * 0x1p-53 < probability
    }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// `weighted` pairs each item with a relative weight, so tables read like the mix they describe.
    mutating func pick<T>(weighted: [(T, Int)]) -> T {
        var roll = below(weighted.reduce(0) { $0 + $1.1 })
        for (item, weight) in weighted {
            if roll < weight { return item }
            roll -= weight
        }
        return weighted[weighted.count - 1].0
    }

    /// Splits `total` into `count` parts within `range`, so a scale's totals come out exact whatever the seed
    /// while individual parts still vary. The requested total is clamped to what the range allows.
    mutating func apportion(_ total: Int, into count: Int, within range: ClosedRange<Int>) -> [Int] {
        guard count > 0 else { return [] }
        var parts = Array(repeating: range.lowerBound, count: count)
        var remaining = min(max(total, count * range.lowerBound), count * range.upperBound) - count * range.lowerBound
        var open = Array(0..<count)
        while remaining > 0 {
            let slot = below(open.count)
            parts[open[slot]] += 1
            remaining -= 1
            if parts[open[slot]] == range.upperBound { open.swapAt(slot, open.count - 1); open.removeLast() }
        }
        return parts
    }
}
