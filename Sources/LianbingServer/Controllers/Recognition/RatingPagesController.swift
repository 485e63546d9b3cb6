import Foundation
import Hummingbird
import LianbingCore
import LianbingFormats
import LianbingStore

/// 满意度评定 for administrators: the ranked report of their subtree, a unit's rating address (poster, counter
/// link, who is listed), typing in paper and telephone surveys, hiding abusive comments, and follow-ups.
struct RatingPagesController {
    let database: AppDatabase
    let pages: PageRenderer
    let publicURL: PublicURL?

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/ratings", use: report)
        router.get("/ratings/follow-ups", use: followUps)
        router.get("/ratings/units/:code", use: unitPage)
        router.get("/ratings/units/:code/poster", use: poster)
        router.post("/ratings/units/:code/token", use: replaceToken)
        router.post("/ratings/units/:code/listing", use: listing)
        router.post("/ratings/units/:code/entries", use: enter)
        router.post("/ratings/:rating/hide", use: hide)
        router.post("/ratings/:rating/follow-up", use: closeFollowUp)
    }

    // MARK: - Report

    struct ReportContent {
        var unitCode: String
        var unitName: String
        var ratings: Int
        var prior: String
        var weight: Int
        var openFollowUps: Int
        var units: ReportTableView
        var staff: ReportTableView
        var chart: String
        var trend: ReportTableView
    }

    @Sendable func report(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let report = try await database.satisfactionReport(unit: request.query("unit"), by: principal)
        let unitTable = report.table()
        let trendTable = ReportTable(
            title: "\(report.unit.name) 每月满意度", columns: ["月份", "评价数", "平均分"],
            rows: report.trend.map { [$0.month, String($0.count), $0.mean.map { String(format: "%.2f", $0) } ?? "—"] })
        let chart = SVGLineChart.svg(
            title: "每月平均分", points: report.trend.map { ChartBar(label: $0.month, value: $0.mean ?? 0, text: $0.mean.map { String(format: "%.2f", $0) } ?? "—") },
            maximum: 5)
        let content = ReportContent(
            unitCode: report.unit.code, unitName: report.unit.name, ratings: report.ratings, prior: report.prior.map { String(format: "%.2f", $0) } ?? "—",
            weight: report.weight, openFollowUps: report.openFollowUps,
            units: ReportTableView(unitTable, id: "units", csv: nil, links: report.units.map { "/ratings/units/\($0.key)" }, limit: 200),
            staff: ReportTableView(report.table(staff: true), id: "staff", csv: nil, limit: 200), chart: chart,
            trend: ReportTableView(trendTable, id: "trend", csv: nil))
        return pages.render(
            "rating-report", title: "满意度评定", path: "/ratings", session: context.session, content: content, styles: ["dashboard.css"])
    }

    // MARK: - A unit

    struct Listing { var number: String; var name: String; var post: String; var listed: Bool }
    struct RatingRow {
        var id: Int64
        var at: String
        var scores: String
        var overall: String
        var source: String
        var staff: String
        var comment: String
        var hidden: Bool
        var hiddenReason: String
        var followUp: String
    }

    struct UnitContent {
        var unitCode: String
        var unitName: String
        var address: String
        var counterLink: String
        var hasPublicURL: Bool
        var staff: [Listing]
        var ratings: [RatingRow]
        var sources: [SelectOption]
        var aspects: [String]
        var notice: String?
        var error: String?
    }

    @Sendable func unitPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await renderUnit(context: context, code: try Self.code(context), notice: request.query("done").map(Self.notice), error: nil, status: .ok)
    }

    private func renderUnit(context: AppRequestContext, code: String, notice: String?, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let principal = try context.principal(.admin)
        let station = try await database.ratingStation(code, by: principal)
        let ratings = try await database.ratings(RatingFilter(unit: code), page: PageRequest(page: 1, perPage: 50), by: principal)
        let path = "/rate/\(station.token)"
        let content = UnitContent(
            unitCode: station.unitCode, unitName: station.unitName, address: publicURL?.address(path) ?? path,
            counterLink: (publicURL?.address(path) ?? path) + "/counter?key=" + station.counterKey, hasPublicURL: publicURL != nil,
            staff: station.staff.map { Listing(number: $0.staffNumber, name: $0.name, post: $0.post, listed: $0.listed) },
            ratings: ratings.items.map(Self.row), sources: [RatingSource.paper, .phone].map { SelectOption(value: $0.rawValue, label: $0.label, selected: false) },
            aspects: RatingAspect.allCases.map(\.rawValue), notice: notice, error: error)
        return pages.render(
            "rating-unit", title: "满意度评定：\(station.unitName)", path: "/ratings", session: context.session, content: content, status: status,
            styles: ["dashboard.css"])
    }

    static func row(_ rating: SatisfactionRating) -> RatingRow {
        RatingRow(
            id: rating.id, at: rating.at.chinaTime, scores: "态度 \(rating.attitude) · 效率 \(rating.efficiency) · 结果 \(rating.outcome)",
            overall: String(format: "%.2f", rating.overall), source: rating.source.label, staff: rating.staffName ?? "",
            comment: rating.comment, hidden: rating.hidden, hiddenReason: rating.hiddenReason ?? "",
            followUp: rating.followUp.map { $0.isOpen ? "待回访" : "已回访：\($0.outcome?.label ?? "")" } ?? "")
    }

    static func notice(_ done: String) -> String {
        switch done {
        case "token": "已更换评价地址：旧海报和柜台链接已失效，请重新打印海报。"
        case "listing": "已更新评价页可选人员。"
        case "entry": "已录入评价。"
        case "hide": "已隐藏该评价意见（记入操作日志）。"
        default: "已保存。"
        }
    }

    // MARK: - Poster

    struct PosterContent {
        var unitName: String
        var address: String
        var qr: String
        var warning: String?
    }

    /// An A4 poster with the QR code of the public address. Without `--public-url` there is no address a phone outside
    /// could open, so the page says so instead of printing a code that points at an inside name.
    @Sendable func poster(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let station = try await database.ratingStation(try Self.code(context), by: principal)
        let content: PosterContent
        if let publicURL {
            let address = publicURL.address("/rate/\(station.token)")
            content = PosterContent(unitName: station.unitName, address: address, qr: try QRCode(encoding: address).svg(title: "扫码评价二维码"), warning: nil)
        } else {
            content = PosterContent(
                unitName: station.unitName, address: "", qr: "",
                warning: "未设置对外访问地址：请以 lianbing serve --public-url https://… 启动后再打印海报，否则二维码在外网手机上打不开。")
        }
        return pages.render("rating-poster", title: "扫码评价海报：\(station.unitName)", session: nil, content: content)
    }

    // MARK: - Actions

    @Sendable func replaceToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        let code = try Self.code(context)
        _ = try await database.replaceRatingToken(code, by: try context.principal(.admin))
        return .redirect(to: "/ratings/units/\(code.urlEncoded)?done=token", type: .normal)
    }

    @Sendable func listing(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let code = try Self.code(context)
        let fields = try await FormFields.from(request, context: context)
        let number = try fields.required("staff_number", "工号")
        let station = try await database.ratingStation(code, by: principal)
        guard station.staff.contains(where: { $0.staffNumber == number }) else { throw LianbingError.notFound("工作人员 \(number)") }
        try await database.setRatingListing(number, listed: fields["listed"] == "1", by: principal)
        return .redirect(to: "/ratings/units/\(code.urlEncoded)?done=listing", type: .normal)
    }

    @Sendable func enter(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let code = try Self.code(context)
        let fields = try await FormFields.from(request, context: context)
        do {
            guard let source = fields["source"].flatMap(RatingSource.init) else { throw LianbingError.invalid("请选择评价来源") }
            var scores: [RatingAspect: Int] = [:]
            for aspect in RatingAspect.allCases {
                if let text = fields[aspect.rawValue], text.count <= 3, let score = Int(text) { scores[aspect] = score }
            }
            let draft = RatingDraft(scores: scores, comment: fields["comment"] ?? "", staffNumber: fields["staff_number"], source: source)
            _ = try await database.enterRating(unitCode: code, draft: draft, by: principal)
            return .redirect(to: "/ratings/units/\(code.urlEncoded)?done=entry", type: .normal)
        } catch LianbingError.invalid(let message) {
            return try await renderUnit(context: context, code: code, notice: nil, error: message, status: .badRequest)
        }
    }

    @Sendable func hide(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let id = try Self.rating(context)
        let fields = try await FormFields.from(request, context: context)
        let rating = try await database.hideRatingComment(id, reason: fields["reason"] ?? "", by: principal)
        return .redirect(to: "/ratings/units/\(rating.unitCode.urlEncoded)?done=hide", type: .normal)
    }

    struct FollowUpRow {
        var rating: RatingRow
        var unitCode: String
        var unitName: String
        var isOpen: Bool
        var closed: String
    }

    struct FollowUpsContent {
        var rows: [FollowUpRow]
        var isEmpty: Bool
        var outcomes: [SelectOption]
        var unit: String
    }

    @Sendable func followUps(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let unit = request.query("unit")
        let list = try await database.ratingFollowUps(unit: unit, openOnly: request.query("all") == nil, by: principal)
        let rows = list.map { rating in
            FollowUpRow(
                rating: Self.row(rating), unitCode: rating.unitCode, unitName: rating.unitName, isOpen: rating.followUp?.isOpen ?? false,
                closed: rating.followUp.flatMap { f in f.closedAt.map { "\($0.chinaTime) \(f.outcome?.label ?? "")：\(f.note ?? "")" } } ?? "")
        }
        let content = FollowUpsContent(
            rows: rows, isEmpty: rows.isEmpty, outcomes: RatingFollowUpOutcome.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: false) },
            unit: unit ?? "")
        return pages.render("rating-follow-ups", title: "评价回访", path: "/ratings", session: context.session, content: content, styles: ["dashboard.css"])
    }

    @Sendable func closeFollowUp(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let id = try Self.rating(context)
        let fields = try await FormFields.from(request, context: context)
        guard let outcome = fields["outcome"].flatMap(RatingFollowUpOutcome.init) else { throw LianbingError.invalid("请选择回访结果") }
        _ = try await database.closeRatingFollowUp(id, outcome: outcome, note: fields["note"] ?? "", by: principal)
        return .redirect(to: "/ratings/follow-ups", type: .normal)
    }

    static func code(_ context: AppRequestContext) throws -> String {
        guard let code = context.parameters.get("code"), !code.isEmpty, code.count <= 64 else { throw LianbingError.notFound("单位") }
        return code
    }

    static func rating(_ context: AppRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("rating", as: Int64.self), id > 0 else { throw LianbingError.notFound("评价") }
        return id
    }
}
