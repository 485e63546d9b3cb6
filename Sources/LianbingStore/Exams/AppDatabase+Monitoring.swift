import Foundation
import GRDB
import LianbingCore

/// One candidate as proctors see them during the window.
public struct CandidateProgress: Sendable, Codable, Equatable {
    public enum Standing: String, Sendable, Codable {
        case notStarted = "not-started"
        case inProgress = "in-progress"
        case submitted
        case excused
        case absent

        public var label: String {
            switch self {
            case .notStarted: "未开始"
            case .inProgress: "作答中"
            case .submitted: "已交卷"
            case .excused: "免考"
            case .absent: "缺考"
            }
        }
    }

    public var staffNumber: String
    public var name: String
    public var unitCode: String
    public var unitName: String
    /// `广州市 › 天河区 › 沙河街道` (`UnitTrails`).
    public var unitTrail: String
    public var standing: Standing
    public var attemptId: Int64?
    public var answered: Int
    public var questions: Int
    public var startedAt: Date?
    public var deadline: Date?
    public var lastSeenAt: Date?
    /// Times the page was hidden during the attempt, and for how long in all.
    public var hiddenCount: Int
    public var hiddenSeconds: Double
    public var extraMinutes: Int
    /// An individual late window, if one was given.
    public var closesAt: Date?
    public var excusedReason: String?
    public var score: Double?
    public var pendingCount: Int
}

extension AppDatabase {
    /// Every candidate in the caller's scope with where they stand now, by unit then staff number.
    public func progress(ofExam id: Int64, by principal: Principal) async throws -> [CandidateProgress] {
        let now = clock()
        return try await reader.read { db in
            let exam = try Self.examInScope(id, for: principal, db)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.staffNumber, c.paper AS candidatePaper, c.excusedReason, c.extraSeconds, c.closesAt AS candidateClosesAt,
                           s.name, u.code AS unitCode, u.name AS unitName, u.path,
                           a.id AS attemptId, a.state, a.startedAt, a.deadline, a.lastSeenAt, a.hiddenCount, a.hiddenSeconds,
                           a.score, a.pendingCount,
                           (SELECT COUNT(*) FROM attemptAnswer x WHERE x.attemptId = a.id AND x.response IS NOT NULL) AS answered
                    FROM examCandidate c JOIN staff s ON s.number = c.staffNumber JOIN unit u ON u.code = s.unitCode
                    LEFT JOIN attempt a ON a.examId = c.examId AND a.staffNumber = c.staffNumber
                    WHERE c.examId = ? AND u.path >= ? AND u.path < ?
                    ORDER BY u.path, c.staffNumber
                    """, arguments: [id, principal.scope.lowerBound, principal.scope.upperBound])
            let trails = try UnitTrails.of(rows.map { $0["path"] as String }, db)
            return try rows.map { row in
                let state = (row["state"] as String?).flatMap(AttemptState.init(rawValue:))
                let closes: Date = row["candidateClosesAt"] ?? exam.closesAt
                let deadline: Date? = row["deadline"]
                let standing: CandidateProgress.Standing =
                    if (row["excusedReason"] as String?) != nil { .excused }
                    else if let state { state.isFinished || (deadline.map { now >= $0 } ?? false) ? .submitted : .inProgress }
                    else { now >= closes ? .absent : .notStarted }
                let paper = try (row["candidatePaper"] as String?).map(Self.decodePaper)
                return CandidateProgress(
                    staffNumber: row["staffNumber"], name: row["name"], unitCode: row["unitCode"], unitName: row["unitName"],
                    unitTrail: trails[row["path"]] ?? row["unitName"], standing: standing, attemptId: row["attemptId"],
                    answered: row["answered"] ?? 0, questions: paper?.items.count ?? 0,
                    startedAt: row["startedAt"], deadline: deadline, lastSeenAt: row["lastSeenAt"], hiddenCount: row["hiddenCount"] ?? 0,
                    hiddenSeconds: row["hiddenSeconds"] ?? 0, extraMinutes: (row["extraSeconds"] as Int? ?? 0) / 60,
                    closesAt: row["candidateClosesAt"], excusedReason: row["excusedReason"], score: row["score"],
                    pendingCount: row["pendingCount"] ?? 0)
            }
        }
    }
}
