import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// One contest's page: its settings, rounds with their rules, teams with members and captains, the substitutions
/// log and status. Those who run it (trainers and administrators of the organising subtree) get the links to the
/// live screens, the board controls while it runs and the printable sheets; administrators the forms that prepare
/// and move it along. A member of staff on one of its teams sees it read-only.
struct ContestDetailPage {
    let database: AppDatabase
    let pages: PageRenderer

    struct MemberRow: Sendable {
        var number: String
        var name: String
        var isCaptain: Bool
    }

    struct TeamRow: Sendable {
        var id: Int64
        var name: String
        var unitName: String
        var draw: Int
        var members: [MemberRow]
        var advancedFrom: Int64?
        /// The signed-in member of staff is on it.
        var isOwn: Bool
    }

    struct RoundRow: Sendable {
        var number: Int
        var title: String
        var styleLabel: String
        var rules: String
        /// `题目 12 道` or `集中笔试：考试 7`.
        var content: String
        /// The bank question ids, for those who run the contest only; nil for others or a written round.
        var questionIds: String?
        var examId: Int64?
        var canEnterWritten: Bool
    }

    struct SubstitutionRow: Sendable {
        var at: String
        var team: String
        var out: String
        var incoming: String
        var reason: String
        var actor: String
    }

    struct Forms: Sendable {
        var team: ContestTeamForm
        var round: ContestRoundForm
        var styles: [SelectOption]
        var substitution: ContestSubstitutionForm
        var leaving: [SelectOption]
        var advance: ContestAdvanceForm
        var advanceFrom: [SelectOption]
        var hasAdvanceFrom: Bool
        var advanceRules: [SelectOption]
        /// Which form came back refused, so that its section opens by itself (stored: templates see no computed
        /// properties).
        var teamOpen: Bool
        var roundOpen: Bool
        var substitutionOpen: Bool
        var advanceOpen: Bool
    }

    struct Content {
        var contest: ContestHeading
        var facts: [Fact]
        var runs: Bool
        var isAdmin: Bool
        var canPrepare: Bool
        var canStart: Bool
        var canFinish: Bool
        var canSubstitute: Bool
        var isRunning: Bool
        var isFinished: Bool
        /// Board controls (封榜, 揭晓) for those who run a running contest.
        var canFreeze: Bool
        var isFrozen: Bool
        var frozenNote: String?
        var boardPath: String?
        /// The contestant's live screen, while the contest runs.
        var canPlay: Bool
        var rounds: [RoundRow]
        var teams: [TeamRow]
        var teamCount: Int
        var substitutions: [SubstitutionRow]
        var hasSubstitutions: Bool
        var forms: Forms?
        var notice: String?
        var error: String?
        var issues: [String]
        var hasIssues: Bool
    }

    /// What a refused form sends back to the page: the message, and the form as typed.
    struct Refusal {
        var message = ""
        var team: ContestTeamForm?
        var round: ContestRoundForm?
        var substitution: ContestSubstitutionForm?
        var advance: ContestAdvanceForm?
    }

