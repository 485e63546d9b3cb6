import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// The exam management pages: who sees them, creating an exam through the form, monitoring, and the
/// administrator's per-candidate actions.
@Suite struct ExamPagesTests {
    @Test("Given each role, then every exam management page renders for trainers and administrators and refuses staff")
    func pagesRenderForTrainersAndAdministrators() async throws {
        let app = try await TestApp.demoWithExams()
        let op = try await app.database.operatorPrincipal()
        let exams = try await app.database.exams(by: op)
        let open = exams.first { $0.phase == .open }!
        let released = exams.first { $0.status == .released }!
        let candidate = try await app.database.progress(ofExam: open.id, by: op)[0].staffNumber
        let uris = [
            "/exams", "/exams/new", "/exams/\(open.id)", "/exams/\(released.id)", "/exams/\(open.id)/candidates/\(candidate)",
            "/exams/\(released.id)/results", "/exams/\(released.id)/results.csv", "/exams/\(released.id)/statistics", "/marking",
            "/score-reviews",
        ]
        try await app.run { client in
            for login in ["trainer", "county", "admin"] {
                let session = try await client.logIn(login)
                for uri in uris {
                    #expect(try await client.request(.get, uri, session: session).status == .ok, "\(login) \(uri)")
                }
                let list = try await client.request(.get, "/exams", session: session).text
                #expect(list.contains(open.title) && list.contains(released.title))
            }
            let staff = try await client.logIn("staff")
            for uri in uris {
                #expect(try await client.request(.get, uri, session: staff).status == .forbidden, "staff \(uri)")
            }
        }
    }

    @Test("Given a trainer, then the pages show administrators' actions as theirs and do not offer them")
    func trainersAreNotOfferedAdministratorActions() async throws {
        let app = try await TestApp.demoWithExams()
        let exam = try await app.openDemoExam()
        let candidate = try await app.database.progress(ofExam: exam.id, by: try await app.database.operatorPrincipal())[0].staffNumber
        try await app.run { client in
            let trainer = try await client.logIn("trainer")
            let detail = try await client.request(.get, "/exams/\(exam.id)", session: trainer).text
            #expect(detail.contains("考试监控") && detail.contains("由管理员操作"))
            #expect(!detail.contains("/close\"") && !detail.contains("/candidates\"") && !detail.contains("详情与操作"))
            let page = try await client.request(.get, "/exams/\(exam.id)/candidates/\(candidate)", session: trainer).text
            #expect(!page.contains("批准免考") && !page.contains("/override\""))
            let refused = try await client.request(.post, "/exams/\(exam.id)/candidates/\(candidate)/excuse", session: trainer, form: ["reason": "出差"])
            #expect(refused.status == .forbidden)
            let county = try await client.logIn("county")
            let offered = try await client.request(.get, "/exams/\(exam.id)", session: county).text
            #expect(offered.contains("立即结束考试") && offered.contains("详情与操作") && offered.contains("加入考生"))
        }
        #expect(try await app.database.progress(ofExam: exam.id, by: try await app.database.operatorPrincipal()).allSatisfy { $0.standing != .excused })
    }

    @Test("Given an exam outside the county, then the county's lists never show it")
    func pagesAreScoped() async throws {
        let app = try await TestApp.demoWithExams()
        let outside = try await app.outsideExam(unit: try await app.anchors().outsideUnit)
        try await app.run { client in
            let county = try await client.logIn("county")
            for uri in ["/exams", "/marking", "/score-reviews"] {
                #expect(!(try await client.request(.get, uri, session: county).text.contains("外县考试")), "\(uri)")
            }
            let admin = try await client.logIn("admin")
            #expect(try await client.request(.get, "/exams", session: admin).text.contains("/exams/\(outside.exam)\""))
            #expect(try await client.request(.get, "/score-reviews", session: admin).text.contains("外县考试"))
        }
    }

