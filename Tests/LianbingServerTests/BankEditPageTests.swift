import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
import LianbingFormats
@testable import LianbingServer
import LianbingStore
import Testing

/// The question form: new questions, corrections as revisions shown side by side, scope, and the same messages as
/// `bank validate`.
@Suite struct BankEditPageTests {
    static let valid: [String: String] = [
        "id": "GZ-W1", "kind": "判断", "difficulty": "2", "knowledgePoints": "队伍建设/人员配备", "source": "粤退役军人发〔2023〕22号 二（五）17",
        "stem": "服务站工作人员中退役军人比例原则上不少于三分之一。", "answer": "正确", "usage": "通用", "status": "启用", "reason": "新增本市题目",
    ]

    @Test func trainerCreatesAndCorrectsAQuestionAndSeesTheRevisionsSideBySide() async throws {
        try await BankPageTests.app().run { client in
            let trainer = try await client.logIn("trainer")
            #expect(try await client.request(.get, "/bank/new", session: trainer).status == .ok)
            let created = try await client.request(.post, "/bank/new", session: trainer, form: Self.valid)
            #expect(created.status == .seeOther && created.headers[.location] == "/bank/GZ-W1?done=created")
            var edit = Self.valid
            edit["answer"] = "错误"
            edit["reason"] = "答案更正"
            edit["revision"] = "1"
            let form = try await client.request(.get, "/bank/GZ-W1/edit", session: trainer)
            #expect(form.status == .ok && form.text.contains("name=\"revision\" value=\"1\""))
            let saved = try await client.request(.post, "/bank/GZ-W1/edit", session: trainer, form: edit)
            #expect(saved.status == .seeOther && saved.headers[.location] == "/bank/GZ-W1?done=saved")
            let page = try await client.request(.get, "/bank/GZ-W1?done=saved", session: trainer).text
            #expect(page.contains("第 1 版 → 第 2 版（1 处改动）") && page.contains("已保存为新版本"))
            #expect(page.contains("<tr class=\"changed\"><th scope=\"row\">答案 <span class=\"tag\">已改</span></th><td>正确</td><td>错误</td></tr>"))
            #expect(page.contains("答案更正") && page.contains("新增本市题目") && page.contains("网页编辑") && page.contains("广州市"))
            // A stale form (opened on revision 1) is refused, not saved over revision 2.
            edit["explanation"] = "改"
            #expect(try await client.request(.post, "/bank/GZ-W1/edit", session: trainer, form: edit).status == .conflict)
        }
    }

    @Test func theProvincesQuestionsAreChangedOnlyByTheProvince() async throws {
        try await BankPageTests.app().run { client in
            let trainer = try await client.logIn("trainer")
            #expect(try await client.request(.get, "/bank/P-2/edit", session: trainer).status == .forbidden)
            var edit = Self.valid
            edit["revision"] = "1"
            #expect(try await client.request(.post, "/bank/P-2/edit", session: trainer, form: edit).status == .forbidden)
            #expect(try await client.request(.post, "/bank/P-2/retire", session: trainer, form: ["reason": "越权"]).status == .forbidden)
            #expect(try await !client.request(.get, "/bank/P-2", session: trainer).text.contains("/bank/P-2/edit"))
            let admin = try await client.logIn("admin")
            let retired = try await client.request(.post, "/bank/P-2/retire", session: admin, form: ["reason": "表述过时"])
            #expect(retired.status == .seeOther && retired.headers[.location] == "/bank/P-2?done=retired")
            let page = try await client.request(.get, "/bank/P-2", session: admin).text
            #expect(page.contains("已停用") && page.contains("表述过时") && page.contains("/bank/P-2/restore"))
        }
    }

    /// The same bad questions read the way `bank validate` reads a file (the bank text reader, then the validator)
    /// and sent through the form give the same messages.
    @Test(arguments: [
        "题号: BAD-1\n题型: 单选\n知识点: 队伍建设\n难度: 2\n出处: 第19项\n题干: 多久一次？\nA. 每季度\nB. 每半年\n答案: AB\n",
        "题号: BAD-2\n题型: 判断\n知识点: 队伍建设\n难度: 9\n出处:\n题干: 对吗？\n答案: 也许\n",
        "题号: BAD-3\n题型: 填空\n知识点: 队伍建设//培训\n难度: 3\n出处: 第19项\n题干: 每____组织一次，每____考核一次。\n答案: 半年\n",
    ])
    func theFormGivesTheMessagesOfBankValidate(file: String) async throws {
        let read = try BankText.read(Data(file.utf8), file: "bad.txt").get()
        let expected = read.issues.map(\.reason) + BankValidator.validate(read.questions).errors.map(\.reason)
        #expect(!expected.isEmpty)
        var form: [String: String] = ["reason": "新增"]
        for line in file.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let key = ["题号": "id", "题型": "kind", "知识点": "knowledgePoints", "难度": "difficulty", "出处": "source", "题干": "stem", "答案": "answer"][parts[0]]
            if let key { form[key] = parts.count > 1 ? parts[1] : "" } else { form["options", default: ""] += String(line.dropFirst(3)) + "\n" }
        }
        let fields = form
        try await BankPageTests.app().run { client in
            let trainer = try await client.logIn("trainer")
            let response = try await client.request(.post, "/bank/new", session: trainer, form: fields)
            #expect(response.status == .badRequest)
            for reason in expected { #expect(response.text.contains(reason), "\(reason)") }
        }
    }

    @Test func statisticsAndScoreReviewsLinkToCorrectingAndRegrading() async throws {
        let app = try await TestApp.demoWithExams()
        let root = try await app.database.operatorPrincipal()
        let past = try #require(try await app.database.exams(by: root).first { $0.title.contains("第三季度") })
        try await app.run { client in
            let admin = try await client.logIn("admin")
            let statistics = try await client.request(.get, "/exams/\(past.id)/statistics", session: admin).text
            #expect(statistics.contains("/edit?regrade=1\">更正</a>"))
            let form = try await client.request(.get, "/bank/BZ-001/edit?regrade=1", session: admin).text
            #expect(form.contains("name=\"regrade\" value=\"1\" checked"))
        }
    }
}
