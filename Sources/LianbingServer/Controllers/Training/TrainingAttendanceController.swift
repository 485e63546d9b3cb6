import Foundation
import Hummingbird
import LianbingCore
import LianbingFormats
import LianbingStore

/// Attendance (考勤) as JSON: every day's marks, marks from the organiser, and an attendance file (`工号,日期,状态,学时,备注`,
/// all or nothing). All three go through the store's one attendance method; a closed session takes changes only
/// with an amendment reason.
struct TrainingAttendanceController {
    let database: AppDatabase

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/training/sessions/:session/attendance", use: list)
        router.post("/api/v1/training/sessions/:session/attendance", use: record)
        router.uploads(.file).post("/api/v1/training/sessions/:session/attendance/import", use: importFile)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[AttendanceEntryJSON]> {
        let entries = try await database.trainingAttendance(try TrainingSessionsController.session(context), for: try context.principal(.trainer))
        return JSONBody(entries.map(AttendanceEntryJSON.init))
    }

    @Sendable func record(_ request: Request, context: AppRequestContext) async throws -> JSONBody<AttendanceSummary> {
        let principal = try context.principal(.trainer)
        let id = try TrainingSessionsController.session(context)
        let body = try await request.decodeJSON(AttendanceRequest.self, context: context)
        return JSONBody(try await database.recordAttendance(
            id, body.attendanceMarks, source: .browser, amendmentReason: body.amendmentReason, by: principal))
    }

    /// The body is the CSV file itself (`Content-Type: text/csv`; UTF-8 or GB18030) or an .xlsx workbook (`TableUpload`);
    /// `amendmentReason` in the query once the session is closed. A refused file answers 422 naming every bad line.
    @Sendable func importFile(_ request: Request, context: AppRequestContext) async throws -> JSONBody<AttendanceSummary> {
        let principal = try context.principal(.trainer)
        let id = try TrainingSessionsController.session(context)
        guard TableUpload.accepts(contentType: request.headers[.contentType]) else { throw HTTPError(.unsupportedMediaType) }
        var request = request
        let data = Data(try await request.collectBody(upTo: context.maxUploadSize).readableBytesView)
        return JSONBody(try await Self.importAttendance(
            data, session: id, amendmentReason: request.query("amendmentReason"), database: database, by: principal))
    }

    /// Reads the file and hands it to the store; a file unusable as a whole is refused as the store refuses bad lines.
    static func importAttendance(
        _ data: Data, session id: Int64, amendmentReason: String?, database: AppDatabase, by principal: Principal
    ) async throws -> AttendanceSummary {
        let file = "考勤表"
        switch AttendanceCSV.read(data, file: file) {
        case .failure(let failure): throw LianbingError.importRejected(failure)
        case .success(let parsed): return try await database.importAttendance(id, parsed, file: file, amendmentReason: amendmentReason, by: principal)
        }
    }
}
