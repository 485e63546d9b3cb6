import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// One selection's page. Its administrators see the rules, the buttons its status allows, how the places were shared,
/// the ranked candidates (each linking to the explanation of their place), those not ranked and why, the changes to
/// the list and the objections with their answers. Anyone else it covers, once published, sees only the list, the
/// end of the notice period and, during it, a form to object.
struct SelectionDetailPage {
    let database: AppDatabase
    let pages: PageRenderer

    /// A page lists this many ranked candidates at most; the exports hold all.
    static let shownLines = 500

    struct ShareRow: Sendable {
        var unitName: String
        var eligible: Int
        var qualified: Int
        var places: Int
    }

    struct LineRow: Sendable {
        var rank: String
        var number: String
        var name: String
        var unitName: String
        var composite: String
        /// 入选, 增列, 撤下 or empty.
        var mark: String
        var listed: Bool
    }

    struct UnrankedRow: Sendable {
        var number: String
        var name: String
        var unitName: String
        var reasons: String
        var mark: String?
    }

    struct AdjustmentRow: Sendable {
        var at: String
        var action: String
        var who: String
        var reason: String
        var actor: String
    }

    struct ObjectionRow: Sendable {
        var id: Int64
        var about: String
        var text: String
        var author: String
        var at: String
        var answer: String?
        var answeredBy: String?
        var answeredAt: String?
        var canAnswer: Bool
        /// The answer as typed, when the answer form came back refused.
        var draft: String
    }

    struct Content {
        var selection: SelectionHeading
        var facts: [Fact]
        var manageable: Bool
        var lockedNote: String?
        var computedAt: String?
        var finalisedAt: String?
        var canEdit: Bool
        var canCompute: Bool
        var computeLabel: String
        var canPublish: Bool
        var workingDays: String
        var canFinalise: Bool
        var finaliseNote: String?
        var isFinal: Bool
        var hasOutcome: Bool
        var placesNote: String?
        var shares: [ShareRow]
        var ranked: [LineRow]
        var hasRanked: Bool
        var truncatedNote: String?
        var unranked: [UnrankedRow]
        var hasUnranked: Bool
        var nominees: [SelectionNomineeRow]
        var nomineeCount: Int
        var hasNominees: Bool
        var adjustments: [AdjustmentRow]
        var hasAdjustments: Bool
        var canAdjust: Bool
        var adjustNumber: String
        var adjustReason: String
        var adjustRemove: Bool
        var objections: [ObjectionRow]
        var hasObjections: Bool
        var openObjections: Int
        var hasOpenObjections: Bool
        var canObject: Bool
        var objectTargets: [SelectOption]
        var objectionText: String
        var notice: String?
        var error: String?
    }

    /// What a refused form sends back to the page: the message, and what was typed.
    struct Refusal {
        var message = ""
        var workingDays: String?
        var adjustNumber = ""
        var adjustReason = ""
        var adjustRemove = false
        var objectionNumber = ""
        var objectionText = ""
        var answering: Int64?
        var answer = ""
    }

