import Foundation
import NIOCore

/// The answers to one kind of request: latencies, statuses, and when they came, for throughput.
struct RequestLog {
    private(set) var latencies: [Int64] = []
    private(set) var statuses: [Int: Int] = [:]
    private(set) var first: NIODeadline?
    private(set) var last: NIODeadline?

    var count: Int { latencies.count }
    var failures: Int { statuses.filter { !(200..<300).contains($0.key) }.values.reduce(0, +) }

    mutating func record(_ answer: LoadAnswer) {
        let now = NIODeadline.now()
        latencies.append(answer.latency.nanoseconds)
        statuses[answer.status, default: 0] += 1
        if first == nil { first = now }
        last = now
    }

    /// Answers per second between the first and the last.
    var throughput: Double {
        guard let first, let last, count > 1 else { return 0 }
        return Double(count - 1) / (Double((last - first).nanoseconds) / 1e9)
    }

    /// The latency below which `fraction` of the answers came, in milliseconds.
    func percentile(_ fraction: Double) -> Double {
        guard !latencies.isEmpty else { return 0 }
        let sorted = latencies.sorted()
        return Double(sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]) / 1e6
    }

    /// `200×19998 409×2 conn×0`: every status seen, "conn" for connections lost before an answer.
    var statusSummary: String {
        statuses.sorted { $0.key < $1.key }.map { "\($0.key == 0 ? "conn" : String($0.key))×\($0.value)" }.joined(separator: " ")
    }

    func line(_ name: String) -> String {
        "  " + name.padding(toLength: 9, withPad: " ", startingAt: 0)
            + String(
                format: " %7d answers %8.1f /s   p50 %7.1f ms   p99 %7.1f ms   max %7.1f ms   ", count, throughput, percentile(0.5),
                percentile(0.99), percentile(1))
            + "[\(statusSummary)]"
    }
}
