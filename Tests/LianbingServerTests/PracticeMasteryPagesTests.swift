import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// 自我测试 and 知识点掌握情况 as a phone reads them: the start first, the knowledge points folded, the weakest points
/// one tap away; mastery weakest first, with what its percentages mean.
@Suite struct PracticeMasteryPagesTests {
    static let weak = "队伍建设/学习培训"
    static let strong = "体系建设/服务保障"

    /// Three true/false practice questions on each point, the staff login answering the weak point's wrong twice and
    /// the strong point's right twice.
    static func answered() async throws -> TestApp {
        let app = try await TestApp.demo()
        let op = try await app.database.operatorPrincipal()
        let questions = [Self.weak, Self.strong].flatMap { point in
            (1...3).map {
                Question(
                    id: "\(point == Self.weak ? "W" : "S")-\($0)", kind: .trueFalse, stem: "\(point) 判断题 \($0)", answer: .trueFalse(true),
                    explanation: "正确。", knowledgePoints: [point], difficulty: 3, source: "粤退役军人发〔2023〕22号 二（五）19", usage: .practice)
            }
        }
        _ = try await app.database.importQuestions(
            QuestionImport(questions: questions.map { LocatedQuestion(question: $0, file: "bank.txt", line: 1) }), note: "test", by: op)
        let staff = try await RecommendationPagesTests.staff(app)
        for (point, right) in [(Self.weak, false), (Self.strong, true)] {
            let selfTest = try await app.database.startSelfTest(.knowledgePoints([point], length: 2), by: staff)
            for position in 0..<2 {
                _ = try await app.database.answerSelfTest(attempt: selfTest.id, position: position, response: .trueFalse(right), by: staff)
            }
        }
        return app
    }

    @Test func practicePageStartsFirstFoldsThePointsAndOffersTheWeakestInOneTap() async throws {
        let app = try await Self.answered()
        try await app.run { client in
            let staff = try await client.logIn("staff")
            let page = try await client.request(.get, "/my/practice", session: staff).text
            let start = try #require(page.range(of: "id=\"practice-start\""))
            let weakest = try #require(page.range(of: "id=\"practice-weakest\""))
            let folded = try #require(page.range(of: "<details class=\"kp-picker\">"))
            let firstBox = try #require(page.range(of: "name=\"kp\""))
            #expect(start.lowerBound < folded.lowerBound && weakest.lowerBound < folded.lowerBound && folded.upperBound < firstBox.lowerBound)
            #expect(page.contains("练我最薄弱的知识点") && page.contains(">\(Self.weak)（得分率 0%）") && !page.contains("\(Self.strong)（得分率"))

            let started = try await client.request(.post, "/my/practice", session: staff, form: ["weakest": "1", "length": "5"])
            #expect(started.status == .seeOther)
            let id = try #require(started.headers[.location].flatMap { Int64($0.dropFirst("/my/self-tests/".count)) })
            let view = try await app.database.attempt(id, by: try await RecommendationPagesTests.staff(app))
            #expect(view.items.count == 3 && view.items.allSatisfy { $0.stem.hasPrefix(Self.weak) })
        }
    }

    @Test func withoutMarksThePracticePageOffersNoWeakestChoiceAndRefusesOne() async throws {
        try await TestApp.demo().run { client in
            let staff = try await client.logIn("staff")
            let page = try await client.request(.get, "/my/practice", session: staff).text
            #expect(page.contains("id=\"practice-start\"") && !page.contains("id=\"practice-weakest\""))
            let refused = try await client.request(.post, "/my/practice", session: staff, form: ["weakest": "1", "length": "5"])
            #expect(refused.status == .conflict && refused.text.contains("还没有薄弱知识点"))
        }
    }

    @Test func masteryListsTheWeakestFirstWithASummaryAndSaysWhatAPercentageMeans() async throws {
        let app = try await Self.answered()
        try await app.run { client in
            let staff = try await client.logIn("staff")
            let page = try await client.request(.get, "/my/mastery", session: staff).text
            #expect(page.contains("得分率") && page.contains("17% 表示所答题目满分 6 分、只得了 1 分"))
            #expect(page.contains("共 2 个知识点，其中薄弱 1 个；最薄弱的是“\(Self.weak)”，得分率 0%。"))
            let weak = try #require(page.range(of: "<span class=\"bar-label\">\(Self.weak)<span class=\"tag off\">薄弱</span>"))
            let strong = try #require(page.range(of: "<span class=\"bar-label\">\(Self.strong)</span>"))
            #expect(weak.lowerBound < strong.lowerBound)
            #expect(page.contains("还没有已交卷的集中考核。"))
        }
    }
}
