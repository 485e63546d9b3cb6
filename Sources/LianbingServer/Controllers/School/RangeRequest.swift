/// What a `Range` request header (RFC 9110 §14.2) asks of a file of `size` bytes. One range is served as asked;
/// anything this does not serve in part (no header, another unit, several ranges, a malformed one) is answered with the
/// whole file, as the RFC allows a server to do.
enum RangeRequest: Equatable {
    case whole
    case part(ClosedRange<Int>)
    case unsatisfiable

    init(header: String?, size: Int) {
        guard let header, header.lowercased().hasPrefix("bytes="), !header.contains(",") else {
            self = .whole
            return
        }
        let bounds = header.dropFirst("bytes=".count).split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard bounds.count == 2, bounds.allSatisfy({ $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }) else {
            self = .whole
            return
        }
        // Digits past Int's range are past the end of any file; clamped to `size` before any arithmetic.
        let first = bounds[0].isEmpty ? nil : Int(bounds[0]) ?? .max
        let last = bounds[1].isEmpty ? nil : Int(bounds[1]) ?? .max
        switch (first, last) {
        case (nil, nil):
            self = .whole
        case (nil, let suffix?):
            // `bytes=-n`: the last n bytes, or all of them when the file is shorter.
            self = suffix == 0 || size == 0 ? .unsatisfiable : .part(size - min(suffix, size)...size - 1)
        case (let first?, let last):
            if let last, last < first {
                self = .whole
            } else if first >= size {
                self = .unsatisfiable
            } else {
                self = .part(first...min(last ?? size - 1, size - 1))
            }
        }
    }
}
