import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// A county administrator must get 403 or 404 for anything outside their county, through every route.
@Suite struct ScopeTests {
    /// One request that reaches outside the caller's county through a route.
    struct Probe: Sendable {
        var method: HTTPRequest.Method
        var uri: String
        var json: String? = nil
        var form: [String: String]? = nil
        /// A CSV body (`text/csv`), for the attendance import.
        var csv: String? = nil
        /// The answers that count as refused: an import names an out-of-scope row as a bad line (422) instead.
        var refusedAs: [HTTPResponse.Status] = [.forbidden, .notFound]
    }

    /// Routes that name no unit, staff member or account, and why they need no probe.
    static let unscoped: [String: String] = [
        "GET /healthz": "public liveness check",
        "GET /login": "public login form",
        "POST /login": "public login",
        "POST /logout": "own session",
        "GET /password": "own password",
        "POST /password": "own password",
        "POST /api/v1/session": "public login",
        "DELETE /api/v1/session": "own session",
        "GET /api/v1/me": "own account",
        "GET /api/v1/openapi.json": "public API description",
        "GET /sw.js": "the exam page's public service worker script; holds no data (TakingPageTests)",
        "POST /api/v1/me/password": "own password",
        "GET /": "the caller's own unit only (PageTests.homeShowsEachRoleItsOwnUnit)",
        "GET /units": "tree rooted at the caller's own unit",
        "GET /bank": "the bank is province-wide; trainers and administrators only (BankPageTests)",
        "GET /bank/{id}": "the bank is province-wide; trainers and administrators only (BankPageTests)",
        "GET /bank/new": "an empty question form; names no unit",
        "GET /bank/import": "an empty upload form; names no unit (BankImportPageTests)",
        "POST /bank/new": "a new question belongs to the caller's own unit; names no unit (BankEditPageTests)",
        "POST /bank/{id}/regrade": "re-marks only exams in the caller's own subtree (QuestionEditingTests)",
        "POST /api/v1/blueprints/check": "checks against the province-wide bank; names no unit",
        "GET /api/v1/exams": "lists only exams whose candidate list lies in the caller's subtree (ExamLifecycleTests.outOfScopeExamIsMissing)",
        "GET /api/v1/marking": "lists only exams in the caller's subtree (ExamAPITests.markingQueueIsScoped)",
        "GET /api/v1/score-reviews": "lists only exams in the caller's subtree (ExamAPITests.markingQueueIsScoped)",
        "GET /api/v1/my/exams": "the caller's own candidacies",
        "GET /api/v1/my/self-tests": "the caller's own self-tests",
        "POST /api/v1/my/self-tests": "the caller's own self-test",
        "GET /api/v1/my/wrong-questions": "the caller's own wrong-question book",
        "GET /api/v1/my/review": "the caller's own 今日复习 (ReviewPageTests)",
        "GET /api/v1/my/mastery": "the caller's own mastery",
        "GET /api/v1/my/practice-points": "the province-wide bank's practice knowledge points; names no unit",
        "GET /my/exams": "the caller's own candidacies (MyPagesTests)",
        "GET /my/practice": "the caller's own self-tests and the province-wide bank's practice points (MyPagesTests)",
        "POST /my/practice": "starts the caller's own self-test (MyPagesTests)",
        "GET /my/wrong-questions": "the caller's own wrong-question book (MyPagesTests)",
        "GET /my/wrong-questions/{question}": "an entry of the caller's own wrong-question book; names no unit (WrongQuestionPageTests)",
        "GET /api/v1/my/wrong-questions/{question}": "an entry of the caller's own wrong-question book; names no unit (WrongQuestionPageTests)",
        "GET /my/review": "the caller's own 今日复习 (ReviewPageTests)",
        "GET /my/record": "the caller's own results and score reviews (MyPagesTests)",
        "GET /my/mastery": "the caller's own mastery (MyPagesTests)",
        "GET /exams": "lists only exams whose candidate list lies in the caller's subtree (ExamPagesTests.pagesAreScoped)",
        "GET /staff/new": "an empty form offering only the caller's subtree; saving is probed under POST /staff/new",
        "GET /staff/import": "the upload page; names no unit (the upload is probed under POST /api/v1/staff/import)",
        "GET /exams/new": "the form offers only the caller's own subtree; saving and checking are probed under POST /exams",
        "GET /marking": "lists only exams in the caller's subtree (ExamPagesTests.pagesAreScoped)",
        "GET /score-reviews": "lists only exams in the caller's subtree (ExamPagesTests.pagesAreScoped)",
        "GET /api/v1/me/training": "the caller's own training record (TrainingAPITests)",
        "GET /my/training": "the caller's own training record (TrainingPagesTests)",
        "GET /training/sign-in": "the sessions the caller may sign in to: the store admits only those whose audience holds them (TrainingSignInTests)",
        "GET /api/v1/training/standards": "curriculum standards are province-wide, read by everyone; setting them is probed under POST",
        "GET /training/standards": "curriculum standards are province-wide, read by everyone; setting them is probed under POST",
        "GET /school/lessons/{lesson}/files/**": "a lesson's images and PDFs, read by everyone signed in as the lesson is (SchoolFilesTests)",
        "GET /school/media/{name}": "the lessons' audio and video, read by everyone signed in; names no unit (SchoolFilesTests)",
    ].merging(ContestScopeTests.unscoped) { own, _ in own }.merging(ContestPagesScopeTests.unscoped) { own, _ in own }
        .merging(ContestLiveScopeTests.unscoped) { own, _ in own }
        .merging(CertificateScopeTests.unscoped) { own, _ in own }
        .merging(RatingScopeTests.unscoped) { own, _ in own }
        .merging(NationalQualificationScopeTests.unscoped) { own, _ in own }
        .merging(CertificateComplianceScopeTests.unscoped) { own, _ in own }
        .merging(SelectionScopeTests.unscoped) { own, _ in own }
        .merging(SelectionPagesScopeTests.unscoped) { own, _ in own }
        .merging(SchoolScopeTests.unscoped) { own, _ in own }
        .merging(RecommendationScopeTests.unscoped) { own, _ in own }

