import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// Marking short answers (阅卷) in the browser, for trainers and administrators, over the exams of their subtree.
struct MarkingPagesController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/marking", use: markingPage)
        router.post("/marking/:attempt/:position", use: mark)
    }

    /// A marker works down the queue; a page of this many keeps it quick to load and to scan.
    static let batch = 20

    struct MarkingEntry {
        var attemptId: Int64
        var position: Int
        var number: Int
        var examTitle: String
        var staffNumber: String
        var questionId: String
        var stem: String
        var reference: String
        var scoringPoints: [String]
        var hasScoringPoints: Bool
        var points: String
        /// `nil` when the candidate left it blank.
        var response: String?
        var score: String
        var comment: String
        /// Named apart from the page's `error`: a `nil` here would otherwise show the page's error in every entry,
        /// as Mustache looks a missing value up in the enclosing contexts.
        var entryError: String?
    }

    struct MarkingContent {
        var entries: [MarkingEntry]
        var total: Int
        var more: Bool
        var exams: [SelectOption]
        var exam: String
        var notice: String?
        var error: String?
    }

    /// What the marker typed into one entry, kept when the store refused it.
    private struct Typed {
        var attemptId: Int64
        var position: Int
        var score: String
        var comment: String
        var error: String
    }

    @Sendable func markingPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await renderMarking(exam: request.query("exam").flatMap { Int64($0) }, notice: Notice.message(request.query("done"), who: nil), context: context)
    }

    private func renderMarking(
        exam: Int64?, notice: String? = nil, typed: Typed? = nil, context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let principal = try context.principal(.trainer)
        let everything = try await database.markingQueue(by: principal)
        let queue = everything.filter { exam == nil || $0.examId == exam }
        var titles: [Int64: String] = [:]
        for item in everything { titles[item.examId] = item.examTitle }
        let entries = queue.prefix(Self.batch).map { item in
            let mine = typed.flatMap { $0.attemptId == item.attemptId && $0.position == item.position ? $0 : nil }
            return MarkingEntry(
                attemptId: item.attemptId, position: item.position, number: item.position + 1, examTitle: item.examTitle,
                staffNumber: item.staffNumber, questionId: item.questionId, stem: item.stem, reference: item.reference,
                scoringPoints: item.scoringPoints, hasScoringPoints: !item.scoringPoints.isEmpty, points: AppDatabase.points(item.points),
                response: item.response.isEmpty ? nil : item.response, score: mine?.score ?? "", comment: mine?.comment ?? "",
                entryError: mine?.error)
        }
        let shownError = entries.contains { $0.entryError != nil } ? nil : typed?.error
        let content = MarkingContent(
            entries: entries, total: queue.count, more: queue.count > Self.batch,
            exams: titles.sorted { $0.key > $1.key }.map { SelectOption(value: String($0.key), label: $0.value, selected: $0.key == exam) },
            exam: exam.map(String.init) ?? "", notice: notice, error: shownError)
        return pages.render(
            "marking", title: "阅卷", path: "/marking", session: context.session, content: content, status: status, styles: ["manage.css"])
    }

    @Sendable func mark(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let fields = try await FormFields.from(request, context: context)
        let attempt = try context.parameters.require("attempt", as: Int64.self)
        let position = try context.parameters.require("position", as: Int.self)
        let exam = fields["exam"].flatMap { Int64($0) }
        let scoreText = fields["score"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let comment = fields["comment"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        do {
            guard let score = Double(scoreText), score.isFinite else { throw LianbingError.invalid("请填写得分（数字）") }
            try await database.markAnswer(
                attempt: attempt, position: position, score: score, comment: comment.isEmpty ? nil : comment, by: principal)
        } catch let error as LianbingError {
            let status: HTTPResponse.Status
            switch error {
            case .invalid: status = .badRequest
            case .conflict: status = .conflict
            default: throw error
            }
            let typed = Typed(attemptId: attempt, position: position, score: scoreText, comment: comment, error: error.message)
            return try await renderMarking(exam: exam, typed: typed, context: context, status: status)
        }
        return .redirect(to: "/marking?done=marked" + (exam.map { "&exam=\($0)" } ?? ""), type: .normal)
    }
}
