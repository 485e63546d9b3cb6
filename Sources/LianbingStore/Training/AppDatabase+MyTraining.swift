import Foundation
import GRDB
import LianbingCore

/// A member of staff's own training record (我的培训): what they attended, their hours this cycle, and what is still
/// required of them.
public struct MyTraining: Sendable, Codable, Equatable {
    public struct Attended: Sendable, Codable, Equatable {
        public var sessionId: Int64
        public var title: String
        public var kind: TrainingKind
        public var unitName: String
        public var firstDay: CivilDate
        public var days: Int
        public var hours: Double
        public var countsForCoverage: Bool
        /// Their rating, once given.
        public var rating: Int?
    }

    public var cycleStart: CivilDate
    public var cycleLastDay: CivilDate
    public var hoursThisCycle: Double
    /// Whether this cycle's business training is done.
    public var isCovered: Bool
    /// Newly hired: the date by which it is due; `nil` otherwise.
    public var dueBy: CivilDate?
    /// Hired too late in the cycle to be due in it.
    public var isNotDue: Bool
    public var lastTrained: CivilDate?
    public var attended: [Attended]
    /// Published sessions they are invited to that have not ended.
    public var upcoming: [TrainingSession]
}

extension AppDatabase {
    /// The caller's own training record (我的培训).
    public func myTraining(for principal: Principal) async throws -> MyTraining {
        guard let number = principal.staffNumber else { throw LianbingError.forbidden("只有关联了工作人员的账号有培训记录") }
        return try await trainingRecord(of: number, for: principal)
    }

    /// A member of staff's training record, for themselves or for trainers and administrators whose subtree holds them
    /// (anyone else: not found, so numbers outside the scope do not leak).
    public func trainingRecord(of number: String, for principal: Principal) async throws -> MyTraining {
        let now = clock()
        let today = ChinaTime.civilDate(of: now)
        return try await reader.read { db in
            guard let staff = try StaffRecord.fetchOne(db, key: number) else { throw LianbingError.notFound("工作人员 \(number)") }
            let path = try Self.unitPath(staff.unitCode, db)
            let inScope = principal.has(.trainer) && principal.covers(path)
            guard principal.staffNumber == number || inScope else { throw LianbingError.notFound("工作人员 \(number)") }
            let settings = try Self.trainingSettings(db)
            let cycle = settings.cycle(containing: today)
            let attended = try Row.fetchAll(
                db,
                sql: """
                    SELECT t.id, t.title, t.kind, t.isBusiness, u.name AS unitName, MIN(a.day) AS firstDay, COUNT(*) AS days,
                           SUM(a.hours) AS hours, r.score AS rating
                    FROM trainingAttendance a JOIN trainingSession t ON t.id = a.sessionId JOIN unit u ON u.code = t.unitCode
                    LEFT JOIN trainingRating r ON r.sessionId = t.id AND r.staffNumber = a.staffNumber
                    WHERE a.staffNumber = ? AND a.status = 'attended'
                    GROUP BY t.id ORDER BY firstDay DESC, t.id DESC
                    """, arguments: [number]
            ).map { row in
                let kind = TrainingKind(rawValue: row["kind"]) ?? .other
                return MyTraining.Attended(
                    sessionId: row["id"], title: row["title"], kind: kind, unitName: row["unitName"],
                    firstDay: CivilDate(row["firstDay"] as String)!, days: row["days"], hours: row["hours"],
                    countsForCoverage: kind.countsForCoverage(business: row["isBusiness"]), rating: row["rating"])
            }
            let inCycle = attended.filter { cycle.contains($0.firstDay) }
            let person = CoveragePerson(
                number: number, hireDate: staff.hireDate.flatMap(CivilDate.init), leftOn: staff.leftOn.flatMap(CivilDate.init),
                trainedOn: attended.filter(\.countsForCoverage).map(\.firstDay))
            let standing = Coverage.standing(of: person, in: cycle, on: today, graceDays: settings.graceDays)
            var dueBy: CivilDate?
            var isNotDue = false
            var lastTrained: CivilDate?
            var isCovered = false
            switch standing {
            case .covered(let last): (isCovered, lastTrained) = (true, last)
            case .uncovered(let last): lastTrained = last
            case .notYetDue(let due): dueBy = due
            case .notDue: isNotDue = true
            case .left: break
            }
            let upcoming = try TrainingSessionRecord.fetchAll(
                db,
                sql: """
                    SELECT t.* FROM trainingSession t JOIN trainingInvitee i ON i.sessionId = t.id
                    WHERE i.staffNumber = ? AND t.status IN ('published', 'held') AND t.endsAt > ? ORDER BY t.startsAt
                    """, arguments: [number, now]
            ).map { try Self.trainingSession($0, for: principal, db) }
            return MyTraining(
                cycleStart: cycle.start, cycleLastDay: cycle.lastDay, hoursThisCycle: inCycle.reduce(0) { $0 + $1.hours },
                isCovered: isCovered, dueBy: dueBy, isNotDue: isNotDue, lastTrained: lastTrained ?? attended.filter(\.countsForCoverage).first?.firstDay,
                attended: attended, upcoming: upcoming)
        }
    }
}
