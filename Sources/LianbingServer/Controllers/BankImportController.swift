import Foundation
import Hummingbird
import LianbingCore
import LianbingFormats
import LianbingStore

/// Importing a question file by upload, for trainers and administrators: `bank-import.js` sends the file's bytes as
/// the body of `POST /bank/import` (name and choices in the query), first as a dry run, whose report the page shows,
/// then, on confirmation, the same file again for real. The server reads and checks the file both times (it trusts no
/// summary from the browser) with the CLI's format detection and `importQuestions`, and answers with the report as an
/// HTML fragment the script puts in the page: 200, or 422 when the file has errors (nothing can be imported).
struct BankImportController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/bank/import", use: page)
        router.uploads(.file).post("/bank/import", use: upload)
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.principal(.trainer)
        return pages.render(
            "bank-import", title: "导入题库", path: "/bank", session: context.session, content: ["limit": BodyTooLarge.size(UploadLimit.file.bytes)],
            styles: ["manage.css"], scripts: ["bank-import.js"])
    }

    /// The report of one upload, as `bank-import-report.mustache` shows it.
    struct Report {
        var file: String
        var format: String?
        var byContent = false
        var dryRun: Bool
        /// The dry run found nothing in the way: the page offers to import.
        var importable = false
        var summary: String?
        var warnings: [String] = []
        var skipped: [String] = []
        var errors: [String] = []
        // Mustache sees stored properties only.
        var hasErrors = false
        var hasWarnings = false
        var hasSkipped = false
    }

    @Sendable func upload(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let name = Self.fileName(request.query("name"))
        let dryRun = request.query("confirm") != "1"
        var report = Report(file: name, dryRun: dryRun)
        var request = request
        let data = Data(try await request.collectBody(upTo: context.maxUploadSize).readableBytesView)
        guard !data.isEmpty, let detected = QuestionFormat.detect(data, fileExtension: URL(fileURLWithPath: name).pathExtension) else {
            report.errors = [
                data.isEmpty ? "所选文件是空的" : "无法判断文件格式：请上传题库文件（.txt）、CSV 或 Excel 模板（.csv、.xlsx）、GIFT（.gift、.txt）或 Moodle XML（.xml）"
            ]
            return render(report)
        }
        report.format = detected.format.label
        report.byContent = detected.detection == .byContent
        do {
            let read: QuestionImport
            switch detected.format.read(data, file: name) {
            case .success(let parsed): read = parsed
            case .failure(let failure): throw LianbingError.importRejected(failure)
            }
            let result = try await database.importQuestions(
                read, note: "上传 " + name, skipUnsupported: request.query("skipUnsupported") == "1", force: request.query("force") == "1",
                dryRun: dryRun, by: principal)
            report.importable = dryRun && result.added + result.changed > 0
            report.warnings = result.warnings.map(\.description)
            report.skipped = result.skipped.map(\.description)
            report.summary = result.summary(dryRun: dryRun)
        } catch LianbingError.importRejected(let failure) {
            report.errors = failure.issues.map(\.description)
        }
        return render(report)
    }

    private func render(_ report: Report) -> Response {
        var report = report
        report.hasErrors = !report.errors.isEmpty
        report.hasWarnings = !report.warnings.isEmpty
        report.hasSkipped = !report.skipped.isEmpty
        return PageRenderer.html(
            pages.library.render(report, withTemplate: "bank-import-report") ?? "", status: report.hasErrors ? .unprocessableContent : .ok)
    }

    /// The uploaded file's own name, for format detection and the report: no folders, bounded.
    static func fileName(_ raw: String?) -> String {
        let name = (raw ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        return name.isEmpty ? "上传文件" : String(name.prefix(100))
    }
}
