/// The top and bottom 27% of candidates by total mark, for the classic upper–lower discrimination index.
///
/// 27% is Kelley's share: large enough groups to be stable, far enough apart to differ. The group size is
/// `k = round(0.27 × n)`, rounding halves up, computed in integers so that no floating-point product (0.27 × 50 is
/// 13.500000000000002) decides it. Candidates are ordered by total descending; a tie straddling a group boundary
/// is broken by candidate id ascending, so the groups do not depend on the order rows were loaded in. Totals that
/// agree to a millionth of a mark are a tie: the same marks summed in another order may differ in the last bit.
struct UpperLowerGroups {
    let upper: ArraySlice<Int>
    let lower: ArraySlice<Int>

    /// `nil` when the groups would be empty (fewer than two candidates).
    init?(candidates: [String], totals: [Double]) {
        let size = (27 * candidates.count + 50) / 100
        guard size > 0 else { return nil }
        let keys = totals.map { ($0 * 1e6).rounded() }
        let order = candidates.indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a] > keys[b] : candidates[a] < candidates[b]
        }
        upper = order.prefix(size)
        lower = order.suffix(size)
    }

    /// Mean mark of the upper group minus that of the lower group, in marks.
    func difference(marks: [[Double]], question: Int) -> Double {
        let upperSum = upper.reduce(0.0) { $0 + marks[$1][question] }
        let lowerSum = lower.reduce(0.0) { $0 + marks[$1][question] }
        return (upperSum - lowerSum) / Double(upper.count)
    }
}
