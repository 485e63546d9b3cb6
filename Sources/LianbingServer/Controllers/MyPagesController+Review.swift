import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// 今日复习: the caller's wrong questions due for spaced review (FSRS-5), and a button that starts a self-test of them.
extension MyPagesController {
    struct ReviewContent {
        struct Entry {
            var stem: String
            var kind: String
            var knowledgePoint: String
            var due: String
            var note: String
        }

        var today: String
        var dueCount: Int
        var hasDue: Bool
        var due: [Entry]
        var more: Int?
        var upcoming: [Entry]
        var lengths: [SelectOption]
    }

    @Sendable func reviewPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let queue = try await database.reviewQueue(by: try context.principal())
        let entry = { (item: ReviewItem, note: String) in
            ReviewContent.Entry(
                stem: item.stem, kind: CandidateWording.kind(item.kind), knowledgePoint: item.knowledgePoint, due: item.due.description, note: note)
        }
        let content = ReviewContent(
            today: queue.today.description, dueCount: queue.dueCount, hasDue: queue.dueCount > 0,
            due: queue.due.map { item in
                let late = queue.today - item.due
                return entry(item, late > 0 ? "已逾期 \(late) 天" : "今天到期")
            },
            more: queue.dueCount > queue.due.count ? queue.dueCount - queue.due.count : nil,
            upcoming: queue.upcoming.map { entry($0, "还有 \($0.due - queue.today) 天") },
            lengths: Self.lengths.map { SelectOption(value: String($0), label: "\($0) 题", selected: $0 == 20) })
        return pages.render("my-review", title: "今日复习", path: "/my/practice", session: context.session, content: content, styles: Self.styles)
    }
}