    @Test("Given the create form, then the check reports before saving, an infeasible blueprint stores nothing, and a good one saves and publishes")
    func createThroughTheForm() async throws {
        let app = try await TestApp.demoWithExams()
        let county = try await app.anchors().county
        let (_, text) = try TestApp.shippedBlueprint()
        let greedy = text.replacingOccurrences(of: "功能平台 | 单选 | 1-5 | 3", with: "功能平台 | 单选 | 1-5 | 300")
            .replacingOccurrences(of: "法律法规 | 简答 | 1-5 | 1", with: "法律法规 | 简答 | 1-5 | 100")
        let posts = try await app.database.posts()
        let form = [
            "title": "第一季度集中考核", "unit_code": county, "opens_at": "2030-03-01T09:00", "closes_at": "2030-03-01T11:00",
            "duration_minutes": "90", "pass_mark": "60", "certifies": "1", "review_content": "keys", "review_timing": "after-close",
            "multiple_choice": "partial", "partial_percent": "50", "review_request_days": "10", "blueprint_text": text,
        ]
        try await app.run { client in
            let trainer = try await client.logIn("trainer")
            let check = try await client.request(.post, "/exams", session: trainer, form: form.merging(["action": "check", "post_0": posts[0]]) { $1 })
            #expect(check.status == .ok)
            #expect(check.text.contains("组卷规则可行") && check.text.contains("每份试卷 36 题，总分 100 分"))
            #expect(check.text.contains("value=\"\(posts[0])\" checked"), "the chosen post stays chosen")

            let before = try await app.database.examTablesSnapshot()
            let infeasible = form.merging(["blueprint_text": greedy, "title": "不可行的考试"]) { $1 }
            let report = try await client.request(.post, "/exams", session: trainer, form: infeasible.merging(["action": "check"]) { $1 })
            #expect(report.text.contains("组卷规则不可行") && report.text.contains("功能平台 · 单选") && report.text.contains("法律法规 · 简答"))
            let refused = try await client.request(.post, "/exams", session: trainer, form: infeasible.merging(["action": "save"]) { $1 })
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("未能保存") && refused.text.contains("功能平台 · 单选") && refused.text.contains("法律法规 · 简答"))
            #expect(refused.text.contains("value=\"不可行的考试\"") && refused.text.contains("1-5 | 300"), "what was typed stays")
            let unreadable = try await client.request(
                .post, "/exams", session: trainer, form: form.merging(["action": "save", "blueprint_text": "标题: 残缺", "pass_mark": "六十"]) { $1 })
            #expect(unreadable.status == .badRequest && unreadable.text.contains("组卷规则:") && unreadable.text.contains("合格分数须为数字"))
            #expect(try await app.database.examTablesSnapshot() == before)

            let saved = try await client.request(.post, "/exams", session: trainer, form: form.merging(["action": "save"]) { $1 })
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers[.location])
            let id = try #require(Int64(location.dropFirst("/exams/".count).prefix { $0.isNumber }))
            let exam = try await app.database.exam(id, by: try await app.database.operatorPrincipal())
            #expect(exam.title == "第一季度集中考核" && exam.status == .draft && exam.unitCode == county && exam.duration == 5_400)
            #expect(exam.certifies && exam.review == ReviewPolicy(content: .keys, timing: .afterClose) && exam.reviewRequestDays == 10)
            #expect(exam.multipleChoice == .partial(share: 0.5) && exam.opensAt == ChinaTime.parse("2030-03-01 09:00"))
            let draftPage = try await client.request(.get, location, session: trainer).text
            #expect(draftPage.contains("考试已创建为草稿") && draftPage.contains("发布考试"))

