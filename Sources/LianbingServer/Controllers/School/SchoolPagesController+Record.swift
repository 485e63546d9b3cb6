import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// 我的学习记录: every lesson opened, how far each got, and the hours the cycle's completed lessons make.
extension SchoolPagesController {
    struct RecordRow {
        var id: String
        var title: String
        var minutes: Int
        var opened: String
        var state: String
        var completed: Bool
    }

    struct RecordContent {
        var cycle: String
        var completedMinutes: Int
        var hours: String
        var rows: [RecordRow]
        var hasRows: Bool
    }

    @Sendable func record(_ request: Request, context: AppRequestContext) async throws -> Response {
        let record = try await database.learningRecord(by: try context.principal())
        let rows = record.entries.map { entry in
            RecordRow(
                id: entry.lesson.id, title: entry.lesson.title, minutes: entry.lesson.minutes, opened: entry.progress.openedAt.chinaTime,
                state: Self.state(entry.progress), completed: entry.progress.isComplete)
        }
        let content = RecordContent(
            cycle: "\(record.cycleStart) 至 \(record.cycleLastDay)", completedMinutes: record.completedMinutes,
            hours: AppDatabase.points(record.creditedHours), rows: rows, hasRows: !rows.isEmpty)
        return pages.render("school-record", title: "我的学习记录", path: "/school", session: context.session, content: content, styles: ["school.css"])
    }

    /// What is still missing, in the order a reader meets it.
    static func state(_ progress: LessonProgress) -> String {
        if let completed = progress.completedAt { return "已完成（\(completed.chinaTime)）" }
        var missing: [String] = []
        if progress.endReachedAt == nil { missing.append("读到结尾") }
        if progress.visibleSeconds < progress.requiredSeconds {
            missing.append("再读 \((progress.requiredSeconds - progress.visibleSeconds + 59) / 60) 分钟")
        }
        if progress.checkPassedAt == nil { missing.append("通过小测") }
        return "学习中：还需" + missing.joined(separator: "、")
    }
}
