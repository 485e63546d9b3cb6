import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
import LianbingFormats
@testable import LianbingServer
import LianbingStore
import Testing

/// The staff pages: exams, taking one, self-tests, the wrong-question book, mastery and the record.
@Suite struct MyPagesTests {
    static let pages = ["/my/exams", "/my/practice", "/my/record", "/my/mastery", "/my/wrong-questions"]

    @Test("Given the staff login, then every staff page renders in Chinese, and starting leads to the taking page")
    func pagesRenderForStaff() async throws {
        let app = try await TestApp.demoWithExams()
        let exam = try await app.openDemoExam()
        try await app.run { client in
            let staff = try await client.logIn("staff")
            for path in Self.pages {
                let page = try await client.request(.get, path, session: staff)
                #expect(page.status == .ok, "\(path)")
                #expect(page.text.contains("<html lang=\"zh-CN\">") && page.text.contains("/assets/take.css"), "\(path)")
            }
            #expect(try await client.request(.get, "/my/exams", session: staff).text.contains(exam.title))
            let started = try await client.request(.post, "/my/exams/\(exam.id)/start", session: staff, form: [:])
            #expect(started.status == .seeOther)
            let location = try #require(started.headers[.location])
            #expect(location.hasPrefix("/my/attempts/"))
            let take = try await client.request(.get, location, session: staff)
            #expect(take.status == .ok && take.text.contains("id=\"take\"") && take.text.contains("/assets/take.js"))
            #expect(try await client.request(.get, "/my/exams", session: staff).text.contains("继续作答"))

            let practice = try await client.request(.post, "/my/practice", session: staff, form: ["kp": "法律法规", "length": "5"])
            #expect(practice.status == .seeOther)
            let selfTest = try await client.request(.get, try #require(practice.headers[.location]), session: staff)
            #expect(selfTest.status == .ok && selfTest.text.contains("id=\"practice\"") && selfTest.text.contains("/assets/practice.js"))
        }
    }

    @Test("Given several ticked knowledge points, then the self-test draws from all of them")
    func practiceFormTakesEveryTickedPoint() async throws {
        #expect(MyPagesController.values(of: "kp", in: "_csrf=x&kp=%E6%B3%95&length=5&kp=a+b") == ["法", "a b"])
        let app = try await TestApp.demoWithExams()
        try await app.run { client in
            let staff = try await client.logIn("staff")
            let points = try await client.request(.get, "/api/v1/my/practice-points", session: staff).json([PracticePoint].self)
            let top = try #require(points.first { !$0.knowledgePoint.contains("/") })
            let under = points.filter { $0.knowledgePoint.hasPrefix(top.knowledgePoint + "/") }
            #expect(!under.isEmpty && top.questions <= under.map(\.questions).reduce(0, +))
            let two = Array(points.filter { $0.knowledgePoint.contains("/") }.prefix(2))
            guard two.count == 2 else {
                Issue.record("fewer than two practice knowledge points: \(points)")
                return
            }
            let body = "kp=\(Client.encode(two[0].knowledgePoint))&kp=\(Client.encode(two[1].knowledgePoint))&length=100&_csrf=\(staff.csrf)"
            let started = try await client.inner.execute(
                uri: "/my/practice", method: .post,
                headers: [.cookie: staff.cookie, .contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body))
            #expect(started.status == .seeOther)
            let selfTests = try await client.request(.get, "/api/v1/my/self-tests", session: staff).json([AttemptSummary].self)
            // Both points were drawn on: more than either holds, at most both together.
            let drawn = selfTests.first?.questions ?? 0
            #expect(drawn > max(two[0].questions, two[1].questions) && drawn <= two[0].questions + two[1].questions)
        }
    }

    @Test("Given no session, then every staff page sends the visitor to the login page")
    func anonymousGoesToLogin() async throws {
        try await TestApp.demo().run { client in
            for path in Self.pages + ["/my/attempts/1", "/my/self-tests/1"] {
                let page = try await client.request(.get, path)
                #expect(page.status == .found, "\(path)")
                #expect(page.headers[.location]?.hasPrefix("/login?next=") == true, "\(path)")
            }
        }
    }

    @Test("Given another person's attempt, then its pages do not exist")
    func someoneElsesAttemptIsMissing() async throws {
        let app = try await TestApp.demoWithExams()
        let anchors = try await app.anchors()
        let outside = try await app.outsideExam(unit: anchors.outsideUnit)
        try await app.run { client in
            let staff = try await client.logIn("staff")
            #expect(try await client.request(.get, "/my/attempts/\(outside.attempt)", session: staff).status == .notFound)
            #expect(try await client.request(.get, "/my/self-tests/\(outside.attempt)", session: staff).status == .notFound)
            #expect(try await client.request(.post, "/my/exams/\(outside.exam)/start", session: staff, form: [:]).status == .notFound)
            let review = try await client.request(.post, "/my/exams/\(outside.exam)/score-review", session: staff, form: ["reason": "越权"])
            #expect(review.status == .notFound)
        }
    }

    @Test("Given a stem holding markup, then every page shows it as text")
    func stemsAreEscaped() async throws {
        let app = try await TestApp.demoWithExams()
        let text = """
            题号: XSS-001
            题型: 判断
            知识点: 测试/转义
            难度: 1
            用途: 练习
            出处: 测试
            题干: <script>alert("练兵")</script><b>粗体</b>
            答案: 错误
            解析: 解析里的 <img src=x onerror=alert(1)> 也只是文字。
            """
        let bank = try BankText.read(Data(text.utf8), file: "xss.txt").get()
        _ = try await app.database.importQuestions(bank, note: "xss", by: try await app.database.operatorPrincipal())
        try await app.run { client in
            let staff = try await client.logIn("staff")
            let started = try await client.request(
                .post, "/api/v1/my/self-tests", session: staff, json: #"{"knowledgePoints":["测试/转义"],"length":1}"#)
            let view = try started.json(AttemptView.self)
            var pages = [try await client.request(.get, "/my/self-tests/\(view.id)", session: staff).text]
            let answered = try await client.request(
                .post, "/api/v1/my/self-tests/\(view.id)/answers/0", session: staff, json: #"{"response":{"trueFalse":true}}"#)
            #expect(answered.status == .ok)
            pages.append(try await client.request(.get, "/my/self-tests/\(view.id)", session: staff).text)
            pages.append(try await client.request(.get, "/my/wrong-questions", session: staff).text)
            for page in pages {
                #expect(page.contains("&lt;script&gt;alert("))
                #expect(!page.contains("<script>alert") && !page.contains("<b>粗体") && !page.contains("<img src=x"))
            }
            #expect(pages[1].contains("解析：解析里的 &lt;img"))
            #expect(pages[2].contains("再答对 2 次移出"))
        }
    }

    @Test("Given a centralised attempt in progress, then no staff page carries a key, a reference answer or an explanation")
    func inProgressPagesHoldNoKeys() async throws {
        let app = try await TestApp.demoWithExams()
        let exam = try await app.openDemoExam()
        let op = try await app.database.operatorPrincipal()
        let staffNumber = try await app.database.account("staff", for: op).account.staffNumber!
        let paper = try await app.database.papers(ofExam: exam.id, by: op).first { $0.staffNumber == staffNumber }!.paper
        var secrets: [String] = []
        for item in paper.items {
            let question = try await app.database.question(item.questionId, revision: item.revision, for: op).listing.question
            secrets.append(question.explanation)
            if case .shortAnswer(let reference, let points) = question.answer { secrets += [reference] + points }
        }
        let leaks = secrets.filter { !$0.isEmpty }
        try await app.run { client in
            let staff = try await client.logIn("staff")
            let location = try #require(
                try await client.request(.post, "/my/exams/\(exam.id)/start", session: staff, form: [:]).headers[.location])
            let take = try await client.request(.get, location, session: staff).text
            #expect(take.contains("&quot;stem&quot;"))
            var pages = [take]
            for path in Self.pages { pages.append(try await client.request(.get, path, session: staff).text) }
            for page in pages {
                for secret in leaks { #expect(!page.contains(secret), "leaked: \(secret)") }
                #expect(!page.contains("&quot;key&quot;") && !page.contains("&quot;explanation&quot;") && !page.contains("正确答案"))
            }
        }
    }

    @Test("Given a released exam, then the record shows the result, the answers the policy allows and takes one score review")
    func releasedResultAndScoreReview() async throws {
        let app = try await TestApp.demoWithExams()
        let op = try await app.database.operatorPrincipal()
        let county = try await app.anchors().county
        let (blueprint, text) = try TestApp.shippedBlueprint()
        let now = app.database.clock()
        let draft = ExamDraft(
            title: "复核演练", blueprint: blueprint, blueprintText: text, unitCode: county, opensAt: now.addingTimeInterval(-60),
            closesAt: now.addingTimeInterval(3_600), durationMinutes: 30, passMark: 0, certifies: true,
            review: ReviewPolicy(content: .keys, timing: .afterRelease), seed: 11)
        let exam = try await app.database.publishExam(try await app.database.createExam(draft, by: op).id, by: op)
        try await app.run { client in
            let staff = try await client.logIn("staff")
            let view = try await client.request(.post, "/api/v1/my/exams/\(exam.id)/attempt", session: staff, json: "{}").json(AttemptView.self)
            _ = try await client.request(.post, "/api/v1/my/attempts/\(view.id)/submit", session: staff, json: "{}")
            let waiting = try await client.request(.get, "/my/attempts/\(view.id)", session: staff).text
            #expect(waiting.contains("成绩尚未公布") && !waiting.contains("解析："))
            _ = try await app.database.closeExam(exam.id, by: op)
            for item in try await app.database.markingQueue(exam: exam.id, by: op) {
                try await app.database.markAnswer(attempt: item.attemptId, position: item.position, score: 0, by: op)
            }
            _ = try await app.database.releaseResults(exam.id, by: op)
            let released = try await client.request(.get, "/my/attempts/\(view.id)", session: staff).text
            #expect(released.contains("0 / 100 分") && released.contains("解析：") && released.contains("我的作答：</span><span class=\"own-answer\">未作答"))
            let record = try await client.request(.get, "/my/record", session: staff).text
            #expect(record.contains("复核演练") && record.contains("证书（即将推出）") && record.contains("申请成绩复核"))
            #expect(record.contains("<dd>已交卷 · 成绩已发布</dd>"), "the record says the results are out")
            let requested = try await client.request(
                .post, "/my/exams/\(exam.id)/score-review", session: staff, form: ["reason": "第 3 题 <b>请复核</b>"])
            #expect(requested.status == .seeOther)
            let after = try await client.request(.get, "/my/record", session: staff).text
            #expect(after.contains("第 3 题 &lt;b&gt;请复核&lt;/b&gt;") && after.contains("等待答复") && !after.contains("申请成绩复核</button>"))
        }
    }
}
