import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
import LianbingFormats
@testable import LianbingServer
import LianbingStore
import Testing

/// What the exam administration pages say after an administrator acts: deadlines after extra time, a 免考 and its
/// withdrawal, an early close, the rules' name, the standings on the results page and the results file.
@Suite struct ExamAdministrationPagesTests {
    @Test("Given extra time, then the candidate page shows the time allowed before a start and the new deadline after one")
    func extendedDeadlinesAreShown() async throws {
        let app = try await TestApp.demoWithExams()
        let exam = try await app.openDemoExam()
        let op = try await app.database.operatorPrincipal()
        let mine = try await app.database.account("staff", for: op).account.staffNumber!
        let other = try await app.database.progress(ofExam: exam.id, by: op).first { $0.staffNumber != mine }!.staffNumber
        let minutes = Int(exam.duration / 60)
        try await app.run { client in
            let county = try await client.logIn("county")
            let base = "/exams/\(exam.id)/candidates"
            #expect(try await client.request(.get, "\(base)/\(other)", session: county).text.contains("开始后 \(minutes) 分钟，最晚 \(exam.closesAt.chinaTime)"))
            try await client.request(.post, "\(base)/\(other)/override", session: county, form: ["extra_minutes": "15"])
            #expect(try await client.request(.get, "\(base)/\(other)", session: county).text.contains("开始后 \(minutes + 15) 分钟"))

            let staff = try await client.logIn("staff")
            try await client.request(.post, "/api/v1/my/exams/\(exam.id)/attempt", session: staff, json: "{}")
            let before = try #require(try await app.database.progress(ofExam: exam.id, by: op).first { $0.staffNumber == mine }?.deadline)
            try await client.request(.post, "\(base)/\(mine)/override", session: county, form: ["extra_minutes": "20"])
            let page = try await client.request(.get, "\(base)/\(mine)?done=override&who=\(mine)", session: county).text
            let after = try #require(try await app.database.progress(ofExam: exam.id, by: op).first { $0.staffNumber == mine }?.deadline)
            #expect(Int(after.timeIntervalSince(before).rounded()) == 1_200)
            #expect(page.contains("<dt>截止</dt><dd>\(after.chinaTime)</dd>") && !page.contains(before.chinaTime) && page.contains("延长 20 分钟"))
        }
    }

    @Test("Given a 免考, then granting asks first, and the page offers to withdraw it, which restores the candidate")
    func excuseIsConfirmedAndWithdrawn() async throws {
        let app = try await TestApp.demoWithExams()
        let exam = try await app.openDemoExam()
        let op = try await app.database.operatorPrincipal()
        let number = try await app.database.progress(ofExam: exam.id, by: op)[0].staffNumber
        try await app.run { client in
            let county = try await client.logIn("county")
            let page = "/exams/\(exam.id)/candidates/\(number)"
            let offered = try await client.request(.get, page, session: county).text
            #expect(offered.contains("/excuse\" class=\"stack\" data-confirm=\"确定批准该考生免考？\"") && !offered.contains("撤销免考"))
            try await client.request(.post, "\(page)/excuse", session: county, form: ["reason": "误批"])
            let excused = try await client.request(.get, page, session: county).text
            #expect(excused.contains("/withdraw-excuse\" data-confirm=\"确定撤销该考生的免考？\"") && !excused.contains("批准免考</button>"))
            let withdrawn = try await client.request(.post, "\(page)/withdraw-excuse", session: county, form: [:])
            #expect(withdrawn.status == .seeOther && withdrawn.headers[.location] == "\(page)?done=excuse-withdrawn&who=\(number)")
            #expect(try await client.request(.get, "\(page)?done=excuse-withdrawn&who=\(number)", session: county).text.contains("已撤销 \(number) 的免考"))
            #expect(try await client.request(.post, "\(page)/withdraw-excuse", session: county, form: [:]).status == .conflict)
            let trainer = try await client.logIn("trainer")
            #expect(try await client.request(.post, "\(page)/excuse", session: county, form: ["reason": "出差"]).status == .seeOther)
            #expect(try await client.request(.post, "\(page)/withdraw-excuse", session: trainer, form: [:]).status == .forbidden)
        }
        #expect(try await app.database.progress(ofExam: exam.id, by: op)[0].excusedReason == "出差")
    }

