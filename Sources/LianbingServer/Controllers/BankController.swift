import Hummingbird
import LianbingCore
import LianbingFormats
import LianbingStore

/// Browsing the question bank, for trainers and administrators: every question with its owner and its revisions,
/// each with author and reason, the shown one beside the one before. Staff never see it here (they meet questions
/// only on their own papers).
struct BankController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/bank", use: listPage)
        router.get("/bank/:id", use: detailPage)
    }

    struct Row {
        var id: String
        var kind: String
        var difficulty: Int
        var usage: String
        var status: String
        var stem: String
        var knowledgePoints: String

        init(_ listing: QuestionListing) {
            let q = listing.question
            id = q.id
            kind = q.kind.label
            difficulty = q.difficulty
            usage = q.usage.label
            status = q.status.label
            stem = q.stem.count > 80 ? String(q.stem.prefix(80)) + "…" : q.stem
            knowledgePoints = q.knowledgePoints.joined(separator: "；")
        }
    }

    struct ListContent {
        var query: String
        var knowledgePoint: String
        var kinds: [SelectOption]
        var difficulties: [SelectOption]
        var usages: [SelectOption]
        var statuses: [SelectOption]
        var rows: [Row]
        var total: Int
        var bankRevision: Int
        var pager: Pager
    }

    @Sendable func listPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let kind = request.query("type").flatMap(QuestionKind.init(rawValue:))
        let usage = request.query("usage").flatMap(QuestionUsage.init(rawValue:))
        let status = request.query("status").flatMap(QuestionStatus.init(rawValue:))
        let difficulty = request.queryInt("difficulty").flatMap { (1...5).contains($0) ? $0 : nil }
        let filter = QuestionFilter(
            knowledgePoint: request.query("kp"), kind: kind, difficulty: difficulty, usage: usage, status: status, text: request.query("q"))
        let page = try await database.questions(filter, page: PageRequest(page: request.queryInt("page"), perPage: 50), for: principal)
        let content = ListContent(
            query: filter.text ?? "", knowledgePoint: filter.knowledgePoint ?? "",
            kinds: QuestionKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == kind) },
            difficulties: (1...5).map { SelectOption(value: String($0), label: "难度 \($0)", selected: $0 == difficulty) },
            usages: QuestionUsage.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == usage) },
            statuses: QuestionStatus.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == status) },
            rows: page.items.map(Row.init), total: page.total, bankRevision: try await database.currentBankRevision(),
            pager: Pager(
                page: page, path: "/bank",
                query: [
                    "q": filter.text, "kp": filter.knowledgePoint, "type": kind?.rawValue, "usage": usage?.rawValue,
                    "status": status?.rawValue, "difficulty": difficulty.map(String.init),
                ]))
        return pages.render("bank", title: "业务题库", path: "/bank", session: context.session, content: content)
    }

    struct DetailContent {
        struct Choice {
            var letter: String
            var text: String
            var correct: Bool
        }

        var id: String
        var kind: String
        var stem: String
        var choices: [Choice]
        var answer: String
        var points: [String]
        var explanation: String
        var knowledgePoints: [String]
        var difficulty: Int
        var usage: String
        var status: String
        var source: String
        var quote: String
        var tags: [String]
        var revision: Int
        var bankRevision: Int
        var revisions: [Int]
        /// 实测: the latest released exam's facility and discrimination, beside the declared difficulty.
        var measured: String?
        var flagged: Bool
        var owner: String
        var mayChange: Bool
        var isRetired: Bool
        var notice: String?
        var history: [HistoryRow]
        /// The shown revision beside the one before it, field by field; `nil` for a first revision.
        var comparison: Comparison?
    }

    struct HistoryRow {
        var revision: Int
        var bankRevision: Int
        var at: String
        var author: String
        var reason: String
        var source: String
        var shown: Bool
    }

    struct Comparison {
        struct Line {
            var label: String
            var before: String
            var after: String
            var changed: Bool
        }

        var before: Int
        var after: Int
        var lines: [Line]
        var changedCount: Int

        /// Each field as the question form shows it, so a change reads as it would be typed.
        init(_ before: QuestionRevisionEntry, _ after: QuestionRevisionEntry) {
            let (old, new) = (BankTextForm(before.question), BankTextForm(after.question))
            self.before = before.revision
            self.after = after.revision
            lines = BankTextForm.Field.allCases.compactMap { field in
                let line = Line(label: field.label, before: old[field], after: new[field], changed: old[field] != new[field])
                return line.before.isEmpty && line.after.isEmpty ? nil : line
            }
            changedCount = lines.filter(\.changed).count
        }
    }

    @Sendable func detailPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let (listing, revisions) = try await database.question(
            try context.parameters.require("id"), revision: request.queryInt("revision"), for: principal)
        let q = listing.question
        let measure = try await database.measure(ofQuestion: q.id, by: principal)
        let history = try await database.questionHistory(q.id, for: principal)
        let shownIndex = history.revisions.firstIndex { $0.revision == listing.revision }
        var correct: Set<Int> = []
        var answer = ""
        var points: [String] = []
        switch q.answer {
        case .choices(let indexes):
            correct = Set(indexes)
            answer = Answer.letters(indexes)
        case .trueFalse(let value): answer = value ? "正确" : "错误"
        case .blanks(let blanks): answer = blanks.enumerated().map { "第 \($0.offset + 1) 空：\($0.element.joined(separator: " 或 "))" }.joined(separator: "；")
        case .shortAnswer(let reference, let scoring):
            answer = reference
            points = scoring
        }
        let content = DetailContent(
            id: q.id, kind: q.kind.label, stem: q.stem,
            choices: q.options.enumerated().map { .init(letter: String(Question.letters[$0.offset]), text: $0.element, correct: correct.contains($0.offset)) },
            answer: answer, points: points, explanation: q.explanation, knowledgePoints: q.knowledgePoints, difficulty: q.difficulty,
            usage: q.usage.label, status: q.status.label, source: q.source, quote: q.quote, tags: q.tags, revision: listing.revision,
            bankRevision: listing.bankRevision, revisions: revisions, measured: measure.map(Self.describe), flagged: measure?.isFlagged ?? false,
            owner: history.ownerName ?? "省级（全省共用）", mayChange: history.mayChange, isRetired: q.status == .retired,
            notice: BankEditController.notice(request.query("done")),
            history: history.revisions.map {
                HistoryRow(
                    revision: $0.revision, bankRevision: $0.bankRevision, at: $0.at.chinaTime, author: $0.author, reason: $0.reason,
                    source: $0.source == "browser" ? "网页编辑" : "导入", shown: $0.revision == listing.revision)
            },
            comparison: shownIndex.flatMap { index in
                history.revisions.indices.contains(index + 1) ? Comparison(history.revisions[index + 1], history.revisions[index]) : nil
            })
        return pages.render("question", title: "试题 \(q.id)", path: "/bank", session: context.session, content: content, styles: ["manage.css", "bank.css"])
    }

    static func describe(_ measure: QuestionMeasure) -> String {
        let percent = { (value: Double?) in value.map { String(format: "%.0f%%", $0 * 100) } ?? "—" }
        let discrimination = measure.discriminationIndex.map { String(format: "%.0f", $0) } ?? "—"
        return "得分率 \(percent(measure.facility))，区分度 \(discrimination)（\(measure.examTitle)，\(measure.candidates) 人作答）"
    }
}