    /// Every scoped route with requests that point outside the county. Keyed by the router's own description,
    /// so a route added without a probe fails `everyRouteIsProbedOrExplained`.
    static func probes(
        outsideUnit u: String, outsideStaff s: String, outsideExam e: OutsideExam = .none, outsideTraining t: Int64 = 0,
        outsideExpert x2: Int64 = 0, outsideContest contest: ContestScopeTests.OutsideContest = .none,
        outsideCertificate certificate: String = CertificateScopeTests.nobodysNumber,
        outsideRating rating: RatingScopeTests.OutsideRating = .none, outsideNationalQualification nq: Int64 = 0,
        outsideSelection selection: SelectionScopeTests.OutsideSelection = .none
    ) -> [String: [Probe]] {
        let x = e.exam, a = e.attempt, c = e.staff, r = e.review
        let day = ChinaTime.civilDate(of: Date())
        let session = #"{"unitCode":"\#(u)","title":"越权","kind":"course","startsAt":"2030-01-01T01:00:00Z","endsAt":"2030-01-01T03:00:00Z","hours":2}"#
        let sessionForm = [
            "unit_code": u, "title": "越权", "kind": "course", "starts_at": "2030-01-01T09:00", "ends_at": "2030-01-01T11:00", "hours": "2",
            "audience_unit": u,
        ]
        return [
            "POST /api/v1/exams": [
                Probe(method: .post, uri: "/api/v1/exams", json: #"{"title":"越权","blueprint":\#(e.blueprintJSON),"unitCode":"\#(u)","opensAt":"2026-01-01T00:00:00Z","closesAt":"2026-01-02T00:00:00Z","durationMinutes":60,"passMark":60}"#)
            ],
            "GET /api/v1/exams/{exam}": [Probe(method: .get, uri: "/api/v1/exams/\(x)")],
            "GET /api/v1/units/{code}/mastery": [Probe(method: .get, uri: "/api/v1/units/\(u)/mastery")],
            "GET /api/v1/staff/{number}/mastery": [Probe(method: .get, uri: "/api/v1/staff/\(s)/mastery")],
            "POST /api/v1/exams/{exam}/publish": [Probe(method: .post, uri: "/api/v1/exams/\(x)/publish", json: "{}")],
            "POST /api/v1/exams/{exam}/close": [Probe(method: .post, uri: "/api/v1/exams/\(x)/close", json: "{}")],
            "POST /api/v1/exams/{exam}/release": [Probe(method: .post, uri: "/api/v1/exams/\(x)/release", json: "{}")],
            "GET /api/v1/exams/{exam}/results": [Probe(method: .get, uri: "/api/v1/exams/\(x)/results")],
            "GET /api/v1/exams/{exam}/statistics": [Probe(method: .get, uri: "/api/v1/exams/\(x)/statistics")],
            "POST /api/v1/exams/{exam}/candidates": [Probe(method: .post, uri: "/api/v1/exams/\(x)/candidates", json: #"{"staffNumber":"\#(s)"}"#)],
            "DELETE /api/v1/exams/{exam}/candidates/{number}": [Probe(method: .delete, uri: "/api/v1/exams/\(x)/candidates/\(c)", json: "{}")],
            "POST /api/v1/exams/{exam}/candidates/{number}/override": [
                Probe(method: .post, uri: "/api/v1/exams/\(x)/candidates/\(c)/override", json: #"{"extraMinutes":30}"#)
            ],
            "POST /api/v1/exams/{exam}/candidates/{number}/reopen": [
                Probe(method: .post, uri: "/api/v1/exams/\(x)/candidates/\(c)/reopen", json: #"{"minutes":30}"#)
            ],
            "POST /api/v1/exams/{exam}/candidates/{number}/excuse": [
                Probe(method: .post, uri: "/api/v1/exams/\(x)/candidates/\(c)/excuse", json: #"{"reason":"越权"}"#)
            ],
            "POST /api/v1/marking/{attempt}/{position}": [Probe(method: .post, uri: "/api/v1/marking/\(a)/0", json: #"{"score":1}"#)],
            "PUT /api/v1/exams/{exam}": [
                Probe(method: .put, uri: "/api/v1/exams/\(x)", json: #"{"title":"越权","blueprint":\#(e.blueprintJSON),"unitCode":"\#(u)","opensAt":"2026-01-01T00:00:00Z","closesAt":"2026-01-02T00:00:00Z","durationMinutes":60,"passMark":60}"#)
            ],
            "DELETE /api/v1/exams/{exam}": [Probe(method: .delete, uri: "/api/v1/exams/\(x)")],
            "GET /api/v1/score-reviews/{review}/answers": [Probe(method: .get, uri: "/api/v1/score-reviews/\(r)/answers")],
            "POST /api/v1/score-reviews/{review}/answer": [Probe(method: .post, uri: "/api/v1/score-reviews/\(r)/answer", json: #"{"reply":"越权"}"#)],
            "POST /api/v1/score-reviews/{review}/reopen": [Probe(method: .post, uri: "/api/v1/score-reviews/\(r)/reopen", json: "{}")],
            "POST /api/v1/my/exams/{exam}/attempt": [Probe(method: .post, uri: "/api/v1/my/exams/\(x)/attempt", json: "{}")],
            "POST /api/v1/my/exams/{exam}/score-review": [Probe(method: .post, uri: "/api/v1/my/exams/\(x)/score-review", json: #"{"reason":"越权"}"#)],
            "GET /api/v1/my/attempts/{attempt}": [Probe(method: .get, uri: "/api/v1/my/attempts/\(a)")],
            "PUT /api/v1/my/attempts/{attempt}/answers/{position}": [
                Probe(method: .put, uri: "/api/v1/my/attempts/\(a)/answers/0", json: #"{"response":{"trueFalse":true}}"#)
            ],
            "POST /api/v1/my/attempts/{attempt}/submit": [Probe(method: .post, uri: "/api/v1/my/attempts/\(a)/submit", json: "{}")],
            "POST /api/v1/my/attempts/{attempt}/hidden": [Probe(method: .post, uri: "/api/v1/my/attempts/\(a)/hidden", json: #"{"seconds":3}"#)],
            "POST /api/v1/my/self-tests/{attempt}/answers/{position}": [
                Probe(method: .post, uri: "/api/v1/my/self-tests/\(a)/answers/0", json: #"{"response":{"trueFalse":true}}"#)
            ],
            "POST /my/exams/{exam}/start": [Probe(method: .post, uri: "/my/exams/\(x)/start", form: [:])],
            "POST /my/exams/{exam}/score-review": [Probe(method: .post, uri: "/my/exams/\(x)/score-review", form: ["reason": "越权"])],
            "GET /my/attempts/{attempt}": [Probe(method: .get, uri: "/my/attempts/\(a)")],
            "GET /my/self-tests/{attempt}": [Probe(method: .get, uri: "/my/self-tests/\(a)")],
            "GET /api/v1/units": [Probe(method: .get, uri: "/api/v1/units?parent=\(u)")],
            "GET /api/v1/units/{code}": [Probe(method: .get, uri: "/api/v1/units/\(u)")],
            "GET /units/{code}": [Probe(method: .get, uri: "/units/\(u)")],
            "GET /api/v1/staff": [Probe(method: .get, uri: "/api/v1/staff?unit=\(u)")],
            "GET /api/v1/staff/{number}": [Probe(method: .get, uri: "/api/v1/staff/\(s)")],
            "GET /staff": [Probe(method: .get, uri: "/staff?unit=\(u)")],
            "GET /staff.csv": [Probe(method: .get, uri: "/staff.csv?unit=\(u)")],
            "GET /staff.xlsx": [Probe(method: .get, uri: "/staff.xlsx?unit=\(u)")],
            "GET /staff/{number}": [Probe(method: .get, uri: "/staff/\(s)")],
            // Adding names an out-of-scope unit as the form's bad field (400), as the import names a bad line.
            "POST /staff/new": [
                Probe(method: .post, uri: "/staff/new", form: ["number": "X9", "name": "越权", "unit_code": u, "post": "接访员"], refusedAs: [.badRequest]),
                Probe(method: .post, uri: "/staff/new", form: ["number": s, "name": "越权", "other_unit_code": u, "post": "接访员"], refusedAs: [.badRequest]),
            ],
            "GET /staff/{number}/edit": [Probe(method: .get, uri: "/staff/\(s)/edit")],
            "POST /staff/{number}/edit": [Probe(method: .post, uri: "/staff/\(s)/edit", form: ["name": "越权", "post": "接访员"])],
            "POST /staff/{number}/move": [Probe(method: .post, uri: "/staff/\(s)/move", form: ["unit_code": u, "moved_on": "2026-01-05"])],
            "POST /staff/{number}/leave": [
                Probe(method: .post, uri: "/staff/\(s)/leave", form: ["left_on": "2026-01-05"]),
                Probe(method: .post, uri: "/staff/\(s)/leave", form: ["undo": "1"]),
            ],
            "POST /api/v1/staff/import": ["/api/v1/staff/import?dry_run=1", "/api/v1/staff/import"].map { uri in
                Probe(
                    method: .post, uri: uri, csv: "工号,姓名,单位编码,岗位,退役军人,其他优抚对象,专长,入职日期,在岗\n\(s),越权,\(u),接访员,否,否,,,是\n",
                    refusedAs: [.unprocessableContent])
            },
            "GET /api/v1/accounts": [Probe(method: .get, uri: "/api/v1/accounts?unit=\(u)")],
            "GET /api/v1/audit": [Probe(method: .get, uri: "/api/v1/audit?unit=\(u)")],
            "GET /audit": [Probe(method: .get, uri: "/audit?unit=\(u)")],
            "GET /audit.csv": [Probe(method: .get, uri: "/audit.csv?unit=\(u)")],
            "GET /audit.xlsx": [Probe(method: .get, uri: "/audit.xlsx?unit=\(u)")],
            "POST /api/v1/accounts": [
                Probe(method: .post, uri: "/api/v1/accounts", json: #"{"username":"intruder","role":"admin","unitCode":"\#(u)"}"#),
                Probe(method: .post, uri: "/api/v1/accounts", json: #"{"username":"intruder","role":"staff","unitCode":"440000000000"}"#),
            ],
            "POST /api/v1/accounts/bulk": [Probe(method: .post, uri: "/api/v1/accounts/bulk", json: #"{"unitCode":"\#(u)"}"#)],
            "GET /api/v1/accounts/{username}": [Probe(method: .get, uri: "/api/v1/accounts/admin"), Probe(method: .get, uri: "/api/v1/accounts/trainer")],
            "POST /api/v1/accounts/{username}/reset-password": [Probe(method: .post, uri: "/api/v1/accounts/admin/reset-password", json: "{}")],
            "POST /api/v1/accounts/{username}/disable": [Probe(method: .post, uri: "/api/v1/accounts/trainer/disable", json: "{}")],
            "POST /api/v1/accounts/{username}/enable": [Probe(method: .post, uri: "/api/v1/accounts/trainer/enable", json: "{}")],
            "GET /accounts": [Probe(method: .get, uri: "/accounts?unit=\(u)")],
            "POST /accounts": [Probe(method: .post, uri: "/accounts", form: ["username": "intruder", "role": "admin", "unit_code": u])],
            "POST /accounts/bulk": [Probe(method: .post, uri: "/accounts/bulk", form: ["unit_code": u])],
            "POST /accounts/{username}/reset-password": [Probe(method: .post, uri: "/accounts/admin/reset-password", form: [:])],
            "POST /accounts/{username}/disable": [Probe(method: .post, uri: "/accounts/admin/disable", form: [:])],
            "POST /accounts/{username}/enable": [Probe(method: .post, uri: "/accounts/admin/enable", form: [:])],
            "POST /exams": ["check", "save"].map { action in
                Probe(method: .post, uri: "/exams", form: [
                    "action": action, "title": "越权", "unit_code": u, "opens_at": "2030-01-01T09:00", "closes_at": "2030-01-01T11:00",
                    "duration_minutes": "60", "pass_mark": "60", "review_request_days": "7",
                    "blueprint_text": (try? JSONDecoder().decode(String.self, from: Data(e.blueprintJSON.utf8))) ?? "",
                ])
            },
            "GET /exams/{exam}": [Probe(method: .get, uri: "/exams/\(x)")],
            "POST /exams/{exam}/publish": [Probe(method: .post, uri: "/exams/\(x)/publish", form: [:])],
            "POST /exams/{exam}/close": [Probe(method: .post, uri: "/exams/\(x)/close", form: [:])],
            "POST /exams/{exam}/release": [Probe(method: .post, uri: "/exams/\(x)/release", form: [:])],
            "POST /exams/{exam}/candidates": [Probe(method: .post, uri: "/exams/\(x)/candidates", form: ["staff_number": s])],
            "GET /exams/{exam}/candidates/{number}": [Probe(method: .get, uri: "/exams/\(x)/candidates/\(c)")],
            "POST /exams/{exam}/candidates/{number}/override": [
                Probe(method: .post, uri: "/exams/\(x)/candidates/\(c)/override", form: ["extra_minutes": "30"])
            ],
            "POST /exams/{exam}/candidates/{number}/reopen": [Probe(method: .post, uri: "/exams/\(x)/candidates/\(c)/reopen", form: ["minutes": "30"])],
            "POST /exams/{exam}/candidates/{number}/excuse": [Probe(method: .post, uri: "/exams/\(x)/candidates/\(c)/excuse", form: ["reason": "越权"])],
            "POST /exams/{exam}/candidates/{number}/withdraw-excuse": [
                Probe(method: .post, uri: "/exams/\(x)/candidates/\(c)/withdraw-excuse", form: [:])
            ],
            "POST /exams/{exam}/candidates/{number}/remove": [Probe(method: .post, uri: "/exams/\(x)/candidates/\(c)/remove", form: [:])],
            "GET /exams/{exam}/results": [Probe(method: .get, uri: "/exams/\(x)/results")],
            "GET /exams/{exam}/results.csv": [Probe(method: .get, uri: "/exams/\(x)/results.csv")],
            "GET /exams/{exam}/results.xlsx": [Probe(method: .get, uri: "/exams/\(x)/results.xlsx")],
            "GET /exams/{exam}/statistics": [Probe(method: .get, uri: "/exams/\(x)/statistics")],
            "GET /exams/{exam}/statistics.csv": [Probe(method: .get, uri: "/exams/\(x)/statistics.csv")],
            "GET /exams/{exam}/statistics.xlsx": [Probe(method: .get, uri: "/exams/\(x)/statistics.xlsx")],
            "POST /marking/{attempt}/{position}": [Probe(method: .post, uri: "/marking/\(a)/0", form: ["score": "1"])],
            "GET /exams/{exam}/edit": [Probe(method: .get, uri: "/exams/\(x)/edit")],
            "POST /exams/{exam}/edit": [Probe(method: .post, uri: "/exams/\(x)/edit", form: ["title": "越权", "action": "save"])],
            "POST /exams/{exam}/delete": [Probe(method: .post, uri: "/exams/\(x)/delete", form: [:])],
            "POST /score-reviews/{review}/answer": [Probe(method: .post, uri: "/score-reviews/\(r)/answer", form: ["reply": "越权", "confirm": "1"])],
            "POST /score-reviews/{review}/reopen": [Probe(method: .post, uri: "/score-reviews/\(r)/reopen", form: [:])],
            "POST /score-reviews/{review}/mark/{position}": [Probe(method: .post, uri: "/score-reviews/\(r)/mark/0", form: ["score": "0"])],
            // Training sessions, attendance, sign-in and ratings: a session of another county (TrainingScopeTests).
            "GET /api/v1/training/sessions": [Probe(method: .get, uri: "/api/v1/training/sessions?unit=\(u)")],
            "POST /api/v1/training/sessions": [Probe(method: .post, uri: "/api/v1/training/sessions", json: session)],
            "GET /api/v1/training/sessions/{session}": [Probe(method: .get, uri: "/api/v1/training/sessions/\(t)")],
            "PUT /api/v1/training/sessions/{session}": [Probe(method: .put, uri: "/api/v1/training/sessions/\(t)", json: session)],
            "DELETE /api/v1/training/sessions/{session}": [Probe(method: .delete, uri: "/api/v1/training/sessions/\(t)")],
            "POST /api/v1/training/sessions/{session}/publish": [Probe(method: .post, uri: "/api/v1/training/sessions/\(t)/publish", json: "{}")],
            "POST /api/v1/training/sessions/{session}/close": [Probe(method: .post, uri: "/api/v1/training/sessions/\(t)/close", json: "{}")],
            "GET /api/v1/training/sessions/{session}/invitees": [Probe(method: .get, uri: "/api/v1/training/sessions/\(t)/invitees")],
            "POST /api/v1/training/sessions/{session}/invitees": [
                Probe(method: .post, uri: "/api/v1/training/sessions/\(t)/invitees", json: #"{"all":true}"#),
                Probe(method: .post, uri: "/api/v1/training/sessions/\(t)/invitees", json: #"{"staffNumbers":["\#(s)"]}"#),
            ],
            "DELETE /api/v1/training/sessions/{session}/invitees/{number}": [
                Probe(method: .delete, uri: "/api/v1/training/sessions/\(t)/invitees/\(s.urlEncoded)")
            ],
            "GET /api/v1/training/sessions/{session}/attendance": [Probe(method: .get, uri: "/api/v1/training/sessions/\(t)/attendance")],
            "POST /api/v1/training/sessions/{session}/attendance": [
                Probe(
                    method: .post, uri: "/api/v1/training/sessions/\(t)/attendance",
                    json: #"{"marks":[{"staffNumber":"\#(s)","day":"\#(day)","status":"absent"}],"amendmentReason":"越权"}"#)
            ],
            "POST /api/v1/training/sessions/{session}/attendance/import": [
                Probe(method: .post, uri: "/api/v1/training/sessions/\(t)/attendance/import", csv: "工号,日期,状态,学时,备注\n\(s),\(day),缺席,,\n")
            ],
            "GET /api/v1/training/sessions/{session}/sign-in-code": [Probe(method: .get, uri: "/api/v1/training/sessions/\(t)/sign-in-code")],
            "POST /api/v1/training/sessions/{session}/ratings": [Probe(method: .post, uri: "/api/v1/training/sessions/\(t)/ratings", json: #"{"score":1}"#)],
            "POST /api/v1/training/sign-in": [Probe(method: .post, uri: "/api/v1/training/sign-in", json: #"{"code":"000000","session":\#(t)}"#)],
            "GET /api/v1/training/ratings": ["session", "kind", "trainer"].map { Probe(method: .get, uri: "/api/v1/training/ratings?by=\($0)&unit=\(u)") },
            "GET /training": [Probe(method: .get, uri: "/training?unit=\(u)")],
            "POST /training": [Probe(method: .post, uri: "/training", form: sessionForm)],
            "GET /training/{session}": [Probe(method: .get, uri: "/training/\(t)")],
            "GET /training/{session}/edit": [Probe(method: .get, uri: "/training/\(t)/edit")],
            "POST /training/{session}/edit": [Probe(method: .post, uri: "/training/\(t)/edit", form: sessionForm)],
            "POST /training/{session}/publish": [Probe(method: .post, uri: "/training/\(t)/publish", form: [:])],
            "POST /training/{session}/close": [Probe(method: .post, uri: "/training/\(t)/close", form: [:])],
            "POST /training/{session}/delete": [Probe(method: .post, uri: "/training/\(t)/delete", form: [:])],
            "POST /training/{session}/invitees": [
                Probe(method: .post, uri: "/training/\(t)/invitees", form: ["all": "1"]),
                Probe(method: .post, uri: "/training/\(t)/invitees", form: ["staff_numbers": s]),
            ],
            "POST /training/{session}/invitees/{number}/remove": [Probe(method: .post, uri: "/training/\(t)/invitees/\(s.urlEncoded)/remove", form: [:])],
            "POST /training/{session}/attendance": [
                Probe(method: .post, uri: "/training/\(t)/attendance", form: ["day": day.description, "mark": "absent|\(s)", "amendment_reason": "越权"])
            ],
            "POST /training/{session}/attendance/import": [
                Probe(method: .post, uri: "/training/\(t)/attendance/import", form: ["csv": "工号,日期,状态,学时,备注\n\(s),\(day),缺席,,\n", "amendment_reason": "越权"])
            ],
            "GET /training/{session}/sheet": [Probe(method: .get, uri: "/training/\(t)/sheet")],
            "GET /training/{session}/sign-in-screen": [Probe(method: .get, uri: "/training/\(t)/sign-in-screen")],
            "POST /training/sign-in": [Probe(method: .post, uri: "/training/sign-in", form: ["code": "000000", "session": "\(t)"])],
            "POST /my/training/{session}/rating": [Probe(method: .post, uri: "/my/training/\(t)/rating", form: ["score": "1"])],
            // 成绩总览: another county, or an exam another county organised (ResultsOverviewPageTests).
            "GET /results": [Probe(method: .get, uri: "/results?unit=\(u)"), Probe(method: .get, uri: "/results?exam=\(x)")],
            "GET /results/{file}": ResultsOverviewController.Export.allCases.flatMap {
                [Probe(method: .get, uri: "/results/\($0.rawValue)?unit=\(u)"), Probe(method: .get, uri: "/results/\($0.rawValue)?exam=\(x)")]
            },
            "GET /api/v1/results/overview": [
                Probe(method: .get, uri: "/api/v1/results/overview?unit=\(u)"), Probe(method: .get, uri: "/api/v1/results/overview?exam=\(x)"),
            ],
            // Training dashboard, reports and planner (TrainingDashboardTests, TrainingPlanPageTests).
            "GET /training/dashboard": [Probe(method: .get, uri: "/training/dashboard?unit=\(u)")],
            "GET /training/reports/{file}": TrainingReportsController.Export.allCases.flatMap { export in
                ["csv", "xlsx"].map { Probe(method: .get, uri: "/training/reports/\(export.rawValue).\($0)?unit=\(u)") }
            },
            "GET /api/v1/training/reports/coverage": [Probe(method: .get, uri: "/api/v1/training/reports/coverage?unit=\(u)")],
            "GET /api/v1/training/reports/half-year": [Probe(method: .get, uri: "/api/v1/training/reports/half-year?unit=\(u)")],
            "GET /api/v1/training/reports/composition": [Probe(method: .get, uri: "/api/v1/training/reports/composition?unit=\(u)")],
            "GET /api/v1/training/reports/curriculum": [Probe(method: .get, uri: "/api/v1/training/reports/curriculum?unit=\(u)")],
            "GET /training/plan": [Probe(method: .get, uri: "/training/plan?unit=\(u)")],
            "POST /training/plan": ["preview", "apply"].map {
                Probe(method: .post, uri: "/training/plan", form: ["unit": u, "dates": "\(ChinaTime.civilDate(of: Date()))", "capacity": "30", "action": $0])
            },
            "POST /api/v1/training/plan": [false, true].map {
                Probe(method: .post, uri: "/api/v1/training/plan", json: #"{"unitCode":"\#(u)","dates":["\#(ChinaTime.civilDate(of: Date()))"],"capacity":30,"apply":\#($0)}"#)
            },
            // Expert pools and curriculum standards: an expert of another county's pool (ExpertAPITests, ExpertPagesTests).
            "GET /api/v1/experts": [Probe(method: .get, uri: "/api/v1/experts?unit=\(u)")],
            "POST /api/v1/experts": [Probe(method: .post, uri: "/api/v1/experts", json: #"{"unitCode":"\#(u)","name":"越权","category":"backbone"}"#)],
            "GET /api/v1/experts/activity": [Probe(method: .get, uri: "/api/v1/experts/activity?unit=\(u)")],
            "POST /api/v1/experts/import": [
                Probe(
                    method: .post, uri: "/api/v1/experts/import", csv: "姓名,单位编码,类别,专长,工作单位及职务,工号\n外县专家,\(u),业务骨干,越权,,\n",
                    refusedAs: [.unprocessableContent])
            ],
            "PUT /api/v1/experts/{expert}": [
                Probe(method: .put, uri: "/api/v1/experts/\(x2)", json: #"{"unitCode":"\#(u)","name":"越权","category":"backbone"}"#)
            ],
            "DELETE /api/v1/experts/{expert}": [Probe(method: .delete, uri: "/api/v1/experts/\(x2)")],
            "GET /api/v1/training/sessions/{session}/experts": [Probe(method: .get, uri: "/api/v1/training/sessions/\(t)/experts")],
            "POST /api/v1/training/standards": [
                Probe(method: .post, uri: "/api/v1/training/standards", json: #"{"post":"接访员","level":"村","hours":1,"topics":["越权"]}"#)
            ],
            "GET /experts": [Probe(method: .get, uri: "/experts?unit=\(u)")],
            "POST /experts": [Probe(method: .post, uri: "/experts", form: ["unit_code": u, "name": "越权", "category": "backbone"])],
            "POST /experts/import": [
                Probe(
                    method: .post, uri: "/experts/import", form: ["csv": "姓名,单位编码,类别,专长,工作单位及职务,工号\n外县专家,\(u),业务骨干,越权,,\n"],
                    refusedAs: [.unprocessableContent])
            ],
            "GET /experts/{expert}/edit": [Probe(method: .get, uri: "/experts/\(x2)/edit")],
            "POST /experts/{expert}/edit": [Probe(method: .post, uri: "/experts/\(x2)/edit", form: ["unit_code": u, "name": "越权", "category": "backbone"])],
            "POST /experts/{expert}/remove": [Probe(method: .post, uri: "/experts/\(x2)/remove", form: [:])],
            "POST /training/standards": [Probe(method: .post, uri: "/training/standards", form: ["post": "接访员", "level": "村", "hours": "1"])],
            "POST /training/{session}/trainers": [Probe(method: .post, uri: "/training/\(t)/trainers", form: ["expert": "\(x2)"])],
            // BZ-001 is in the shipped bank, which the province owns: a county changes only questions its county owns.
            "GET /bank/{id}/edit": [Probe(method: .get, uri: "/bank/BZ-001/edit")],
            "POST /bank/{id}/edit": [Probe(method: .post, uri: "/bank/BZ-001/edit", form: ["revision": "1", "reason": "越权", "stem": "越权"])],
            "POST /bank/{id}/retire": [Probe(method: .post, uri: "/bank/BZ-001/retire", form: ["reason": "越权"])],
            "POST /bank/{id}/restore": [Probe(method: .post, uri: "/bank/BZ-001/restore", form: ["reason": "越权"])],
            "POST /bank/import": [
                Probe(
                    method: .post, uri: "/bank/import?name=x.txt&confirm=1&force=1",
                    csv: "题号: BZ-001\n题型: 判断\n知识点: 越权\n难度: 1\n出处: 越权\n题干: 越权\n答案: 正确\n", refusedAs: [.unprocessableContent])
            ],
        ].merging(ContestScopeTests.probes(contest, outsideUnit: u, outsideStaff: s)) { own, _ in own }
            .merging(ContestPagesScopeTests.probes(contest, outsideUnit: u, outsideStaff: s)) { own, _ in own }
            .merging(ContestLiveScopeTests.probes(contest)) { own, _ in own }
            .merging(CertificateScopeTests.probes(certificate)) { own, _ in own }
            .merging(RatingScopeTests.probes(rating, outsideUnit: u, outsideStaff: s)) { own, _ in own }
            .merging(NationalQualificationScopeTests.probes(nq, outsideStaff: s)) { own, _ in own }
            .merging(CertificateComplianceScopeTests.probes(outsideUnit: u)) { own, _ in own }
            .merging(SelectionScopeTests.probes(selection, outsideUnit: u, outsideStaff: s)) { own, _ in own }
            .merging(SelectionPagesScopeTests.probes(selection, outsideUnit: u, outsideStaff: s)) { own, _ in own }
            .merging(SchoolScopeTests.probes(.none, outsideUnit: u)) { own, _ in own }
            .merging(RecommendationScopeTests.probes(outsideUnit: u)) { own, _ in own }
    }

    /// An exam outside the county, with a submitted attempt and a score review; ids default to ones that exist nowhere.
    struct OutsideExam: Sendable {
        var exam: Int64
        var attempt: Int64
        var staff: String
        var review: Int64
        /// The shipped blueprint as a JSON string, so a create request fails on scope, not on its content.
        var blueprintJSON = #""""#
        static let none = OutsideExam(exam: 0, attempt: 0, staff: "x", review: 0)
    }

    @Test func everyRouteIsProbedOrExplained() async throws {
        let app = try await TestApp.demo()
        let router = try await buildRouter(database: app.database, settings: app.settings)
        let known = Set(Self.unscoped.keys).union(Self.probes(outsideUnit: "x", outsideStaff: "y").keys)
        let routes = Set(router.routes.map(\.description))
        #expect(routes.subtracting(known).isEmpty, "routes without a scope probe: \(routes.subtracting(known).sorted())")
        #expect(known.subtracting(routes).isEmpty, "probes for routes that no longer exist: \(known.subtracting(routes).sorted())")
    }

    @Test func countyAdministratorIsRefusedOutsideTheCountyOnEveryRoute() async throws {
        let app = try await TestApp.demoWithExams()
        let anchors = try await app.anchors()
        let outside = try await app.outsideExam(unit: anchors.outsideUnit)
        let training = try await app.outsideTraining(unit: anchors.outsideUnit, staff: anchors.outsideStaff)
        let expert = try await app.outsideExpert(unit: anchors.outsideUnit)
        let contest = try await app.outsideContest(unit: anchors.outsideUnit, staff: anchors.outsideStaff)
        let certificate = try await app.outsideCertificate(exam: outside.exam, attempt: outside.attempt, staff: outside.staff)
        let probes = Self.probes(
            outsideUnit: anchors.outsideUnit, outsideStaff: anchors.outsideStaff,
            outsideExam: OutsideExam(
                exam: outside.exam, attempt: outside.attempt, staff: outside.staff, review: outside.review,
                blueprintJSON: String(decoding: try JSONEncoder().encode(try TestApp.shippedBlueprint().1), as: UTF8.self)),
            outsideTraining: training, outsideExpert: expert, outsideContest: contest, outsideCertificate: certificate,
            outsideRating: try await app.outsideRating(unit: anchors.outsideUnit),
            outsideNationalQualification: try await app.outsideNationalQualification(staff: anchors.outsideStaff),
            outsideSelection: try await app.outsideSelection(unit: anchors.outsideUnit))
        let nationalQualificationsBefore = try await app.database.nationalQualificationSnapshot()
        let selectionTablesBefore = try await app.database.selectionTablesSnapshot()
        let ratingTablesBefore = try await app.database.ratingTablesSnapshot()
        let certificatesBefore = try await app.database.certificateTableSnapshot()
        let expertTablesBefore = try await app.database.expertTablesSnapshot()
        let contestTablesBefore = try await app.database.contestTablesSnapshot()
        let examTablesBefore = try await app.database.examTablesSnapshot()
        let trainingTablesBefore = try await app.database.trainingTablesSnapshot()
        let accountsBefore = try await app.database.accounts(query: nil, unit: nil, page: PageRequest(page: 1, perPage: 200), for: try await app.database.operatorPrincipal())
        try await app.run { client in
            let county = try await client.logIn("county")
            for (route, requests) in probes.sorted(by: { $0.key < $1.key }) {
                for probe in requests {
                    let response =
                        if let csv = probe.csv {
                            try await client.upload(probe.uri, session: county, contentType: "text/csv", body: csv)
                        } else {
                            try await client.request(probe.method, probe.uri, session: county, json: probe.json, form: probe.form)
                        }
                    #expect(probe.refusedAs.contains(response.status), "\(route): \(probe.uri) answered \(response.status)")
                    #expect(!response.text.contains("lianbing-demo"))
                }
            }
            // The search form shows only in-scope accounts: the province admin is not among them.
            let page = try await client.request(.get, "/accounts?q=admin", session: county)
            #expect(!page.text.contains(">admin<"))
        }
        let accountsAfter = try await app.database.accounts(query: nil, unit: nil, page: PageRequest(page: 1, perPage: 200), for: try await app.database.operatorPrincipal())
        #expect(accountsAfter == accountsBefore, "a refused request changed accounts")
        #expect(try await app.database.examTablesSnapshot() == examTablesBefore, "a refused request changed an exam")
        #expect(try await app.database.trainingTablesSnapshot() == trainingTablesBefore, "a refused request changed a training session")
        #expect(try await app.database.expertTablesSnapshot() == expertTablesBefore, "a refused request changed an expert or a standard")
        #expect(try await app.database.certificateTableSnapshot() == certificatesBefore, "a refused request changed a certificate")
        #expect(try await app.database.contestTablesSnapshot() == contestTablesBefore, "a refused request changed a contest")
        #expect(try await app.database.ratingTablesSnapshot() == ratingTablesBefore, "a refused request changed a rating")
        #expect(try await app.database.nationalQualificationSnapshot() == nationalQualificationsBefore, "a refused request changed a qualification")
        #expect(try await app.database.selectionTablesSnapshot() == selectionTablesBefore, "a refused request changed a selection")
    }

    @Test func listsShowOnlyTheCallersSubtree() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        try await app.run { client in
            let county = try await client.logIn("county")
            let units = try await client.request(.get, "/api/v1/units", session: county).json([UnitJSON].self)
            #expect(units.first?.code == anchors.county)
            #expect(units.allSatisfy { $0.code.hasPrefix(String(anchors.county.prefix(6))) })
            let staff = try await client.request(.get, "/api/v1/staff?per_page=200", session: county).json(PageJSON<StaffJSON>.self)
            #expect(staff.total > 0)
            #expect(staff.items.allSatisfy { $0.unitCode.hasPrefix(String(anchors.county.prefix(6))) })
            #expect(!staff.items.contains { $0.number == anchors.outsideStaff })
            let accounts = try await client.request(.get, "/api/v1/accounts", session: county).json(PageJSON<AccountJSON>.self)
            #expect(Set(accounts.items.map(\.username)) == ["county", "staff"])
        }
    }

    @Test func staffRoleCannotManageOrBrowseTheRoster() async throws {
        try await TestApp.demo().run { client in
            let staff = try await client.logIn("staff")
            for uri in ["/api/v1/staff", "/api/v1/accounts", "/staff", "/accounts"] {
                #expect(try await client.request(.get, uri, session: staff).status == .forbidden, "\(uri)")
            }
            let trainer = try await client.logIn("trainer")
            #expect(try await client.request(.get, "/api/v1/staff", session: trainer).status == .ok)
            #expect(try await client.request(.get, "/api/v1/accounts", session: trainer).status == .forbidden)
        }
    }

    @Test func anonymousCallersAreSentToLoginOrRefused() async throws {
        try await TestApp.demo().run { client in
            let page = try await client.request(.get, "/staff?q=1")
            #expect(page.status == .found)
            #expect(page.headers[.location]?.hasPrefix("/login?next=") == true)
            #expect(try await client.request(.get, "/api/v1/units").status == .unauthorized)
        }
    }
}