    func render(
        _ request: Request, context: AppRequestContext, refusal: Refusal? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let principal = try context.principal()
        let contest = try await database.contest(try ContestPagesController.contest(context), by: principal)
        let substitutions = try await database.contestSubstitutions(contest.id, by: principal)
        // The board link is given only to those who run the contest.
        let runs = contest.boardToken != nil && principal.has(.trainer)
        let isAdmin = runs && principal.has(.admin)
        let preparing = contest.status == .preparing, running = contest.status == .running, finished = contest.status == .finished
        let names = Dictionary(contest.teams.flatMap(\.members).map { ($0.staffNumber, $0.name) }, uniquingKeysWith: { first, _ in first })
        let teamNames = Dictionary(uniqueKeysWithValues: contest.teams.map { ($0.id, $0.name) })
        let person = { (number: String) in names[number].map { "\($0)（\(number)）" } ?? number }
        var forms: Forms?
        if isAdmin {
            let substitution = refusal?.substitution ?? ContestSubstitutionForm()
            let advance = refusal?.advance ?? ContestAdvanceForm()
            let round = refusal?.round ?? ContestRoundForm()
            let advanceFrom = preparing ? advance.candidates(for: contest, among: try await database.contests(by: principal)) : []
            forms = Forms(
                team: refusal?.team ?? ContestTeamForm(), round: round,
                styles: RoundStyle.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == round.style) },
                substitution: substitution, leaving: substitution.options(contest.teams), advance: advance, advanceFrom: advanceFrom,
                hasAdvanceFrom: !advanceFrom.isEmpty, advanceRules: advance.rules, teamOpen: refusal?.team != nil || request.query("new") == "team",
                roundOpen: refusal?.round != nil || request.query("new") == "round", substitutionOpen: refusal?.substitution != nil,
                advanceOpen: refusal?.advance != nil)
        }
        let content = Content(
            contest: ContestHeading(contest), facts: ContestHeading.facts(contest), runs: runs, isAdmin: isAdmin,
            canPrepare: isAdmin && preparing, canStart: isAdmin && preparing, canFinish: isAdmin && running,
            canSubstitute: isAdmin && !finished && !contest.teams.isEmpty, isRunning: running, isFinished: finished,
            canFreeze: runs && running && contest.publicThrough == nil, isFrozen: runs && running && contest.publicThrough != nil,
            frozenNote: runs ? contest.publicThrough.map { "已封榜：大屏排行榜显示到第 \($0) 条记录为止的成绩。" } : nil,
            boardPath: contest.boardToken.map { "/board/\($0)" },
            canPlay: !runs && running && contest.teams.contains { $0.members.contains { $0.staffNumber == principal.staffNumber } },
            rounds: contest.rounds.map { plan in
                let round = plan.round
                return RoundRow(
                    number: round.number, title: round.title, styleLabel: round.style.label, rules: ContestRulesText.describe(round),
                    content: round.style == .written ? "集中笔试：考试 \(plan.examId.map(String.init) ?? "—")" : "题目 \(round.questionCount) 道",
                    questionIds: runs && !plan.questionIds.isEmpty ? plan.questionIds.joined(separator: "、") : nil,
                    examId: runs ? plan.examId : nil, canEnterWritten: runs && running && round.style == .written)
            },
            teams: contest.teams.map { team in
                TeamRow(
                    id: team.id, name: team.name, unitName: team.unitName, draw: team.draw,
                    members: team.members.map { MemberRow(number: $0.staffNumber, name: $0.name, isCaptain: $0.isCaptain) },
                    advancedFrom: team.advancedFrom, isOwn: team.members.contains { $0.staffNumber == principal.staffNumber })
            },
            teamCount: contest.teams.count,
            substitutions: substitutions.map {
                SubstitutionRow(
                    at: $0.recordedAt.chinaTime, team: teamNames[$0.teamId] ?? "参赛队 \($0.teamId)", out: person($0.outStaffNumber),
                    incoming: person($0.inStaffNumber), reason: $0.reason, actor: $0.actor)
            },
            hasSubstitutions: !substitutions.isEmpty, forms: forms,
            notice: ContestPageNotice.message(request.query("done"), count: request.queryInt("n")),
            error: refusal.flatMap { $0.message.isEmpty ? nil : $0.message.components(separatedBy: "\n").first },
            issues: refusal.map { Array($0.message.components(separatedBy: "\n").dropFirst()) } ?? [],
            hasIssues: (refusal?.message.contains("\n")) ?? false)
        return pages.render(
            "contest-detail", title: contest.title, path: "/contests", session: context.session, content: content, status: status,
            styles: ["manage.css", "contests.css"])
    }

    /// A refusal the organiser can act on, shown on the contest's page with the form as typed; anything else (not
    /// allowed) is an error page.
    func refused(_ error: LianbingError, _ request: Request, context: AppRequestContext, refusal: Refusal = Refusal()) async throws -> Response {
        guard let status = ContestPagesController.formStatus(error) else { throw error }
        var refusal = refusal
        refusal.message = error.message
        // A mistyped staff number or exam is shown on the page; the page itself answers 404 if the contest is missing.
        return try await render(request, context: context, refusal: refusal, status: status)
    }
}
