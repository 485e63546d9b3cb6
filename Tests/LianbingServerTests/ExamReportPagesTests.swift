import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
import LianbingFormats
@testable import LianbingServer
import LianbingStore
import Testing

/// What follows the window: closing, marking, releasing, results, item statistics and score reviews in the browser.
@Suite struct ExamReportPagesTests {
    @Test("Given a submitted paper, then the page says why results wait, marking clears the queue, and release follows")
    func closeMarkReleaseAndAnswerAReview() async throws {
        let app = try await TestApp.demoWithExams()
        let exam = try await app.openDemoExam()
        let op = try await app.database.operatorPrincipal()
        try await app.run { client in
            let staff = try await client.logIn("staff")
            let view = try await client.request(.post, "/api/v1/my/exams/\(exam.id)/attempt", session: staff, json: "{}").json(AttemptView.self)
            for item in view.items {
                try await client.request(.put, "/api/v1/my/attempts/\(view.id)/answers/\(item.position)", session: staff, json: ExamAPITests.someResponse(item))
            }
            try await client.request(.post, "/api/v1/my/attempts/\(view.id)/submit", session: staff, json: "{}")

            let county = try await client.logIn("county")
            #expect(try await client.request(.get, "/exams/\(exam.id)", session: county).text.contains("考试尚未结束"))
            #expect(try await client.request(.post, "/exams/\(exam.id)/close", session: county, form: [:]).status == .seeOther)
            let waiting = try await client.request(.get, "/exams/\(exam.id)", session: county).text
            #expect(waiting.contains("暂不能发布成绩") && waiting.contains("简答题未阅完") && !waiting.contains("/release\""))
            #expect(try await client.request(.post, "/exams/\(exam.id)/release", session: county, form: [:]).status == .conflict)

            let queue = try await app.database.markingQueue(exam: exam.id, by: op)
            #expect(!queue.isEmpty)
            let trainer = try await client.logIn("trainer")
            let marking = try await client.request(.get, "/marking?exam=\(exam.id)", session: trainer).text
            #expect(marking.contains("按规定办理") && marking.contains(queue[0].reference) && marking.contains("step=\"0.5\""))
            let first = queue[0]
            let tooMuch = try await client.request(
                .post, "/marking/\(first.attemptId)/\(first.position)", session: trainer,
                form: ["score": String(first.points + 1), "comment": "要点齐全", "exam": String(exam.id)])
            #expect(tooMuch.status == .badRequest && tooMuch.text.contains("得分须在") && tooMuch.text.contains("value=\"要点齐全\""))
            for item in queue {
                let marked = try await client.request(
                    .post, "/marking/\(item.attemptId)/\(item.position)", session: trainer, form: ["score": "5.5", "exam": String(exam.id)])
                #expect(marked.status == .seeOther && marked.headers[.location]?.hasPrefix("/marking?done=marked&exam=\(exam.id)") == true)
            }
            #expect(try await app.database.markingQueue(exam: exam.id, by: op).isEmpty)
            #expect(try await client.request(.get, "/marking?exam=\(exam.id)", session: trainer).text.contains("阅卷队列已清空"))

            #expect(try await client.request(.get, "/exams/\(exam.id)", session: county).text.contains("/release\""))
            #expect(try await client.request(.post, "/exams/\(exam.id)/release", session: county, form: [:]).status == .seeOther)
            #expect(try await app.database.exam(exam.id, by: op).status == .released)
            // Released: the marking API no longer changes a mark outside a score review.
            let outside = try await client.request(
                .post, "/api/v1/marking/\(first.attemptId)/\(first.position)", session: trainer, json: #"{"score":1}"#)
            #expect(outside.status == .conflict && outside.text.contains("成绩复核"))

            let asked = try await client.request(.post, "/api/v1/my/exams/\(exam.id)/score-review", session: staff, json: #"{"reason":"简答题给分偏低"}"#)
            #expect(asked.status == .created)
            let reviews = try await client.request(.get, "/score-reviews", session: trainer).text
            #expect(reviews.contains("简答题给分偏低") && reviews.contains("复核结论"))
            let review = try await app.database.scoreReviews(exam: exam.id, by: op)[0]
            let short = try #require(queue.first { $0.attemptId == review.attemptId })
            let remarkURI = "/score-reviews/\(review.id)/mark/\(short.position)"
            #expect(reviews.contains("已评 5.5 分") && reviews.contains("action=\"\(remarkURI)\"") && reviews.contains(short.reference))
            let refused = try await client.request(.post, remarkURI, session: trainer, form: ["score": "很多"])
            #expect(refused.status == .badRequest && refused.text.contains("请填写得分") && refused.text.contains("value=\"很多\""))
            let remarked = try await client.request(.post, remarkURI, session: trainer, form: ["score": "7", "comment": "复核改分"])
            #expect(remarked.status == .seeOther && remarked.headers[.location] == "/score-reviews?done=remarked#r\(review.id)")
            let page = try await client.request(.get, "/score-reviews?done=remarked", session: trainer).text
            #expect(page.contains("已重新评分") && page.contains("已评 7 分") && page.contains("value=\"复核改分\""))
            let changes = try await app.database.scoreChanges(ofExam: exam.id, by: op)
            #expect(changes.count == 1 && changes[0].scoreAfter == changes[0].scoreBefore.map { $0 + 1.5 })
            let results = try await client.request(.get, "/exams/\(exam.id)/results", session: county).text
            #expect(results.contains("合格与否发生了变化") == changes[0].changesOutcome)

            let blank = try await client.request(.post, "/score-reviews/\(review.id)/answer", session: trainer, form: ["reply": "", "confirm": "1"])
            #expect(blank.status == .badRequest && blank.text.contains("请填写复核结论"))
            #expect(blank.text.components(separatedBy: "请填写复核结论").count == 2, "the refusal shows once, by the reply, not in each answer")
            let answered = try await client.request(
                .post, "/score-reviews/\(review.id)/answer", session: trainer, form: ["reply": "经复核，加 1.5 分", "confirm": "1"])
            #expect(answered.status == .seeOther)
            let after = try await app.database.scoreReviews(exam: exam.id, by: op)[0]
            #expect(after.reply == "经复核，加 1.5 分" && after.answeredBy != nil)
            #expect(after.scoreAfter == after.scoreBefore.map { $0 + 1.5 })
            let listed = try await client.request(.get, "/score-reviews", session: trainer).text
            #expect(listed.contains("经复核，加 1.5 分") && listed.contains("没有待答复的复核申请") && !listed.contains(remarkURI))
            let late = try await client.request(.post, remarkURI, session: trainer, form: ["score": "0"])
            #expect(late.status == .conflict && late.text.contains("该申请已答复"))
        }
    }

    @Test("Given released results, then the page filters by unit and sorts, and the CSV has a BOM and Chinese headers")
    func resultsFilterAndExport() async throws {
        let app = try await TestApp.demoWithExams()
        let op = try await app.database.operatorPrincipal()
        let released = try await app.database.exams(by: op).first { $0.status == .released }!
        let results = try await app.database.results(ofExam: released.id, by: op)
        let units = Dictionary(grouping: results, by: \.row.unitCode)
        let (chosen, other) = try #require(units.filter { $0.value.count > 1 }.map(\.key).sorted().first.map { code in
            (code, units.keys.first { $0 != code }!)
        })
        try await app.run { client in
            let county = try await client.logIn("county")
            let page = try await client.request(.get, "/exams/\(released.id)/results?unit=\(chosen)", session: county).text
            #expect(units[chosen]!.allSatisfy { page.contains(">\($0.row.staffNumber)<") })
            #expect(units[other]!.allSatisfy { !page.contains(">\($0.row.staffNumber)<") })
            #expect(page.contains("value=\"\(chosen)\" selected") && page.contains("results.csv?unit=\(chosen)"))
            let byTime = try await client.request(.get, "/exams/\(released.id)/results?sort=time", session: county)
            #expect(byTime.status == .ok && byTime.text.contains("aria-sort=\"ascending\"><a href=\"/exams/\(released.id)/results?sort=time\">用时"))

            let csv = try await client.request(.get, "/exams/\(released.id)/results.csv", session: county)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let bytes = Data(buffer: csv.body)
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            #expect(text.hasPrefix(ResultsCSV.header.joined(separator: ",") + "\r\n"))
            #expect(text.split(separator: "\r\n").count == results.count + 1)
            let filtered = try await client.request(.get, "/exams/\(released.id)/results.csv?unit=\(chosen)", session: county)
            #expect(String(buffer: filtered.body).split(separator: "\r\n").count == units[chosen]!.count + 1)
        }
    }