    func render(_ request: Request, context: AppRequestContext, refusal: Refusal? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let principal = try context.principal()
        let selection = try await database.selection(try SelectionPagesController.selection(context), by: principal)
        let manageable = selection.manageable
        let listed = Dictionary(selection.nominees.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        func mark(_ line: SelectionOutcome.Line) -> String {
            if let nominee = listed[line.candidate.number] { return nominee.added ? "增列" : "入选" }
            return line.selected ? "撤下" : ""
        }
        let lines = selection.outcome?.lines ?? []
        let rankedLines = lines.filter { $0.rank != nil }
        let unrankedLines = lines.filter { $0.rank == nil }
        // Every listed candidate stays on the page even past the cut, so the list can always be checked here.
        let shown = rankedLines.enumerated().filter { $0.offset < Self.shownLines || listed[$0.element.candidate.number] != nil }.map(\.element)
        let today = ChinaTime.civilDate(of: database.clock())
        let published = selection.status == .published
        let content = Content(
            selection: SelectionHeading(selection), facts: SelectionText.facts(selection), manageable: manageable,
            lockedNote: selection.status == .draft ? nil : "规则已在首次计算时锁定，不能再修改。",
            computedAt: selection.computedAt?.chinaTime, finalisedAt: selection.finalisedAt?.chinaTime,
            canEdit: manageable && selection.status == .draft,
            canCompute: manageable && (selection.status == .draft || selection.status == .computed),
            computeLabel: selection.status == .draft ? "计算" : "重新计算",
            canPublish: manageable && selection.status == .computed,
            workingDays: refusal?.workingDays ?? String(NoticePeriod.defaultWorkingDays),
            canFinalise: manageable && published,
            finaliseNote: published ? selection.noticeEndsOn.map { ends in
                today > ends ? (selection.openObjections > 0 ? "还有 \(selection.openObjections) 条异议未答复，答复后才能定稿。" : "公示期已结束，可以定稿。")
                    : "公示期至 \(ends) 结束，之后且异议全部答复后才能定稿。"
            } : nil,
            isFinal: selection.status == .final, hasOutcome: selection.outcome != nil,
            placesNote: selection.outcome.map { outcome in
                outcome.placesGiven < selection.rules.quota.places
                    ? "名额 \(selection.rules.quota.places) 个，符合条件的人数不足，实际入选 \(outcome.placesGiven) 人。"
                    : "名额 \(selection.rules.quota.places) 个，全部分配。"
            },
            shares: selection.outcome?.shares.map { ShareRow(unitName: $0.unitName, eligible: $0.eligible, qualified: $0.qualified, places: $0.places) } ?? [],
            ranked: shown.map { line in
                LineRow(
                    rank: line.rank.map(String.init) ?? "", number: line.candidate.number, name: line.candidate.name, unitName: line.candidate.unitName,
                    composite: line.composite.map(SelectionText.number) ?? "—", mark: mark(line), listed: listed[line.candidate.number] != nil)
            },
            hasRanked: !rankedLines.isEmpty,
            truncatedNote: shown.count < rankedLines.count ? "共排名 \(rankedLines.count) 人，此处列出前 \(Self.shownLines) 名和全部入选人员；完整结果请下载 CSV 或 Excel。" : nil,
            unranked: unrankedLines.prefix(Self.shownLines).map { line in
                UnrankedRow(
                    number: line.candidate.number, name: line.candidate.name, unitName: line.candidate.unitName,
                    reasons: line.failures.joined(separator: "；"), mark: mark(line).isEmpty ? nil : mark(line))
            },
            hasUnranked: !unrankedLines.isEmpty,
            nominees: SelectionNomineeRow.rows(selection), nomineeCount: selection.nominees.count, hasNominees: !selection.nominees.isEmpty,
            adjustments: selection.adjustments.map {
                AdjustmentRow(
                    at: $0.at.chinaTime, action: $0.action == .add ? "增列" : "撤下", who: "\($0.name)（\($0.staffNumber)）", reason: $0.reason,
                    actor: $0.actor)
            },
            hasAdjustments: !selection.adjustments.isEmpty,
            canAdjust: manageable && selection.status == .computed,
            adjustNumber: refusal?.adjustNumber ?? "", adjustReason: refusal?.adjustReason ?? "", adjustRemove: refusal?.adjustRemove ?? false,
            objections: selection.objections.map { objection in
                ObjectionRow(
                    id: objection.id, about: objection.staffNumber.map { number in listed[number].map { "\($0.name)（\(number)）" } ?? number } ?? "整个名单",
                    text: objection.text, author: objection.author, at: objection.at.chinaTime, answer: objection.answer,
                    answeredBy: objection.answeredBy, answeredAt: objection.answeredAt?.chinaTime,
                    canAnswer: manageable && published && objection.answer == nil,
                    draft: refusal?.answering == objection.id ? refusal?.answer ?? "" : "")
            },
            hasObjections: !selection.objections.isEmpty, openObjections: selection.openObjections, hasOpenObjections: selection.openObjections > 0,
            canObject: !manageable && published && selection.noticeEndsOn.map { today <= $0 } == true,
            objectTargets: [SelectOption(value: "", label: "整个名单", selected: (refusal?.objectionNumber ?? "").isEmpty)]
                + selection.nominees.map { SelectOption(value: $0.number, label: "\($0.name)（\($0.unitName)）", selected: $0.number == refusal?.objectionNumber) },
            objectionText: refusal?.objectionText ?? "",
            notice: SelectionText.notice(request.query("done")),
            error: refusal.flatMap { $0.message.isEmpty ? nil : $0.message })
        return pages.render(
            "selection-detail", title: selection.title, path: "/selections", session: context.session, content: content, status: status,
            styles: SelectionPagesController.styles)
    }

    /// A refusal the organiser can act on, shown on the selection's page with what was typed; anything else (not
    /// allowed) is an error page.
    func refused(_ error: LianbingError, _ request: Request, context: AppRequestContext, refusal: Refusal = Refusal()) async throws -> Response {
        guard let status = ContestPagesController.formStatus(error) else { throw error }
        var refusal = refusal
        refusal.message = error.message
        return try await render(request, context: context, refusal: refusal, status: status)
    }
}
