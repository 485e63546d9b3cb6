import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// What trainers tripped over: marking names no candidate, keeps its place and allows revising before release; a
/// score review's reply states the change the marks made, is confirmed, and reopens; the statistics speak plainly.
@Suite struct MarkingAndReviewPagesTests {
    /// Writes an answer to each short answer (a blank one is scored 0 at once) and submits.
    static func answerShortAnswers(_ view: AttemptView, _ app: TestApp, _ staff: Principal) async throws {
        for item in view.items where item.kind == .shortAnswer {
            _ = try await app.database.saveAnswer(attempt: view.id, position: item.position, response: .text("按规定办理"), by: staff)
        }
        _ = try await app.database.submitAttempt(view.id, by: staff)
    }

    @Test("Given two short answers to mark, then the page names no candidate, each mark returns to the next answer, and marks are revisable until release")
    func markingIsAnonymousKeepsItsPlaceAndRevisesBeforeRelease() async throws {
        let app = try await TestApp.demoWithExams()
        let exam = try await app.openDemoExam()
        let op = try await app.database.operatorPrincipal()
        let staff = try await RecommendationPagesTests.staff(app)
        let number = try #require(staff.staffNumber)
        let name = try await app.database.staffMember(number, for: op).staff.name
        let view = try await app.database.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await Self.answerShortAnswers(view, app, staff)
        let queue = try await app.database.markingQueue(exam: exam.id, by: op)
        try #require(queue.count == 2)
        let anchors = queue.map { "a\($0.attemptId)-\($0.position)" }

        try await app.run { client in
            let trainer = try await client.logIn("trainer")
            let page = try await client.request(.get, "/marking?exam=\(exam.id)", session: trainer).text
            #expect(page.contains("答卷 \(view.id)") && page.contains("id=\"\(anchors[0])\""))
            #expect(!page.contains(number) && !page.contains(name), "marking is anonymous")
            #expect(page.contains("name=\"next\" value=\"\(anchors[1])\""))

            let first = try await client.request(
                .post, "/marking/\(queue[0].attemptId)/\(queue[0].position)", session: trainer,
                form: ["score": "2", "exam": String(exam.id), "next": anchors[1]])
            #expect(first.status == .seeOther && first.headers[.location] == "/marking?done=marked&exam=\(exam.id)#\(anchors[1])")
            let last = try await client.request(
                .post, "/marking/\(queue[1].attemptId)/\(queue[1].position)", session: trainer,
                form: ["score": "3", "exam": String(exam.id), "next": "javascript:alert(1)"])
            #expect(last.status == .seeOther && last.headers[.location] == "/marking?done=marked&exam=\(exam.id)", "only an answer's anchor travels")

            let marked = try await client.request(.get, "/marking?view=marked&exam=\(exam.id)", session: trainer).text
            #expect(marked.contains("已评 2 分") && marked.contains("已评 3 分") && marked.contains("改为此分"))
            #expect(marked.contains("name=\"view\" value=\"marked\"") && !marked.contains(number))
            let revised = try await client.request(
                .post, "/marking/\(queue[0].attemptId)/\(queue[0].position)", session: trainer,
                form: ["score": "5", "exam": String(exam.id), "view": "marked", "next": anchors[0]])
            #expect(revised.headers[.location] == "/marking?done=marked&exam=\(exam.id)&view=marked#\(anchors[0])")
            let listed = try await app.database.markedAnswers(exam: exam.id, page: PageRequest(page: 1, perPage: 20), by: op)
            #expect(listed.items.first.map { "a\($0.attemptId)-\($0.position)" } == anchors[0] && listed.items.first?.score == 5)

            _ = try await app.database.closeExam(exam.id, by: op)
            _ = try await app.database.releaseResults(exam.id, by: op)
            #expect(try await client.request(.get, "/marking?view=marked&exam=\(exam.id)", session: trainer).text.contains("没有可修改的评分"))
            let late = try await client.request(
                .post, "/marking/\(queue[0].attemptId)/\(queue[0].position)", session: trainer,
                form: ["score": "0", "exam": String(exam.id), "view": "marked"])
            #expect(late.status == .conflict && late.text.contains("成绩已发布"))
        }
    }