    @Test("Given equal scores, then ranks read 1, 1, 3 in every order, and sorting by time keeps unfinished candidates last")
    func resultsTableRanksAndSorts() {
        func row(_ number: String, _ score: Double?, _ outcome: CandidateOutcome, _ seconds: Int?) -> ResultRow {
            ResultRow(unitCode: "U\(number)", unitName: "单位\(number)", staffNumber: number, name: "考生\(number)", score: score, outcome: outcome, timeUsedSeconds: seconds)
        }
        let ranked = ResultRanking.rank([
            row("A", 90, .passed, 1_800), row("B", 90, .passed, 1_200), row("C", 80, .passed, 600), row("D", nil, .absent, nil),
        ])
        let table = ResultsTable(ranked, examId: 1, unit: nil, order: .rank)
        #expect(table.lines.map(\.rank) == ["1", "1", "3", "—"] && table.lines.map(\.staffNumber) == ["B", "A", "C", "D"])
        #expect(ResultsTable(ranked, examId: 1, unit: nil, order: .time).lines.map(\.staffNumber) == ["C", "B", "A", "D"])
        #expect(ResultsTable(ranked, examId: 1, unit: "UC", order: .rank).lines.map(\.rank) == ["3"])
        #expect(table.summary == "共 4 人：合格 3 人，缺考 1 人")
    }

