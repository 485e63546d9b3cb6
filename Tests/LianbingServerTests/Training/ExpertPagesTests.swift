import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// The expert pool (专家库) and curriculum standards (培训标准) pages, and the suggested trainers on a session's page.
@Suite struct ExpertPagesTests {
    static func location(_ response: TestResponse) -> String { response.headers[.location] ?? "" }

    @Test("Given the forms, then an administrator adds, finds, edits, imports and removes experts in the browser")
    func expertPoolThroughTheForms() async throws {
        let fixture = try await TrainingFixture.make()
        try await fixture.app.run { client in
            let county = try await client.logIn("county")
            let page = try await client.request(.get, "/experts", session: county)
            #expect(page.status == .ok)
            #expect(page.text.contains("专家库") && page.text.contains("添加专家") && page.text.contains("导入专家库"))
            // The pools above are offered read-only: tagged, without edit links.
            #expect(page.text.contains("<span class=\"tag\">上级</span>"))
            #expect(try await client.request(.get, "/training", session: county).text.contains("href=\"/experts\""))

            // A refused form comes back with the problem and what was typed.
            var form = [
                "unit_code": fixture.staffUnit, "name": "页面专家", "category": "university", "specialties": "政策法规/优抚\n退役安置",
                "affiliation": "某大学 教授",
            ]
            let refused = try await client.request(.post, "/experts", session: county, form: form)
            #expect(refused.status == .badRequest && refused.text.contains("专家库设在省、市、县三级") && refused.text.contains("页面专家"))
            form["unit_code"] = fixture.county
            let added = try await client.request(.post, "/experts", session: county, form: form)
            #expect(added.status == .seeOther, "\(added.text)")
            let op = try await fixture.app.database.operatorPrincipal()
            let expert = try #require(try await fixture.app.database.experts(query: "页面专家", for: op).first)
            #expect(expert.category == .university && expert.specialties == ["政策法规/优抚", "退役安置"])

            // Search by specialty: the expert and the number of sessions taught.
            let found = try await client.request(.get, "/experts?specialty=\("政策法规".urlEncoded)", session: county).text
            #expect(found.contains("页面专家") && found.contains("授课 0 场") && found.contains("/experts/\(expert.id)/edit"))
            let other = try await client.request(.get, "/experts?specialty=\("就业创业".urlEncoded)&q=\("页面".urlEncoded)", session: county).text
            #expect(!other.contains("页面专家"))

            // Editing.
            #expect(try await client.request(.get, "/experts/\(expert.id)/edit", session: county).status == .ok)
            form["category"] = "industry"
            form["affiliation"] = "律师事务所"
            let edited = try await client.request(.post, "/experts/\(expert.id)/edit", session: county, form: form)
            #expect(edited.status == .seeOther && Self.location(edited).contains("done=edited"))
            #expect(try await fixture.app.database.experts(query: "页面专家", for: op).first?.category == .industry)

            // The import: a bad line is named and nothing is stored; then a good file.
            let bad = "\(ExpertAPITests.header)\n页面导入甲,\(fixture.county),高校专家,政策法规,,\n页面导入乙,\(fixture.county),专家,政策法规,,\n"
            let rejected = try await client.request(.post, "/experts/import", session: county, form: ["csv": bad])
            #expect(rejected.status == .unprocessableContent)
            #expect(rejected.text.contains("专家库:3:") && rejected.text.contains("页面导入乙"))
            #expect(try await fixture.app.database.experts(query: "页面导入", for: op).isEmpty)
            let good = "\(ExpertAPITests.header)\n页面导入甲,\(fixture.county),高校专家,政策法规,,\n"
            let imported = try await client.request(.post, "/experts/import", session: county, form: ["csv": good])
            #expect(Self.location(imported).contains("done=imported&n=1"))
            #expect(try await client.request(.get, Self.location(imported), session: county).text.contains("新增 1 位"))

            // Removing.
            let removed = try await client.request(.post, "/experts/\(expert.id)/remove", session: county, form: [:])
            #expect(removed.status == .seeOther)
            #expect(try await fixture.app.database.experts(query: "页面专家", for: op).isEmpty)
            #expect(try await client.request(.post, "/experts/\(expert.id)/remove", session: county, form: [:]).status == .notFound)
        }
    }

    @Test("Given a trainer, then the pool and the standards are shown without forms, and setting a standard is refused")
    func trainerSeesNoForms() async throws {
        let fixture = try await TrainingFixture.make()
        try await fixture.app.run { client in
            let trainer = try await client.logIn("trainer")
            let pool = try await client.request(.get, "/experts", session: trainer)
            #expect(pool.status == .ok && !pool.text.contains("name=\"unit_code\"") && !pool.text.contains("/experts/import") && !pool.text.contains("/edit\""))
            let standards = try await client.request(.get, "/training/standards", session: trainer)
            #expect(standards.status == .ok && standards.text.contains("本周期适用的标准") && !standards.text.contains("设定新版本"))
            let set = try await client.request(.post, "/training/standards", session: trainer, form: ["post": "接访员", "level": "村", "hours": "10"])
            #expect(set.status == .forbidden)
            let staff = try await client.logIn("staff")
            #expect(try await client.request(.get, "/experts", session: staff).status == .forbidden)
        }
    }

