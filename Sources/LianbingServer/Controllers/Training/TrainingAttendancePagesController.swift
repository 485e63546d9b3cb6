import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// Attendance in the browser: marking one person for one day from the phone list, importing an attendance file, and
/// the printable sign-in sheet (签到表) for sessions without phones.
struct TrainingAttendancePagesController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/training/:session/attendance", use: mark)
        router.post("/training/:session/attendance/import", use: importFile)
        router.get("/training/:session/sheet", use: sheet)
    }

    var page: TrainingDetailPage { TrainingDetailPage(database: database, pages: pages) }

    /// The list is one form per day: the button pressed says who and what (`mark` = `attended|工号`), beside the
    /// shared note and, once closed, the amendment reason.
    @Sendable func mark(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let id = try TrainingSessionsController.session(context)
        let fields = try await FormFields.from(request, context: context)
        let pressed = (fields["mark"] ?? "").split(separator: "|", maxSplits: 1).map(String.init)
        let query = fields["q"] ?? ""
        do {
            guard pressed.count == 2, let status = AttendanceStatus(rawValue: pressed[0]) else {
                throw LianbingError.invalid("请点击某人的“出席”“缺席”或“请假”按钮")
            }
            guard let day = CivilDate(fields["day"] ?? "") else { throw LianbingError.invalid("请选择培训日期") }
            let note = (fields["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let reason = (fields["amendment_reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            _ = try await database.recordAttendance(
                id, [AttendanceMark(staffNumber: pressed[1], day: day, status: status, reason: status == .attended ? "" : note)],
                source: .browser, amendmentReason: reason.isEmpty ? nil : reason, by: principal)
            let back = Pager.href("/training/\(id)", query: ["day": day.description, "q": query.isEmpty ? nil : query, "done": "marked"])
            return .redirect(to: back + "#p-" + pressed[1].urlEncoded, type: .normal)
        } catch let error as LianbingError {
            return try await page.refused(error, request, context: context)
        }
    }

    /// Pasted CSV text; a chosen file (CSV or .xlsx) the page's `upload.js` sends unchanged to the API's import instead.
    @Sendable func importFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let id = try TrainingSessionsController.session(context)
        let fields = try await FormFields.from(request, context: context)
        let text = fields["csv"] ?? ""
        let reason = (fields["amendment_reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw LianbingError.invalid("请粘贴或选择考勤表（CSV）") }
            let summary = try await TrainingAttendanceController.importAttendance(
                Data(text.utf8), session: id, amendmentReason: reason.isEmpty ? nil : reason, database: database, by: principal)
            return .redirect(to: "/training/\(id)?done=imported&n=\(summary.recorded)#attendance", type: .normal)
        } catch let error as LianbingError {
            return try await page.refused(error, request, context: context, refusal: .init(message: "", importText: text))
        }
    }

    struct SheetRow: Sendable {
        var index: Int
        var name: String
        var unitName: String
    }

    struct SheetDay: Sendable {
        var day: String
        var rows: [SheetRow]
    }

    struct SheetContent {
        var session: TrainingSessionView
        var audience: String
        var sheets: [SheetDay]
    }

    /// One printed page per day: every invitee with their unit and an empty signature column, then a few blank lines
    /// for walk-ins.
    @Sendable func sheet(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let session = try await database.trainingSession(try TrainingSessionsController.session(context), for: principal)
        let invitees = try await database.trainingInvitees(session.id, for: principal)
        let rows = invitees.enumerated().map { SheetRow(index: $0.offset + 1, name: $0.element.staff.name, unitName: $0.element.unitName) }
        let blanks = (0..<5).map { SheetRow(index: rows.count + $0 + 1, name: "", unitName: "") }
        let content = SheetContent(
            session: TrainingSessionView(session),
            audience: session.audienceUnitName + (session.audiencePosts.isEmpty ? "" : "（" + session.audiencePosts.joined(separator: "、") + "）"),
            sheets: session.days.map { SheetDay(day: $0.description, rows: rows + blanks) })
        return pages.render(
            "training-sheet", title: "签到表：\(session.title)", path: "/training", session: context.session, content: content,
            styles: ["training.css"])
    }
}
