import Hummingbird
import LianbingCore
import LianbingStore

/// A person's roster page: what the roster holds, their moves and leaving, and what they have done as it exists in
/// the store — exams, training, certificates and awards. Administrators also get the move and leave forms.
enum StaffMemberPage {
    static let notices = ["moved": "已登记调动。", "left": "已登记离职，其登录账号已停用。", "returned": "已撤销离职登记；登录账号仍为停用，如需登录请在账号管理中启用。", "saved": "已保存。", "added": "已新增。"]

    struct Content: Sendable {
        var staff: StaffJSON
        var leftOn: String?
        var moves: [MoveRow]
        var training: StaffTrainingView
        /// Awards from final selections (评优遴选).
        var awards: [SelectionAwardRow]
        /// Administrators only: exams and certificates are theirs to see, as are the forms.
        var manage: Manage?
        var problem: String?
        var notice: String?
    }

    struct MoveRow: Sendable {
        var movedOn: String
        var from: String
        var to: String
    }

    struct Manage: Sendable {
        var exams: [ExamRow]
        var certificates: [CertificateRow]
        var units: [SelectOption]
        var today: String
        var hasLeft: Bool
    }

    struct ExamRow: Sendable {
        var examId: Int64
        var title: String
        var detail: String
    }

    struct CertificateRow: Sendable {
        var number: String
        var qualification: String
        var detail: String
    }

    static func render(
        _ number: String, problem: String?, notice: String? = nil, status: HTTPResponse.Status = .ok, context: AppRequestContext,
        database: AppDatabase, pages: PageRenderer
    ) async throws -> Response {
        let principal = try context.principal(.trainer)
        let listing = try await database.staffMember(number, for: principal)
        let training = try await StaffTrainingView.load(listing.staff.number, leftOn: listing.staff.leftOn, for: principal, database: database)
        var manage: Manage?
        if principal.has(.admin) {
            let exams = try await database.exams(ofStaff: number, by: principal).map { exam in
                ExamRow(
                    examId: exam.examId, title: exam.title,
                    detail: ChinaTime.civilDate(of: exam.opensAt).description + " · " + exam.standing.label
                        + (exam.score.map { " · \(AppDatabase.points($0)) / \(AppDatabase.points(exam.maxScore)) 分" } ?? ""))
            }
            let certificates = try await database.certificates(CertificateFilter(query: number), by: principal)
                .filter { $0.staffNumber == number }
                .map { CertificateRow(number: $0.number, qualification: $0.qualification, detail: "\($0.issuedOn) 至 \($0.expiresOn) · \($0.status.label)") }
            manage = Manage(
                exams: exams, certificates: certificates,
                units: try await UnitChoices.options(selected: "", for: principal, database: database).filter { $0.value != listing.staff.unitCode },
                today: ChinaTime.civilDate(of: database.clock()).description, hasLeft: listing.staff.leftOn != nil)
        }
        let content = Content(
            staff: StaffJSON(listing), leftOn: listing.staff.leftOn?.description,
            moves: try await database.moves(of: number, for: principal).map {
                MoveRow(movedOn: $0.movedOn.description, from: $0.fromName, to: $0.toName)
            },
            training: training,
            awards: try await database.selectionAwards(ofStaff: listing.staff.number, by: principal).map(SelectionAwardRow.init),
            manage: manage, problem: problem, notice: notice)
        return pages.render(
            "staff-member", title: listing.staff.name, path: "/staff", session: context.session, content: content,
            status: status)
    }
}