            let published = try await client.request(.post, "/exams/\(id)/publish", session: trainer, form: [:])
            #expect(published.status == .seeOther)
            #expect(try await app.database.exam(id, by: try await app.database.operatorPrincipal()).status == .published)
            let twice = try await client.request(.post, "/exams/\(id)/publish", session: trainer, form: [:])
            #expect(twice.status == .conflict && twice.text.contains("不能重复发布"))
        }
    }

    @Test("Given a draft, then its form comes back filled in, saves changes, and deletes; a published exam's settings stay")
    func editAndDeleteDrafts() async throws {
        let app = try await TestApp.demoWithExams()
        let county = try await app.anchors().county
        let (_, text) = try TestApp.shippedBlueprint()
        let op = try await app.database.operatorPrincipal()
        let form = [
            "title": "第二季度集中考核", "unit_code": county, "opens_at": "2030-06-01T09:00", "closes_at": "2030-06-01T11:00",
            "duration_minutes": "90", "pass_mark": "60", "review_content": "answers", "review_timing": "after-release",
            "multiple_choice": "partial", "partial_percent": "40", "review_request_days": "5", "blueprint_text": text, "action": "save",
        ]
        try await app.run { client in
            let trainer = try await client.logIn("trainer")
            let saved = try await client.request(.post, "/exams", session: trainer, form: form)
            let id = try #require(Self.examID(in: saved))
            let seed = try await app.database.exam(id, by: op).seed
            let detail = try await client.request(.get, "/exams/\(id)", session: trainer).text
            #expect(detail.contains("href=\"/exams/\(id)/edit\"") && detail.contains("action=\"/exams/\(id)/delete\""))

            let page = try await client.request(.get, "/exams/\(id)/edit", session: trainer).text
            #expect(page.contains("修改考试草稿") && page.contains("action=\"/exams/\(id)/edit\"") && page.contains("value=\"第二季度集中考核\""))
            #expect(page.contains("value=\"2030-06-01T09:00\"") && page.contains("value=\"40\"") && page.contains("value=\"5\""))
            #expect(page.contains("value=\"answers\" selected") && page.contains("value=\"partial\" checked") && page.contains("1-5 | 3"))

            let bad = try await client.request(.post, "/exams/\(id)/edit", session: trainer, form: form.merging(["closes_at": "2030-06-01T08:00"]) { $1 })
            #expect(bad.status == .badRequest && bad.text.contains("结束时间必须晚于开始时间") && bad.text.contains("action=\"/exams/\(id)/edit\""))
            let changed = form.merging(["title": "第二季度集中考核（调整）", "duration_minutes": "60", "multiple_choice": "all"]) { $1 }
            let edited = try await client.request(.post, "/exams/\(id)/edit", session: trainer, form: changed)
            #expect(edited.status == .seeOther && edited.headers[.location] == "/exams/\(id)?done=edited")
            let exam = try await app.database.exam(id, by: op)
            #expect(exam.title == "第二季度集中考核（调整）" && exam.duration == 3_600 && exam.multipleChoice == .allOrNothing)
            #expect(exam.seed == seed && exam.status == .draft && exam.review == ReviewPolicy(content: .answers, timing: .afterRelease))

            #expect(try await client.request(.post, "/exams/\(id)/publish", session: trainer, form: [:]).status == .seeOther)
            let closed = try await client.request(.get, "/exams/\(id)/edit", session: trainer)
            #expect(closed.status == .seeOther && closed.headers[.location] == "/exams/\(id)")
            let late = try await client.request(.post, "/exams/\(id)/edit", session: trainer, form: form)
            #expect(late.status == .conflict && late.text.contains("考试已发布，不能再修改设置"))
            #expect(try await client.request(.post, "/exams/\(id)/delete", session: trainer, form: [:]).status == .conflict)
            #expect(try await app.database.exam(id, by: op).title == "第二季度集中考核（调整）")

            let another = try await client.request(.post, "/exams", session: trainer, form: form)
            let draft = try #require(Self.examID(in: another))
            let deleted = try await client.request(.post, "/exams/\(draft)/delete", session: trainer, form: [:])
            #expect(deleted.status == .seeOther && deleted.headers[.location] == "/exams?done=deleted")
            #expect(try await client.request(.get, "/exams?done=deleted", session: trainer).text.contains("考试草稿已删除"))
            #expect(try await client.request(.get, "/exams/\(draft)", session: trainer).status == .notFound)
        }
    }

    /// The exam a `/exams/{id}…` redirect names.
    static func examID(in response: TestResponse) -> Int64? {
        response.headers[.location].flatMap { Int64($0.dropFirst("/exams/".count).prefix { $0.isNumber }) }
    }

    @Test("Given shipped blueprint files, then the form offers the assessment ones only")
    func shippedBlueprintsAreAssessmentsOnly() {
        let files = ShippedBlueprints(directory: TestApp.root.appendingPathComponent("Blueprints")).files().map(\.name)
        #expect(files.contains("季度集中考核.txt") && !files.contains("自测示例.txt"))
    }

    @Test("Given a candidate who has started, then the monitor shows them in progress with their answered count")
    func monitorShowsACandidateInProgress() async throws {
        let app = try await TestApp.demoWithExams()
        let exam = try await app.openDemoExam()
        let number = try await app.database.account("staff", for: try await app.database.operatorPrincipal()).account.staffNumber!
        try await app.run { client in
            let staff = try await client.logIn("staff")
            let view = try await client.request(.post, "/api/v1/my/exams/\(exam.id)/attempt", session: staff, json: "{}").json(AttemptView.self)
            for item in view.items.prefix(2) {
                try await client.request(.put, "/api/v1/my/attempts/\(view.id)/answers/\(item.position)", session: staff, json: ExamAPITests.someResponse(item))
            }
            let county = try await client.logIn("county")
            let page = try await client.request(.get, "/exams/\(exam.id)?q=\(number)", session: county).text
            #expect(page.contains(number) && page.contains("standing-in-progress") && page.contains("2/\(view.items.count)"))
            #expect(page.contains("data-refresh=\"20\"") && page.contains("符合条件 1 人"))
            let inProgress = try await client.request(.get, "/exams/\(exam.id)?standing=in-progress", session: county).text
            #expect(inProgress.contains(number) && inProgress.contains("符合条件 1 人"))
        }
    }

    @Test("Given an administrator's forms, then extending, excusing, reopening, removing and adding change the store")
    func candidateActionsChangeTheStore() async throws {
        let app = try await TestApp.demoWithExams()
        let exam = try await app.openDemoExam()
        let op = try await app.database.operatorPrincipal()
        let mine = try await app.database.account("staff", for: op).account.staffNumber!
        let others = try await app.database.progress(ofExam: exam.id, by: op).map(\.staffNumber).filter { $0 != mine }
        let (late, ill, leaving) = (others[0], others[1], others[2])
        @Sendable func standing(_ number: String) async throws -> CandidateProgress? {
            try await app.database.progress(ofExam: exam.id, by: op).first { $0.staffNumber == number }
        }
        try await app.run { client in
            let county = try await client.logIn("county")
            let base = "/exams/\(exam.id)/candidates"
            let extended = try await client.request(.post, "\(base)/\(late)/override", session: county, form: ["extra_minutes": "15"])
            #expect(extended.status == .seeOther && extended.headers[.location]?.hasPrefix("\(base)/\(late)?done=override") == true)
            #expect(try await standing(late)?.extraMinutes == 15)
            let empty = try await client.request(.post, "\(base)/\(late)/override", session: county, form: ["extra_minutes": "", "closes_at": ""])
            #expect(empty.status == .badRequest && empty.text.contains("请填写延长的分钟数或个人截止时间"))
            let typo = try await client.request(.post, "\(base)/\(late)/override", session: county, form: ["extra_minutes": "15", "closes_at": "明天"])
            #expect(typo.status == .badRequest && typo.text.contains("value=\"明天\""))

            #expect(try await client.request(.post, "\(base)/\(ill)/excuse", session: county, form: ["reason": " "]).text.contains("请填写免考原因"))
            #expect(try await client.request(.post, "\(base)/\(ill)/excuse", session: county, form: ["reason": "因病住院"]).status == .seeOther)
            let excused = try await standing(ill)
            #expect(excused?.standing == .excused && excused?.excusedReason == "因病住院")
            let page = try await client.request(.get, "\(base)/\(ill)?done=excused&who=\(ill)", session: county).text
            #expect(page.contains("已批准 \(ill) 免考") && page.contains("因病住院"))

            let staff = try await client.logIn("staff")
            let view = try await client.request(.post, "/api/v1/my/exams/\(exam.id)/attempt", session: staff, json: "{}").json(AttemptView.self)
            try await client.request(.post, "/api/v1/my/attempts/\(view.id)/submit", session: staff, json: "{}")
            #expect(try await standing(mine)?.standing == .submitted)
            #expect(try await client.request(.post, "\(base)/\(mine)/remove", session: county, form: [:]).status == .conflict)
            #expect(try await client.request(.post, "\(base)/\(mine)/reopen", session: county, form: ["minutes": "20"]).status == .seeOther)
            #expect(try await standing(mine)?.standing == .inProgress)

            let removed = try await client.request(.post, "\(base)/\(leaving)/remove", session: county, form: [:])
            #expect(removed.status == .seeOther && removed.headers[.location] == "/exams/\(exam.id)?done=removed&who=\(leaving)")
            #expect(try await standing(leaving) == nil)
            #expect(try await client.request(.post, base, session: county, form: ["staff_number": leaving]).status == .seeOther)
            #expect(try await standing(leaving)?.standing == .notStarted)
            let unknown = try await client.request(.post, base, session: county, form: ["staff_number": "NO-SUCH-1"])
            #expect(unknown.status == .notFound && unknown.text.contains("value=\"NO-SUCH-1\""))
        }
    }
}
