import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// Why a candidate stands where they do (说明): for the selection's administrators, each criterion's raw value, its
/// normalised value, the weight it counted with and what it added, then the composite, the rank and whether the
/// candidate was selected and why, with the rules of computation in words. What an objection is answered from.
struct SelectionCandidateController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/selections/:selection/candidates/:number", use: candidatePage)
    }

    struct CriterionRow: Sendable {
        var label: String
        var weight: Int
        var raw: String
        var normalised: String
        var counted: String
        var contribution: String
    }

    struct Content {
        var selection: SelectionHeading
        var number: String
        var name: String
        var unitName: String
        var quotaUnitName: String
        var rows: [CriterionRow]
        var composite: String
        var rank: String
        var selected: Bool
        var verdict: String
        var reasons: [String]
        var adjustments: [String]
        var ratingCount: Int
        var certificate: String
        var training: String
        var normalisationRule: String
        var missingRule: String
        var compositeRule: String
        var tieRule: String
    }

    @Sendable func candidatePage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal()
        let selection = try await database.selection(try SelectionPagesController.selection(context), by: principal)
        guard selection.manageable else { throw LianbingError.forbidden("只有遴选单位及其上级的管理员可以查看候选人的得分说明") }
        let number = try context.parameters.require("number")
        guard let outcome = selection.outcome, let line = outcome.lines.first(where: { $0.candidate.number == number }) else {
            throw LianbingError.notFound("候选人 \(number)")
        }
        let candidate = line.candidate
        let rows = selection.rules.criteria.enumerated().map { index, item in
            let normalised = line.normalised.indices.contains(index) ? line.normalised[index] : nil
            let weight = line.effectiveWeights.indices.contains(index) ? line.effectiveWeights[index] : 0
            return CriterionRow(
                label: item.criterion.label, weight: item.weight, raw: SelectionText.raw(candidate.raw[index], item.criterion),
                normalised: normalised.map(SelectionText.number) ?? "不计", counted: SelectionText.number(weight) + "%",
                contribution: normalised.map { SelectionText.number($0 * weight / 100) } ?? "—")
        }
        let nominee = selection.nominees.first { $0.number == number }
        let adjustments = selection.adjustments.filter { $0.staffNumber == number }.map {
            "\($0.at.chinaTime) \($0.actor) \($0.action == .add ? "增列" : "撤下")：\($0.reason)"
        }
        let content = Content(
            selection: SelectionHeading(selection), number: candidate.number, name: candidate.name, unitName: candidate.unitName,
            quotaUnitName: candidate.quotaUnitName, rows: rows,
            composite: line.composite.map(SelectionText.number) ?? (line.failures.isEmpty ? "—（没有任何指标的数据）" : "—（未满足基本条件，不排名）"),
            rank: line.rank.map { "第 \($0) 名" } ?? "不排名", selected: nominee != nil,
            verdict: Self.verdict(line, selection: selection, outcome: outcome, nominee: nominee), reasons: line.failures, adjustments: adjustments,
            ratingCount: candidate.ratingCount, certificate: candidate.hasValidCertificate ? "有" : "无",
            training: candidate.trainingCovered ? "未漏训" : "本培训周期漏训",
            normalisationRule: SelectionText.normalisationRule(selection.rules.normalisation),
            missingRule: SelectionText.missingRule(selection.rules.missing), compositeRule: SelectionText.compositeRule, tieRule: SelectionText.tieRule)
        return pages.render(
            "selection-candidate", title: "\(candidate.name) · \(selection.title)", path: "/selections", session: context.session, content: content,
            styles: SelectionPagesController.styles)
    }

    /// Selected or not, and why: the places of the candidate's quota unit and where they ranked in it, a failed
    /// requirement, or an administrator's change.
    static func verdict(_ line: SelectionOutcome.Line, selection: Selection, outcome: SelectionOutcome, nominee: Selection.Nominee?) -> String {
        let candidate = line.candidate
        if let nominee, nominee.added { return "入选：由管理员增列（理由见下）。" }
        if nominee == nil, line.selected { return "未入选：按排名入选，后由管理员撤下（理由见下）。" }
        guard let rank = line.rank else { return "未入选：未满足基本条件，不参加排名。" }
        let places = outcome.shares.first { $0.unit == candidate.quotaUnit }?.places ?? 0
        if selection.rules.quota.sharing == .total {
            let total = selection.rules.quota.places
            return line.selected ? "入选：共 \(total) 个名额，统一排名第 \(rank) 名。" : "未入选：共 \(total) 个名额，统一排名第 \(rank) 名，在名额之外。"
        }
        let within = outcome.lines.filter { $0.rank != nil && $0.candidate.quotaUnit == candidate.quotaUnit && $0.rank! <= rank }.count
        let share = "\(candidate.quotaUnitName)分得 \(places) 个名额，本人在该单位排第 \(within) 名"
        return line.selected ? "入选：\(share)。" : "未入选：\(share)，在名额之外。"
    }
}