    @Test("Given a question the stronger candidates got wrong, then the statistics page lists it first, highlighted, with the reason")
    func statisticsHighlightAFlaggedQuestion() async throws {
        let app = try await TestApp.demoWithExams()
        let exam = try await app.openDemoExam()
        let op = try await app.database.operatorPrincipal()
        let papers = try await app.database.papers(ofExam: exam.id, by: op)
        // A true/false question several papers share: strong candidates answer it wrong, weak ones right.
        let trueFalse = Set(try await app.database.questions(QuestionFilter(kind: .trueFalse), for: op).items.map(\.question.id))
        var holders: [String: [CandidatePaper]] = [:]
        for paper in papers {
            for item in paper.paper.items where trueFalse.contains(item.questionId) { holders[item.questionId, default: []].append(paper) }
        }
        let (flagged, sharing) = try #require(holders.max { $0.value.count < $1.value.count })
        try #require(sharing.count >= 6)
        guard case .trueFalse(let key) = try await app.database.question(flagged, for: op).listing.question.answer else { return }
        for (index, paper) in sharing.prefix(6).enumerated() {
            let strong = index < 3
            let candidate = Principal(kind: .account(id: 0, username: paper.staffNumber, role: .staff, staffNumber: paper.staffNumber), scope: UnitPath(codes: []))
            let attempt = try await app.database.startAttempt(exam: exam.id, client: .commandLine, by: candidate)
            let position = paper.paper.items.firstIndex { $0.questionId == flagged }!
            _ = try await app.database.saveAnswer(attempt: attempt.id, position: position, response: .trueFalse(strong ? !key : key), by: candidate)
            for item in attempt.items where item.kind == .shortAnswer {
                _ = try await app.database.saveAnswer(attempt: attempt.id, position: item.position, response: .text("按规定办理"), by: candidate)
            }
            _ = try await app.database.submitAttempt(attempt.id, by: candidate)
            for item in try await app.database.markingQueue(exam: exam.id, by: op) where item.attemptId == attempt.id {
                try await app.database.markAnswer(attempt: item.attemptId, position: item.position, score: strong ? item.points : 0, by: op)
            }
        }
        #expect(try await app.database.statistics(ofExam: exam.id, by: op).flaggedQuestions.contains { $0.question == flagged })
        try await app.run { client in
            let trainer = try await client.logIn("trainer")
            let page = try await client.request(.get, "/exams/\(exam.id)/statistics", session: trainer).text
            let rows = try #require(page.range(of: "<tbody>").map { page[$0.upperBound...] })
            #expect(rows.drop { $0.isWhitespace }.hasPrefix("<tr class=\"flagged\">"), "flagged questions come first")
            #expect(page.contains("<tr class=\"flagged\">\n      <td><a href=\"/bank/\(flagged)\">\(flagged)</a><br><small>区分度为负"))
            #expect(page.contains("内部一致性系数") && page.contains("道题区分度为负"))

            // The same figures as downloads, the flagged question marked, the workbook's 得分率 a number cell.
            #expect(page.contains("href=\"/exams/\(exam.id)/statistics.csv\"") && page.contains("href=\"/exams/\(exam.id)/statistics.xlsx\""))
            let workbook = try WorkbookDownload(
                try await client.request(.get, "/exams/\(exam.id)/statistics.xlsx", session: trainer), filename: "exam-\(exam.id)-statistics.xlsx")
            #expect(workbook.rows.first == ["复查", "题号", "得分率", "得分标准差", "区分度", "区分效率", "高低分组差"])
            let row = try #require(workbook.rows.firstIndex { $0[1] == flagged })
            #expect(workbook.rows[row][0] == "⚠" && workbook.numberColumns[row].contains(2) && !workbook.numberColumns[row].contains(1))
            let csv = try await client.request(.get, "/exams/\(exam.id)/statistics.csv", session: trainer)
            #expect(csv.status == .ok && csv.text.contains("⚠,\(flagged),"))
        }
    }
}
