import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// One session's page for its organisers (and, read-only, for an ancestor unit's session that invites their staff):
/// settings and actions, invitees, and the day's attendance list for marking on a phone.
struct TrainingDetailPage {
    let database: AppDatabase
    let pages: PageRenderer

    struct InviteeRow: Sendable {
        var number: String
        var name: String
        var unitName: String
        var post: String
    }

    struct DayTab: Sendable {
        var day: String
        var href: String
        var current: Bool
    }

    /// One person on the chosen day, with the buttons that mark them.
    struct MarkRow: Sendable {
        var number: String
        var anchor: String
        var name: String
        var unitName: String
        var search: String
        var statusLabel: String?
        var attended: Bool
        var absent: Bool
        var excused: Bool
        var isWalkIn: Bool
        var note: String?
    }

    struct Attendance: Sendable {
        var day: String
        var days: [DayTab]
        var hasManyDays: Bool
        var rows: [MarkRow]
        var summary: String
        var query: String
        var canMark: Bool
        /// Closed: every change needs an amendment reason.
        var isClosed: Bool
    }

    /// A correction made to the attendance after the session closed.
    struct AmendmentRow: Sendable {
        var at: String
        var day: String
        var person: String
        var before: String
        var after: String
        var reason: String
        var actor: String
    }

    /// An expert of the pools whose specialties cover the session's topics (推荐授课专家).
    struct SuggestionRow: Sendable {
        var id: Int64
        var name: String
        var categoryLabel: String
        var unitName: String
        var coveredTopics: String
        var isTrainer: Bool
    }

    struct Content {
        var session: TrainingSessionView
        var facts: [Fact]
        var isManaged: Bool
        var isDraft: Bool
        var canEdit: Bool
        var canClose: Bool
        var canSignIn: Bool
        var canInvite: Bool
        var invitees: [InviteeRow]
        var inviteeCount: Int
        /// Folded away once attendance is being taken, so the marking list comes first on a phone.
        var inviteesOpen: Bool
        var inviteNumbers: String
        var attendance: Attendance?
        var importText: String
        var notice: String?
        var error: String?
        var issues: [String]
        var hasIssues: Bool
        /// Shown for the organiser's own sessions with topics; the button only while the session can be edited.
        var showSuggestions: Bool
        var suggestions: [SuggestionRow]
        var canAssign: Bool
        var amendments: [AmendmentRow]
        var hasAmendments: Bool
    }

    /// What a refused form sends back to the page: the message, per-line problems, and what was typed.
    struct Refusal {
        var message: String
        var issues: [String] = []
        var inviteNumbers = ""
        var importText = ""
    }

    func render(
        _ request: Request, context: AppRequestContext, refusal: Refusal? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let principal = try context.principal(.trainer)
        let session = try await database.trainingSession(try TrainingSessionsController.session(context), for: principal)
        let invitees = try await database.trainingInvitees(session.id, for: principal)
        let managed = session.isManaged
        var attendance: Attendance?
        if session.status != .draft {
            attendance = try await self.attendance(session, invitees: invitees, request: request, principal: principal)
        }
        let matches = try await ExpertsController.suggestions(for: session, database: database, by: principal)
        let amendments = managed && session.status == .closed ? try await database.attendanceAmendments(session.id, for: principal) : []
        let content = Content(
            session: TrainingSessionView(session), facts: try await facts(session, principal: principal), isManaged: managed,
            isDraft: managed && session.status == .draft, canEdit: managed && session.status != .closed,
            canClose: managed && [.published, .held].contains(session.status), canSignIn: managed && [.published, .held].contains(session.status),
            canInvite: managed && session.status != .closed,
            invitees: invitees.map { InviteeRow(number: $0.staff.number, name: $0.staff.name, unitName: $0.unitName, post: $0.staff.post) },
            inviteeCount: invitees.count, inviteesOpen: attendance == nil || refusal?.inviteNumbers.isEmpty == false
                || ["invited", "uninvited"].contains(request.query("done") ?? ""), inviteNumbers: refusal?.inviteNumbers ?? "", attendance: attendance,
            importText: refusal?.importText ?? "", notice: TrainingNotice.message(request.query("done"), count: request.queryInt("n")),
            error: refusal?.message, issues: refusal?.issues ?? [], hasIssues: !(refusal?.issues.isEmpty ?? true),
            showSuggestions: managed && !session.topics.isEmpty,
            suggestions: matches.map { match in
                SuggestionRow(
                    id: match.expert.id, name: match.expert.name, categoryLabel: match.expert.category.label, unitName: match.expert.unitName,
                    coveredTopics: match.coveredTopics.joined(separator: "、"), isTrainer: session.trainers.contains { $0.expertId == match.expert.id })
            },
            canAssign: managed && session.status != .closed,
            amendments: amendments.map {
                AmendmentRow(
                    at: ChinaTime.format($0.at), day: $0.day.description, person: "\($0.name)（\($0.staffNumber)）", before: $0.before ?? "（无）",
                    after: $0.after, reason: $0.reason, actor: $0.actor)
            }, hasAmendments: !amendments.isEmpty)
        return pages.render(
            "training-detail", title: session.title, path: "/training", session: context.session, content: content, status: status,
            styles: ["manage.css", "training.css"], scripts: ["training.js", "upload.js"])
    }

