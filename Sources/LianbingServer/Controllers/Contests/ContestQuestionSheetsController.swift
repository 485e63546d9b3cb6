import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// The printable question sheets for judges (题目单): every live round's questions, in order, with their keys. Only
/// for those who run the contest: the store gives them the key; a contestant is refused.
struct ContestQuestionSheetsController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/contests/:contest/questions", use: sheetsPage)
    }

    struct Content {
        var contest: ContestHeading
        var rounds: [ContestQuestionSheet]
        var isEmpty: Bool
    }

    @Sendable func sheetsPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let contest = try await database.contest(try ContestPagesController.contest(context), by: principal)
        // A trainer who takes part in another unit's contest sees it, but does not run it.
        guard contest.boardToken != nil else { throw LianbingError.forbidden("只有比赛的组织者可以打印题目单") }
        var rounds: [ContestQuestionSheet] = []
        for plan in contest.rounds where plan.round.style.isLive && !plan.questionIds.isEmpty {
            var questions: [ContestQuestionView] = []
            for number in 1...plan.questionIds.count {
                questions.append(try await database.contestQuestion(contest.id, round: plan.round.number, number: number, by: principal))
            }
            rounds.append(ContestQuestionSheet(plan.round, questions: questions))
        }
        let content = Content(contest: ContestHeading(contest), rounds: rounds, isEmpty: rounds.isEmpty)
        return pages.render(
            "contest-questions", title: "题目单 · \(contest.title)", path: "/contests", session: context.session, content: content,
            styles: ["contests.css"])
    }
}
