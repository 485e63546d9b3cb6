import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// 我的培训: a member of staff's training record — hours this cycle, where they stand against the rolling full
/// coverage, what they attended (with a 1–5 rating for each session not yet rated), invitations to come, and the
/// sessions they could sign in to now.
struct MyTrainingPagesController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/my/training", use: page)
        router.post("/my/training/:session/rating", use: rate)
    }

    struct AttendedRow: Sendable {
        var sessionId: Int64
        var title: String
        var kindLabel: String
        var unitName: String
        var firstDay: String
        var days: Int
        var hours: String
        var countsForCoverage: Bool
        var rating: Int?
        var canRate: Bool
    }

    struct UpcomingRow: Sendable {
        var title: String
        var unitName: String
        var kindLabel: String
        var when: String
        var place: String?
    }

    struct Content {
        var cycle: String
        var hours: String
        var standing: String
        var isCovered: Bool
        /// Their curriculum standard this cycle and what it still asks; `nil` for an account without a staff record.
        var standard: StandardLine?
        var attended: [AttendedRow]
        var upcoming: [UpcomingRow]
        var open: [OpenSignIn]
        var notice: String?
        var error: String?
        var scores: [Int]
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await render(request, context: context, error: nil, status: .ok)
    }

    private func render(_ request: Request, context: AppRequestContext, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let principal = try context.principal()
        let record = try await database.myTraining(for: principal)
        var standard: StandardLine?
        if let number = principal.staffNumber { standard = try await Self.standardLine(of: number, for: principal, database: database) }
        let content = Content(
            cycle: "\(record.cycleStart) 至 \(record.cycleLastDay)", hours: AppDatabase.points(record.hoursThisCycle),
            standing: Self.standing(record), isCovered: record.isCovered,
            standard: standard,
            attended: record.attended.map {
                AttendedRow(
                    sessionId: $0.sessionId, title: $0.title, kindLabel: $0.kind.label, unitName: $0.unitName, firstDay: $0.firstDay.description,
                    days: $0.days, hours: AppDatabase.points($0.hours), countsForCoverage: $0.countsForCoverage, rating: $0.rating,
                    canRate: $0.rating == nil)
            },
            upcoming: record.upcoming.map {
                UpcomingRow(
                    title: $0.title, unitName: $0.unitName, kindLabel: $0.kind.label, when: TrainingSessionView.span($0.startsAt, $0.endsAt),
                    place: $0.place.isEmpty ? nil : $0.place)
            },
            open: try await database.openSignIns(for: principal), notice: TrainingNotice.message(request.query("done"), count: nil), error: error,
            scores: Array(AppDatabase.ratingRange))
        return pages.render("my-training", title: "我的培训", path: "/my/training", session: context.session, content: content, status: status,
            styles: ["training.css"])
    }

    struct StandardLine: Sendable {
        var text: String
        var isMet: Bool
    }

    /// What a person's curriculum standard (by post and level) asks this cycle and what is still missing, in words.
    static func standardLine(of number: String, for principal: Principal, database: AppDatabase) async throws -> StandardLine {
        let record = try await database.personCurriculumGap(number: number, for: principal)
        let post = "\(record.post)（\(record.level.displayName)）"
        guard let standard = record.standard, let gap = record.gap, !standard.isWithdrawal else {
            return StandardLine(text: "\(post)暂无培训标准。", isMet: true)
        }
        let asked = "培训标准：\(post)每周期应修 \(AppDatabase.points(standard.hours)) 学时"
            + (standard.topics.isEmpty ? "" : "，含专题 \(standard.topics.joined(separator: "、"))")
            + "；本周期已修 \(AppDatabase.points(record.doneHours)) 学时。"
        if gap.isMet { return StandardLine(text: asked + "已达到标准。", isMet: true) }
        var missing: [String] = []
        if gap.missingHours > 0 { missing.append("\(AppDatabase.points(gap.missingHours)) 学时") }
        if !gap.missingTopics.isEmpty { missing.append("专题 \(gap.missingTopics.joined(separator: "、"))") }
        return StandardLine(text: asked + "尚缺 \(missing.joined(separator: "，"))。", isMet: false)
    }

    /// Where the person stands this cycle, in words.
    static func standing(_ record: MyTraining) -> String {
        if record.isCovered {
            return "本周期已完成业务培训" + (record.lastTrained.map { "（最近一次 \($0)）" } ?? "") + "。"
        }
        if let due = record.dueBy { return "新入职人员：请在 \(due) 前参加一次业务培训。" }
        if record.isNotDue { return "本周期内入职较晚，下一周期起计入全覆盖培训要求。" }
        let last = record.lastTrained.map { "最近一次业务培训是 \($0)" } ?? "还没有业务培训记录"
        return "本周期尚未参加业务培训（周期截至 \(record.cycleLastDay)，\(last)），请留意培训通知。"
    }

    @Sendable func rate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal()
        let id = try TrainingSessionsController.session(context)
        let fields = try await FormFields.from(request, context: context)
        do {
            guard let score = Int(fields["score"] ?? "") else { throw LianbingError.invalid("请选择 1 到 5 分") }
            try await database.rateTraining(id, score: score, comment: fields["comment"] ?? "", by: principal)
        } catch let error as LianbingError {
            switch error {
            case .invalid: return try await render(request, context: context, error: error.message, status: .badRequest)
            default: throw error
            }
        }
        return .redirect(to: "/my/training?done=rated", type: .normal)
    }
}