    /// The session's facts, with each trainer who is an expert of a pool the caller sees named with their category.
    private func facts(_ session: TrainingSession, principal: Principal) async throws -> [Fact] {
        var facts = TrainingSessionView.facts(session)
        guard session.trainers.contains(where: { $0.expertId != nil }) else { return facts }
        let experts = Dictionary(try await database.experts(for: principal).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let trainers = session.trainers.map { trainer in
            guard let expert = trainer.expertId.flatMap({ experts[$0] }) else { return trainer.name }
            return "\(trainer.name)（\(expert.category.label)，\(expert.unitName)专家库）"
        }
        if let index = facts.firstIndex(where: { $0.label == "授课人" }) { facts[index].value = trainers.joined(separator: "、") }
        return facts
    }

    /// The chosen day (`?day=`, else today when the session runs today, else its first day), everyone invited plus
    /// any walk-ins of that day, narrowed by `?q=`.
    private func attendance(_ session: TrainingSession, invitees: [StaffListing], request: Request, principal: Principal) async throws -> Attendance {
        let days = session.days
        let today = ChinaTime.civilDate(of: database.clock())
        let asked = request.query("day").flatMap(CivilDate.init)
        let day = asked.flatMap { days.contains($0) ? $0 : nil } ?? (days.contains(today) ? today : days[0])
        let query = request.query("q") ?? ""
        let entries = try await database.trainingAttendance(session.id, for: principal)
            .filter { $0.day == day }
        var byNumber = Dictionary(entries.map { ($0.staffNumber, $0) }, uniquingKeysWith: { first, _ in first })
        var rows = invitees.map { listing in
            Self.row(number: listing.staff.number, name: listing.staff.name, unitName: listing.unitName, entry: byNumber.removeValue(forKey: listing.staff.number))
        }
        rows += entries.filter { byNumber[$0.staffNumber] != nil }.map { Self.row(number: $0.staffNumber, name: $0.name, unitName: $0.unitName, entry: $0) }
        let counts = Dictionary(grouping: entries, by: \.status).mapValues(\.count)
        let unmarked = rows.filter { $0.statusLabel == nil }.count
        let summary = AttendanceStatus.allCases.map { "\($0.label) \(counts[$0] ?? 0) 人" }.joined(separator: "，") + "，未登记 \(unmarked) 人"
        if !query.isEmpty { rows = rows.filter { $0.search.localizedCaseInsensitiveContains(query) } }
        let base = "/training/\(session.id)"
        return Attendance(
            day: day.description,
            days: days.map { DayTab(day: $0.description, href: "\(base)?day=\($0)#attendance", current: $0 == day) },
            hasManyDays: days.count > 1, rows: rows, summary: summary, query: query,
            canMark: session.isManaged && session.status != .draft, isClosed: session.status == .closed)
    }

    static func row(number: String, name: String, unitName: String, entry: AttendanceEntry?) -> MarkRow {
        MarkRow(
            number: number, anchor: "p-" + number.urlEncoded, name: name, unitName: unitName, search: "\(number) \(name) \(unitName)",
            statusLabel: entry?.status.label, attended: entry?.status == .attended, absent: entry?.status == .absent,
            excused: entry?.status == .excused, isWalkIn: entry?.isWalkIn ?? false,
            note: entry.flatMap { entry in
                var parts: [String] = []
                if entry.status == .attended { parts.append("\(AppDatabase.points(entry.hours)) 学时") }
                if entry.source == "code" { parts.append("扫码签到") }
                if !entry.reason.isEmpty { parts.append(entry.reason) }
                return parts.isEmpty ? nil : parts.joined(separator: " · ")
            })
    }

    /// A refusal the organiser can act on, shown on the session's page; anything else is an error page.
    func refused(_ error: LianbingError, _ request: Request, context: AppRequestContext, refusal: Refusal? = nil) async throws -> Response {
        var refusal = refusal ?? Refusal(message: error.message)
        refusal.message = error.message
        switch error {
        case .invalid: return try await render(request, context: context, refusal: refusal, status: .badRequest)
        case .conflict: return try await render(request, context: context, refusal: refusal, status: .conflict)
        case .importRejected(let failure):
            refusal.issues = failure.issues.map(\.description)
            return try await render(request, context: context, refusal: refusal, status: .unprocessableContent)
        // A mistyped staff number; the page itself answers 404 again if the session is what is missing.
        case .notFound: return try await render(request, context: context, refusal: refusal, status: .notFound)
        default: throw error
        }
    }
}
