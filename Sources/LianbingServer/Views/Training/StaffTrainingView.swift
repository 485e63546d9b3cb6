import LianbingCore
import LianbingStore

/// A member of staff's training record on their roster page, for trainers and administrators: where they stand this
/// cycle, what their curriculum standard still asks, what they attended, and their 轮岗交流 and 基层锻炼.
struct StaffTrainingView: Sendable {
    struct AttendedRow: Sendable {
        var sessionId: Int64
        var title: String
        var detail: String
    }

    struct PlacementRow: Sendable {
        var kindLabel: String
        var unitCode: String
        var span: String
        var note: String
    }

    var cycle: String
    var hours: String
    var standing: String
    var isCovered: Bool
    var standard: MyTrainingPagesController.StandardLine?
    var attended: [AttendedRow]
    var placements: [PlacementRow]
    var leftOn: String?

    static func load(_ number: String, leftOn: CivilDate?, for principal: Principal, database: AppDatabase) async throws -> StaffTrainingView {
        let record = try await database.trainingRecord(of: number, for: principal)
        return StaffTrainingView(
            cycle: "\(record.cycleStart) 至 \(record.cycleLastDay)", hours: AppDatabase.points(record.hoursThisCycle),
            standing: MyTrainingPagesController.standing(record), isCovered: record.isCovered,
            standard: try await MyTrainingPagesController.standardLine(of: number, for: principal, database: database),
            attended: record.attended.map {
                AttendedRow(
                    sessionId: $0.sessionId, title: $0.title,
                    detail: "\($0.firstDay) · \($0.unitName) · \($0.kind.label) · \(AppDatabase.points($0.hours)) 学时"
                        + ($0.countsForCoverage ? "" : "（不计入全覆盖）"))
            },
            placements: try await database.placements(of: number, for: principal).map {
                PlacementRow(
                    kindLabel: $0.kind.label, unitCode: $0.unitCode, span: "\($0.startsOn) 至 \($0.endsOn?.description ?? "今")", note: $0.note)
            },
            leftOn: leftOn?.description)
    }
}
