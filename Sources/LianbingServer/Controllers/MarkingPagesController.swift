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

    struct MarkingContent {
        var entries: [MarkingEntry]
        var total: Int
        var more: Bool
        var exams: [SelectOption]
        var exam: String
        var notice: String?
        var error: String?
    }

    @Sendable func markingPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await renderMarking(exam: request.query("exam").flatMap { Int64($0) }, notice: Notice.message(request.query("done"), who: nil), context: context)
    }

    private func renderMarking(
        exam: Int64?, notice: String? = nil, typed: MarkingEntry.Typed? = nil, context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let principal = try context.principal(.trainer)
        let everything = try await database.markingQueue(by: principal)
        let queue = everything.filter { exam == nil || $0.examId == exam }
        var titles: [Int64: String] = [:]
        for item in everything { titles[item.examId] = item.examTitle }
        let entries = queue.prefix(Self.batch).map {
            MarkingEntry($0, action: "/marking/\($0.attemptId)/\($0.position)", typed: typed)
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
        if let refused = try await MarkingEntry.save(fields, attempt: attempt, position: position, in: database, by: principal) {
            return try await renderMarking(exam: exam, typed: refused.typed, context: context, status: refused.status)
        }
        return .redirect(to: "/marking?done=marked" + (exam.map { "&exam=\($0)" } ?? ""), type: .normal)
    }
}
