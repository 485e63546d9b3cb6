import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// The wrong-question book (错题本): wrong answers from self-tests and, once their keys are shown, from centralised
/// assessments, by knowledge point; each entry opens to the question, the last wrong answer, the key and explanation
/// where the integrity rules allow (`AppDatabase.wrongQuestion`), and the lessons that teach it. Question ids are
/// `Question.isValidID`, safe in a path as they are.
extension MyPagesController {
    struct WrongGroup {
        struct Entry {
            var href: String
            var stem: String
            var kind: String
            var remaining: String
            var updated: String
        }

        var point: String
        var entries: [Entry]
        var lessons: [LessonLink] = []
        var hasLessons = false
    }

    struct WrongContent {
        var groups: [WrongGroup]
        var count: Int
        var hasEntries: Bool
        var lengths: [SelectOption]
    }

    @Sendable func wrongQuestionsPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let book = try await database.wrongBook(by: try context.principal())
        var groups: [WrongGroup] = []
        for entry in book {
            if groups.last?.point != entry.knowledgePoint { groups.append(WrongGroup(point: entry.knowledgePoint, entries: [])) }
            groups[groups.count - 1].entries.append(.init(
                href: "/my/wrong-questions/\(entry.questionId)", stem: entry.stem, kind: CandidateWording.kind(entry.kind),
                remaining: "再答对 \(WrongBookEntry.streakToLeave - entry.streak) 次移出", updated: entry.updatedAt.chinaTime))
        }
        let lessons = Dictionary(uniqueKeysWithValues: try await database.pointLessons(groups.map(\.point)).map { ($0.knowledgePoint, $0) })
        for index in groups.indices {
            groups[index].lessons = LessonLink.links(lessons[groups[index].point].map { [$0] } ?? [])
            groups[index].hasLessons = !groups[index].lessons.isEmpty
        }
        let content = WrongContent(
            groups: groups, count: book.count, hasEntries: !book.isEmpty,
            lengths: Self.lengths.map { SelectOption(value: String($0), label: "\($0) 题", selected: $0 == 20) })
        return pages.render("my-wrong-questions", title: "错题本", path: "/my/practice", session: context.session, content: content, styles: Self.styles)
    }

    struct WrongQuestionContent {
        var point: String
        var kind: String
        var remaining: String
        var updated: String
        var item: ItemView
        /// The last wrong answer, when it was given to the question as it stands.
        var lastAnswer: String?
        var answeredAt: String?
        var withheld: String?
        var lessons: [LessonLink]
        var hasLessons: Bool
    }

    @Sendable func wrongQuestionPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let detail = try await database.wrongQuestion(try context.parameters.require("question"), by: try context.principal())
        let lessons = LessonLink.links(detail.lessons)
        let content = WrongQuestionContent(
            point: detail.entry.knowledgePoint, kind: CandidateWording.kind(detail.entry.kind),
            remaining: "再答对 \(WrongBookEntry.streakToLeave - detail.entry.streak) 次移出", updated: detail.entry.updatedAt.chinaTime,
            item: ItemView(detail.item), lastAnswer: detail.item.response.map(CandidateWording.response),
            answeredAt: detail.answeredAt?.chinaTime, withheld: detail.keyWithheld, lessons: lessons, hasLessons: !lessons.isEmpty)
        return pages.render("my-wrong-question", title: "错题", path: "/my/practice", session: context.session, content: content, styles: Self.styles)
    }

    @Sendable func wrongQuestion(_ request: Request, context: AppRequestContext) async throws -> JSONBody<WrongQuestionDetail> {
        JSONBody(try await database.wrongQuestion(try context.parameters.require("question"), by: try context.principal()))
    }
}