    @Test("Given an exam closed early, then its page and the list show the planned close beside the actual one; the rules by name and date")
    func earlyCloseAndRulesAreNamed() async throws {
        let app = try await TestApp.demoWithExams()
        let exam = try await app.openDemoExam()
        try await app.run { client in
            let county = try await client.logIn("county")
            let open = try await client.request(.get, "/exams/\(exam.id)", session: county).text
            #expect(open.contains("组卷规则“\(exam.blueprint.title)”，\(exam.blueprintSavedAt.chinaTime) 保存") && !open.contains(exam.blueprintVersion))
            #expect(try await client.request(.post, "/exams/\(exam.id)/close", session: county, form: [:]).status == .seeOther)
            let closed = try await app.database.exam(exam.id, by: try await app.database.operatorPrincipal())
            let both = "\(exam.opensAt.chinaTime) 至 \(closed.closesAt.chinaTime)（原定 \(exam.closesAt.chinaTime) 截止，已提前结束）"
            #expect(try await client.request(.get, "/exams/\(exam.id)", session: county).text.contains(both))
            #expect(try await client.request(.get, "/exams", session: county).text.contains(both))
        }
    }

    @Test("Given an open exam, then results say 未开始 and 作答中, never 待阅卷 for those who have not submitted, with units' paths")
    func resultsNameEachStanding() async throws {
        let app = try await TestApp.demoWithExams()
        let exam = try await app.openDemoExam()
        try await app.run { client in
            let staff = try await client.logIn("staff")
            try await client.request(.post, "/api/v1/my/exams/\(exam.id)/attempt", session: staff, json: "{}")
            let county = try await client.logIn("county")
            let page = try await client.request(.get, "/exams/\(exam.id)/results", session: county).text
            #expect(page.contains("outcome-not-started\">未开始") && page.contains("outcome-in-progress\">作答中") && !page.contains("待阅卷"))
            #expect(page.contains("作答中 1 人") && page.contains(" › "))
            #expect(try await client.request(.get, "/exams/\(exam.id)", session: county).text.contains(" › "))
        }
    }

    @Test("Given released results, then the CSV is named after the exam, in UTF-8 with an ASCII fallback, and reads back with every column")
    func resultsFileNameAndColumns() async throws {
        let app = try await TestApp.demoWithExams()
        let op = try await app.database.operatorPrincipal()
        let released = try await app.database.exams(by: op).first { $0.status == .released }!
        let results = try await app.database.results(ofExam: released.id, by: op)
        try await app.run { client in
            let county = try await client.logIn("county")
            let csv = try await client.request(.get, "/exams/\(released.id)/results.csv", session: county)
            let ascii = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.")
            let encoded = "成绩-\(released.title).csv".addingPercentEncoding(withAllowedCharacters: ascii)!
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"exam-\(released.id)-results.csv\"; filename*=UTF-8''\(encoded)")
            let text = try CSVTextDecoder.decode(Data(buffer: csv.body), file: "成绩.csv").get().text
            let rows = try CSVReader.read(text, file: "成绩.csv").get().map(\.fields)
            #expect(rows[0] == ResultsCSV.header && rows.count == results.count + 1)
            let first = try #require(results.first)
            #expect(rows[1][0] == released.title && rows[1][1] == AppDatabase.points(released.passMark))
            #expect(rows[1][3] == first.row.unitTrail && rows[1][4] == first.row.staffNumber && rows[1][6] == first.row.post)
            #expect(rows[1][10] == first.row.submittedAt.map(ChinaTime.format) && Double(rows[1][11]) != nil)
        }
    }

    @Test("Given a title with characters Windows refuses, then the file name replaces them; the header encodes every byte but attr-chars")
    func fileNamesAreSafe() {
        #expect(ResultsCSV.filename(title: "第一/二季度:考核?") == "成绩-第一_二季度_考核_.csv")
        #expect(ContentDisposition.attachment("成绩 a.csv", fallback: "x.csv") == "attachment; filename=\"x.csv\"; filename*=UTF-8''%E6%88%90%E7%BB%A9%20a.csv")
    }
}
