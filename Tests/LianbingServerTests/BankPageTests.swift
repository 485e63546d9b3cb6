import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

@Suite struct BankPageTests {
    static let questions = [
        Question(
            id: "P-1", kind: .singleChoice, stem: "<script>alert(1)</script>服务中心（站）至少多长时间组织一次业务培训？",
            options: ["每季度", "每半年", "每年"], answer: .choices([1]), explanation: "第19项。", knowledgePoints: ["队伍建设/学习培训形式"],
            difficulty: 2, source: "粤退役军人发〔2023〕22号 二（五）19", usage: .exam),
        Question(
            id: "P-2", kind: .trueFalse, stem: "退役军人和其他优抚对象比例原则上不少于三分之一。", answer: .trueFalse(true),
            knowledgePoints: ["队伍建设/人员配备"], difficulty: 1, source: "粤退役军人发〔2023〕22号 二（五）17", usage: .practice),
    ]

    static func app() async throws -> TestApp {
        let app = try await TestApp.demo()
        let read = QuestionImport(questions: questions.map { LocatedQuestion(question: $0, file: "t.txt", line: 1) })
        _ = try await app.database.importQuestions(read, note: "test", by: try await app.database.operatorPrincipal())
        return app
    }

    @Test func trainersBrowseAndFilterTheBank() async throws {
        try await Self.app().run { client in
            let trainer = try await client.logIn("trainer")
            let list = try await client.request(.get, "/bank", session: trainer)
            #expect(list.status == .ok)
            #expect(list.text.contains("P-1") && list.text.contains("P-2"))
            let filtered = try await client.request(.get, "/bank?type=truefalse&kp=%E9%98%9F%E4%BC%8D%E5%BB%BA%E8%AE%BE", session: trainer)
            #expect(!filtered.text.contains("P-1") && filtered.text.contains("P-2"))
            let detail = try await client.request(.get, "/bank/P-1", session: trainer)
            #expect(detail.status == .ok && detail.text.contains("每半年"))
            #expect(try await client.request(.get, "/bank/NOPE", session: trainer).status == .notFound)
        }
    }

    @Test func bankTextIsEscaped() async throws {
        try await Self.app().run { client in
            let admin = try await client.logIn("admin")
            for path in ["/bank", "/bank/P-1"] {
                let page = try await client.request(.get, path, session: admin)
                #expect(!page.text.contains("<script>alert(1)</script>"), "\(path)")
                #expect(page.text.contains("&lt;script&gt;"), "\(path)")
            }
        }
    }

    @Test func staffNeverBrowseTheBank() async throws {
        try await Self.app().run { client in
            let staff = try await client.logIn("staff")
            for path in ["/bank", "/bank/P-1", "/bank/P-2"] {
                let page = try await client.request(.get, path, session: staff)
                #expect(page.status == .forbidden, "\(path)")
                #expect(!page.text.contains("每半年"))
            }
        }
    }
}
