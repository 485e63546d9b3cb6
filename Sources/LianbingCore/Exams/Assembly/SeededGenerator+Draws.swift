extension SeededGenerator {
    /// A uniform integer in `0..<bound` by Lemire's multiply-and-reject.
    ///
    /// Written out rather than `Int.random(in:using:)` and `shuffle(using:)`, whose algorithms the standard
    /// library does not promise to keep: a paper must be reproducible from its seed for as long as the exam's
    /// records are kept, across compiler upgrades.
    @inline(__always)
    mutating func index(below bound: Int) -> Int {
        let limit = UInt64(bound)
        var product = next().multipliedFullWidth(by: limit)
        if product.low < limit {
            let threshold = (0 &- limit) % limit
            while product.low < threshold { product = next().multipliedFullWidth(by: limit) }
        }
        return Int(product.high)
    }

    /// Fisher–Yates over `range` of `array`.
    @inline(__always)
    mutating func shuffle<Element>(_ array: inout [Element], in range: Range<Int>) {
        var index = range.lowerBound
        while index < range.upperBound - 1 {
            let other = index + self.index(below: range.upperBound - index)
            array.swapAt(index, other)
            index += 1
        }
    }

    /// A random order of `count` options: `order[shown] = original`. Empty for no options.
    mutating func optionOrder(_ count: Int) -> [Int] {
        guard count > 0 else { return [] }
        var order = Array(0..<count)
        shuffle(&order, in: 0..<count)
        return order
    }
}
