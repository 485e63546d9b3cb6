import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// Marking short answers (阅卷) in the browser, for trainers and administrators, over the exams of their subtree.
/// Answers are shown by answer number, not by whose they are. After each mark the page returns to the next answer;
/// marks already given stay revisable (`?view=marked`) until the results are released.
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
        var marked: Bool
        var total: Int
        var more: Bool
        var pager: Pager?
        var exams: [SelectOption]
        var exam: String
        var queueHref: String
        var markedHref: String
        var notice: String?
        var error: String?
    }

    @Sendable func markingPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await renderMarking(
            exam: request.query("exam").flatMap { Int64($0) }, marked: request.query("view") == "marked",
            page: request.query("page").flatMap { Int($0) }, notice: Notice.message(request.query("done"), who: nil), context: context)
    }

    private func renderMarking(
        exam: Int64?, marked: Bool, page: Int? = nil, notice: String? = nil, typed: MarkingEntry.Typed? = nil, context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let principal = try context.principal(.trainer)
        let examQuery = exam.map(String.init)
        var entries: [MarkingEntry]
        let total: Int
        var pager: Pager?
        if marked {
            let list = try await database.markedAnswers(exam: exam, page: PageRequest(page: page, perPage: Self.batch), by: principal)
            // A revised mark moves to the top of the first page, where the page returns to it.
            entries = list.items.map { MarkingEntry($0, action: "/marking/\($0.attemptId)/\($0.position)", typed: typed, next: MarkingEntry.anchor($0), view: "marked") }
            total = list.total
            pager = list.pageCount > 1 ? Pager(page: list, path: "/marking", query: ["exam": examQuery, "view": "marked"]) : nil
        } else {
            let queue = try await database.markingQueue(exam: exam, by: principal)
            // Each form returns to the answer after it, which is still waiting once this one is marked.
            entries = queue.prefix(Self.batch).enumerated().map { index, item in
                MarkingEntry(
                    item, action: "/marking/\(item.attemptId)/\(item.position)", typed: typed,
                    next: queue.indices.contains(index + 1) ? MarkingEntry.anchor(queue[index + 1]) : "")
            }
            total = queue.count
        }
        let shownError = entries.contains { $0.entryError != nil } ? nil : typed?.error
        let published = try await database.exams(by: principal).filter { $0.status == .published }
        let content = MarkingContent(
            entries: entries, marked: marked, total: total, more: !marked && total > Self.batch, pager: pager,
            exams: published.map { SelectOption(value: String($0.id), label: $0.title, selected: $0.id == exam) },
            exam: examQuery ?? "", queueHref: Pager.href("/marking", query: ["exam": examQuery]),
            markedHref: Pager.href("/marking", query: ["exam": examQuery, "view": "marked"]), notice: notice, error: shownError)
        return pages.render(
            "marking", title: marked ? "阅卷 · 已阅" : "阅卷", path: "/marking", session: context.session, content: content, status: status,
            styles: ["manage.css"])
    }

    @Sendable func mark(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let fields = try await FormFields.from(request, context: context)
        let attempt = try context.parameters.require("attempt", as: Int64.self)
        let position = try context.parameters.require("position", as: Int.self)
        let exam = fields["exam"].flatMap { Int64($0) }
        let marked = fields["view"] == "marked"
        if let refused = try await MarkingEntry.save(fields, attempt: attempt, position: position, in: database, by: principal) {
            return try await renderMarking(exam: exam, marked: marked, typed: refused.typed, context: context, status: refused.status)
        }
        let back = Pager.href("/marking", query: ["done": "marked", "exam": exam.map(String.init), "view": marked ? "marked" : nil])
        return .redirect(to: back + (MarkingEntry.validAnchor(fields["next"]).map { "#\($0)" } ?? ""), type: .normal)
    }
}