    @Test("Given a score review, then the reply page states the computed result, a reply needs confirming it, the record shows it, and an answered review reopens")
    func replyStatesTheChangeAndReopens() async throws {
        let app = try await TestApp.demoWithExams()
        let op = try await app.database.operatorPrincipal()
        let county = try await app.anchors().county
        let (blueprint, text) = try TestApp.shippedBlueprint()
        let now = app.database.clock()
        let draft = ExamDraft(
            title: "复核答复", blueprint: blueprint, blueprintText: text, unitCode: county, opensAt: now.addingTimeInterval(-60),
            closesAt: now.addingTimeInterval(3_600), durationMinutes: 30, passMark: 0, review: ReviewPolicy(content: .keys, timing: .afterRelease),
            seed: 12)
        let exam = try await app.database.publishExam(try await app.database.createExam(draft, by: op).id, by: op)
        let staff = try await RecommendationPagesTests.staff(app)
        let view = try await app.database.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await Self.answerShortAnswers(view, app, staff)
        _ = try await app.database.closeExam(exam.id, by: op)
        let short = try #require(try await app.database.markingQueue(exam: exam.id, by: op).first)
        for item in try await app.database.markingQueue(exam: exam.id, by: op) {
            try await app.database.markAnswer(attempt: item.attemptId, position: item.position, score: 0, by: op)
        }
        _ = try await app.database.releaseResults(exam.id, by: op)
        let review = try await app.database.requestScoreReview(exam: exam.id, reason: "简答题请复核", by: staff)

        try await app.run { client in
            let trainer = try await client.logIn("trainer")
            let session = try await client.logIn("staff")
            let pending = try await client.request(.get, "/score-reviews", session: trainer).text
            #expect(pending.contains("维持原分（0 分）") && pending.contains("name=\"confirm\" value=\"1\" required"))
            #expect(pending.contains("name=\"expected\" value=\"0.0\""))
            let answer = "/score-reviews/\(review.id)/answer"
            let unconfirmed = try await client.request(.post, answer, session: trainer, form: ["reply": "经复核，改为 5 分", "expected": "0.0"])
            #expect(unconfirmed.status == .badRequest && unconfirmed.text.contains("勾选确认"))
            let claimed = try await client.request(
                .post, answer, session: trainer, form: ["reply": "经复核，改为 5 分", "expected": "5", "confirm": "1"])
            #expect(claimed.status == .conflict && claimed.text.contains("复核结果已变化"))
            let kept = try await client.request(.post, answer, session: trainer, form: ["reply": "经复核，维持原分", "expected": "0.0", "confirm": "1"])
            #expect(kept.status == .seeOther)
            let record = try await client.request(.get, "/my/record", session: session).text
            #expect(record.contains("复核结果：维持原分（0 分）") && !record.contains("复核前"))

            let reopened = try await client.request(.post, "/score-reviews/\(review.id)/reopen", session: trainer, form: [:])
            #expect(reopened.status == .seeOther && reopened.headers[.location] == "/score-reviews?done=review-reopened#r\(review.id)")
            #expect(try await client.request(.get, "/my/record", session: session).text.contains("等待答复"))
            #expect(try await app.database.auditLog(AuditFilter(action: "exam.review.reopen"), page: PageRequest(page: 1, perPage: 5), by: op).total == 1)
            let remark = try await client.request(
                .post, "/score-reviews/\(review.id)/mark/\(short.position)", session: trainer, form: ["score": "3"])
            #expect(remark.status == .seeOther)
            let changed = try await client.request(.get, "/score-reviews", session: trainer).text
            #expect(changed.contains("由 0 分改为 3 分") && changed.contains("name=\"expected\" value=\"3.0\""))
            let answered = try await client.request(.post, answer, session: trainer, form: ["reply": "经复核，简答题加 3 分", "expected": "3.0", "confirm": "1"])
            #expect(answered.status == .seeOther)
            #expect(try await client.request(.get, "/my/record", session: session).text.contains("复核结果：由 0 分改为 3 分"))
            #expect(try await client.request(.get, "/score-reviews", session: trainer).text.contains("action=\"/score-reviews/\(review.id)/reopen\""))
        }
    }

    @Test("Given the statistics page, then it speaks plain Chinese: no Moodle or CIC, and every measure with its one-line explanation")
    func statisticsSpeakPlainly() async throws {
        let app = try await TestApp.demoWithExams()
        let op = try await app.database.operatorPrincipal()
        let released = try #require(try await app.database.exams(by: op).first { $0.status == .released })
        let statistics = try await app.database.statistics(ofExam: released.id, by: op)
        let view = StatisticsView(statistics, difficulties: [:])
        try await app.run { client in
            let page = try await client.request(.get, "/exams/\(released.id)/statistics", session: try await client.logIn("trainer")).text
            #expect(!page.contains("Moodle") && !page.contains("CIC"))
            for measure in view.facts {
                #expect(!measure.note.isEmpty && page.contains("<dt>\(measure.label)</dt><dd>\(measure.value)<br><small class=\"muted\">\(measure.note)</small>"))
            }
            for column in ["标定难度", "得分率", "得分标准差", "区分度", "区分效率", "高低分组差"] {
                let note = try #require(view.columns.first { $0.label == column }?.note)
                #expect(page.contains("<th class=\"num\">\(column)</th>") && page.contains("<dt>\(column)</dt><dd>\(note)</dd>"))
            }
            let line = try #require(view.lines.first { $0.discriminationIndex != "—" })
            #expect(line.discriminationIndex.hasSuffix("%") && line.discriminativeEfficiency.hasSuffix("%"), "区分度 reads as a percentage, like the rest")
        }
    }
}