    @Test("Given the province administrator, then a standard set in the form is shown as the new current version")
    func standardSetInTheForm() async throws {
        let fixture = try await TrainingFixture.make()
        let op = try await fixture.app.database.operatorPrincipal()
        let previous = try await fixture.app.database.curriculumStandards(for: op).versions
            .filter { $0.standard.post == "接访员" && $0.standard.level == .town }.map(\.standard.version).max() ?? 0
        try await fixture.app.run { client in
            let admin = try await client.logIn("admin")
            let page = try await client.request(.get, "/training/standards", session: admin)
            #expect(page.status == .ok && page.text.contains("设定新版本"))
            let bad = try await client.request(.post, "/training/standards", session: admin, form: ["post": "接访员", "level": "镇", "hours": "很多"])
            #expect(bad.status == .badRequest && bad.text.contains("学时须为数字"))
            let set = try await client.request(
                .post, "/training/standards", session: admin, form: ["post": "接访员", "level": "镇", "hours": "16", "topics": "权益维护、政策法规/优抚"])
            #expect(set.status == .seeOther, "\(set.text)")
            let shown = try await client.request(.get, Self.location(set), session: admin).text
            #expect(shown.contains("第 \(previous + 1) 版") && shown.contains("权益维护、政策法规/优抚") && shown.contains("<td class=\"num\">16</td>"))
            let county = try await client.logIn("county")
            #expect(!(try await client.request(.get, "/training/standards", session: county).text.contains("设定新版本")))
            let refused = try await client.request(.post, "/training/standards", session: county, form: ["post": "接访员", "level": "镇", "hours": "1"])
            #expect(refused.status == .forbidden)
        }
        let current = try await fixture.app.database.curriculumStandards(for: op).current.first { $0.post == "接访员" && $0.level == .town }
        #expect(current?.version == previous + 1 && current?.hours == 16)
    }

    @Test("Given a session on a topic, then its page suggests a matching expert and 设为授课人 adds them as a trainer")
    func sessionPageSuggestsAndAssigns() async throws {
        let fixture = try await TrainingFixture.make()
        let op = try await fixture.app.database.operatorPrincipal()
        let expert = try await fixture.app.database.addExpert(
            ExpertDraft(unitCode: fixture.county, name: "接访业务专家", category: .industry, specialties: ["权益维护"], affiliation: "律师"), by: op)
        try await fixture.app.run { client in
            let county = try await client.logIn("county")
            let session = try await client.request(.post, "/api/v1/training/sessions", session: county, json: fixture.sessionJSON())
                .json(TrainingSessionJSON.self)
            let page = try await client.request(.get, "/training/\(session.id)", session: county).text
            #expect(page.contains("推荐授课专家") && page.contains("接访业务专家") && page.contains("设为授课人"))
            #expect(page.contains("name=\"expert\" value=\"\(expert.id)\""))

            let assigned = try await client.request(.post, "/training/\(session.id)/trainers", session: county, form: ["expert": "\(expert.id)"])
            #expect(assigned.status == .seeOther && Self.location(assigned).contains("done=trainer"))
            let stored = try await fixture.app.database.trainingSession(session.id, for: op)
            #expect(stored.trainers.map(\.name) == ["李老师", "接访业务专家"] && stored.trainers.last?.expertId == expert.id)
            #expect(stored.topics == session.topics && stored.place == session.place)
            let after = try await client.request(.get, Self.location(assigned), session: county).text
            #expect(after.contains("接访业务专家（行业精英，") && after.contains("已设为授课人"))

            // Not an expert, or not one the organiser may draw on: shown on the page.
            let typo = try await client.request(.post, "/training/\(session.id)/trainers", session: county, form: ["expert": "abc"])
            #expect(typo.status == .badRequest)
            let outside = try await fixture.app.outsideExpert(unit: fixture.outsideUnit)
            let refused = try await client.request(.post, "/training/\(session.id)/trainers", session: county, form: ["expert": "\(outside)"])
            #expect(refused.status == .badRequest && refused.text.contains("不在可选范围内"))

            // A closed session keeps its trainers: the suggestions show, without the button.
            _ = try await fixture.app.database.publishTrainingSession(session.id, by: op)
            _ = try await fixture.app.database.closeTrainingSession(session.id, by: op)
            let closed = try await client.request(.get, "/training/\(session.id)", session: county).text
            #expect(closed.contains("推荐授课专家") && !closed.contains(">设为授课人</button>"))
            #expect(try await client.request(.post, "/training/\(session.id)/trainers", session: county, form: ["expert": "\(expert.id)"]).status == .conflict)
        }
    }

    @Test("Given an expert of another county, then its edit page and actions are missing for a county administrator")
    func otherCountysExpertIsMissing() async throws {
        let fixture = try await TrainingFixture.make()
        let outside = try await fixture.app.outsideExpert(unit: fixture.outsideUnit)
        try await fixture.app.run { client in
            let county = try await client.logIn("county")
            #expect(!(try await client.request(.get, "/experts", session: county).text.contains("expert-\(outside)\"")))
            #expect(try await client.request(.get, "/experts/\(outside)/edit", session: county).status == .notFound)
            let form = ["unit_code": fixture.county, "name": "外县专家", "category": "backbone"]
            #expect(try await client.request(.post, "/experts/\(outside)/edit", session: county, form: form).status == .notFound)
            #expect(try await client.request(.post, "/experts/\(outside)/remove", session: county, form: [:]).status == .notFound)
            #expect(try await client.request(.get, "/experts?unit=\(fixture.outsideUnit)", session: county).status == .notFound)
        }
    }
}
