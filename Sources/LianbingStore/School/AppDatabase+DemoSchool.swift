import Foundation
import GRDB
import LianbingCore

extension AppDatabase {
    /// The demo county's online school, once lessons are imported: two required lessons due in a month and a study day
    /// open now, so a newcomer signing in as `staff` sees both on `/school` and `county` sees them on `/school/manage`.
    /// Made once per database.
    public func installDemoSchool() async throws {
        let (county, lessons, made) = try await reader.read { db -> (String?, [String], Bool) in
            let anchors = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'demo.anchors'")
            let made = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'demo.school'") != nil
            let lessons = try String.fetchAll(
                db, sql: "SELECT l.id FROM lesson l JOIN lessonRevision r ON r.lessonId = l.id AND r.revision = l.currentRevision WHERE r.status = 'active' ORDER BY l.id")
            return (anchors.map { String($0.split(separator: ",")[0]) }, lessons, made)
        }
        guard let county, !made, lessons.count >= 3 else { return }
        let op = try await operatorPrincipal()
        let now = clock()
        // The plan's items on training (18) and the online school (19) when shipped; otherwise the first lessons.
        let required = ["WK-DW18", "WK-DW19"].allSatisfy(lessons.contains) ? ["WK-DW18", "WK-DW19"] : Array(lessons.prefix(2))
        _ = try await assignLessons(
            LessonAssignmentDraft(unitCode: county, title: "演示：本季度必修微课", lessons: required, deadline: ChinaTime.civilDate(of: now.addingTimeInterval(30 * 86_400))),
            by: op)
        let day = lessons.contains("WK-TX07") ? "WK-TX07" : lessons[2]
        _ = try await scheduleStudyDay(
            TrainingSessionDraft(
                unitCode: county, title: "演示：学习日", kind: .studyDay, startsAt: now.addingTimeInterval(-3_600), endsAt: now.addingTimeInterval(12 * 3_600), hours: 1),
            lessons: [day], selfTestLength: 5, by: op)
        try await writer.write { db in try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('demo.school', '1')") }
    }
}
