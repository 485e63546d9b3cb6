import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// The expert pools and curriculum standards through the JSON API: an administrator adds, finds, changes, imports
/// and removes experts; a trainer reads; standards are set by the province and listed with their new version; the
/// experts matching a session's topics; and another county's pool stays out of reach.
@Suite struct ExpertAPITests {
    static let header = "姓名,单位编码,类别,专长,工作单位及职务,工号"

    static func expertJSON(unit: String, name: String, category: String = "高校专家", specialties: [String], affiliation: String = "") -> String {
        let list = specialties.map { "\"\($0)\"" }.joined(separator: ",")
        return #"{"unitCode":"\#(unit)","name":"\#(name)","category":"\#(category)","specialties":[\#(list)],"affiliation":"\#(affiliation)"}"#
    }

    @Test("Given a county administrator, then experts are added, found by specialty and text, changed and removed")
    func addListSearchEditRemove() async throws {
        let fixture = try await TrainingFixture.make()
        try await fixture.app.run { client in
            let county = try await client.logIn("county")
            let added = try await client.request(
                .post, "/api/v1/experts", session: county,
                json: Self.expertJSON(unit: fixture.county, name: "测试专家甲", specialties: ["政策法规/优抚", "退役安置"], affiliation: "华南师范大学法学院 教授"))
            #expect(added.status == .created, "\(added.text)")
            let expert = try added.json(ExpertJSON.self)
            #expect(expert.category == .university && expert.categoryLabel == "高校专家" && expert.isOwnPool && expert.unitLevel == "县")
            _ = try await client.request(
                .post, "/api/v1/experts", session: county, json: Self.expertJSON(unit: fixture.county, name: "测试专家乙", category: "backbone", specialties: ["就业创业"]))

            // A specialty finds the expert under it; text finds name and affiliation; a category narrows.
            let byTopic = try await client.request(.get, "/api/v1/experts?specialty=\("政策法规".urlEncoded)", session: county).json([ExpertJSON].self)
            #expect(byTopic.contains { $0.id == expert.id } && !byTopic.contains { $0.name == "测试专家乙" })
            let byText = try await client.request(.get, "/api/v1/experts?q=\("华南师范".urlEncoded)", session: county).json([ExpertJSON].self)
            #expect(byText.map(\.id) == [expert.id])
            let byCategory = try await client.request(.get, "/api/v1/experts?category=backbone&q=\("测试专家".urlEncoded)", session: county)
                .json([ExpertJSON].self)
            #expect(byCategory.map(\.name) == ["测试专家乙"])
            #expect(try await client.request(.get, "/api/v1/experts?category=nonsense", session: county).status == .badRequest)
            // The pools above the county are offered read-only.
            let all = try await client.request(.get, "/api/v1/experts", session: county).json([ExpertJSON].self)
            #expect(all.contains { !$0.isOwnPool } && all.contains { $0.isOwnPool })

            // Changing and removing.
            let changed = try await client.request(
                .put, "/api/v1/experts/\(expert.id)", session: county,
                json: Self.expertJSON(unit: fixture.county, name: "测试专家甲", category: "行业精英", specialties: ["政策法规"], affiliation: "律师"))
            #expect(changed.status == .ok)
            #expect(try changed.json(ExpertJSON.self).category == .industry)
            let activity = try await client.request(.get, "/api/v1/experts/activity", session: county).json(ExpertActivityReportJSON.self)
            #expect(activity.rows.contains { $0.expert.id == expert.id && $0.sessions == 0 && $0.hours == 0 })
            #expect(try await client.request(.delete, "/api/v1/experts/\(expert.id)", session: county).status == .noContent)
            #expect(try await client.request(.delete, "/api/v1/experts/\(expert.id)", session: county).status == .notFound)
            #expect(try await client.request(.put, "/api/v1/experts/abc", session: county, json: "{}").status == .badRequest)
            #expect(try await client.request(.delete, "/api/v1/experts/99999999999999999999", session: county).status.code < 500)

            // A pool is a province, city or county unit.
            let village = try await client.request(
                .post, "/api/v1/experts", session: county, json: Self.expertJSON(unit: fixture.staffUnit, name: "测试专家丙", specialties: []))
            #expect(village.status == .badRequest)
        }
    }

    @Test("Given an expert file with a bad line, then the import names the line and stores nothing; a good file is imported")
    func importIsAllOrNothing() async throws {
        let fixture = try await TrainingFixture.make()
        try await fixture.app.run { client in
            let county = try await client.logIn("county")
            let bad = "\(Self.header)\n导入专家甲,\(fixture.county),高校专家,政策法规,某大学,\n导入专家乙,\(fixture.county),不是类别,政策法规,,\n"
            let refused = try await client.upload("/api/v1/experts/import", session: county, contentType: "text/csv", body: bad)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.errorCode == "import_rejected")
            // Key order in the JSON is not fixed.
            #expect(refused.text.contains(#""file":"专家库""#) && refused.text.contains(#""line":3"#) && refused.text.contains("不是类别"), "\(refused.text)")
            let none = try await client.request(.get, "/api/v1/experts?q=\("导入专家".urlEncoded)", session: county).json([ExpertJSON].self)
            #expect(none.isEmpty)
            // Another county's pool is a bad line too.
            let outside = "\(Self.header)\n导入专家丙,\(fixture.outsideUnit),高校专家,政策法规,,\n"
            let scoped = try await client.upload("/api/v1/experts/import", session: county, contentType: "text/csv", body: outside)
            #expect(scoped.status == .unprocessableContent && scoped.text.contains(#""line":2"#) && scoped.text.contains(fixture.outsideUnit))

            let good = "\(Self.header)\n导入专家甲,\(fixture.county),高校专家,政策法规;优抚,某大学,\n导入专家乙,\(fixture.county),业务骨干,就业创业,,\n"
            let imported = try await client.upload("/api/v1/experts/import", session: county, contentType: "text/csv", body: good)
            #expect(imported.status == .ok, "\(imported.text)")
            let summary = try imported.json(ExpertImportSummary.self)
            #expect(summary.inserted == 2 && summary.updated == 0 && summary.unchanged == 0)
            let again = try await client.upload("/api/v1/experts/import", session: county, contentType: "text/csv", body: good)
            #expect(try again.json(ExpertImportSummary.self).unchanged == 2)
            #expect(try await client.upload("/api/v1/experts/import", session: county, contentType: "application/json", body: "{}").status == .unsupportedMediaType)
        }
    }

    @Test("Given a trainer, then they read experts and standards but neither change experts nor set standards")
    func trainerReadsOnly() async throws {
        let fixture = try await TrainingFixture.make()
        try await fixture.app.run { client in
            let trainer = try await client.logIn("trainer")
            #expect(try await client.request(.get, "/api/v1/experts", session: trainer).status == .ok)
            #expect(try await client.request(.get, "/api/v1/experts/activity", session: trainer).status == .ok)
            #expect(try await client.request(.get, "/api/v1/training/standards", session: trainer).status == .ok)
            let add = try await client.request(
                .post, "/api/v1/experts", session: trainer, json: Self.expertJSON(unit: fixture.county, name: "培训师加的", specialties: []))
            #expect(add.status == .forbidden)
            let set = try await client.request(
                .post, "/api/v1/training/standards", session: trainer, json: #"{"post":"接访员","level":"村","hours":10,"topics":["权益维护"]}"#)
            #expect(set.status == .forbidden)
            // A member of staff reads the standards they are measured by, and nothing of the pools.
            let staff = try await client.logIn("staff")
            #expect(try await client.request(.get, "/api/v1/training/standards", session: staff).status == .ok)
            #expect(try await client.request(.get, "/api/v1/experts", session: staff).status == .forbidden)
        }
    }

    @Test("Given the province administrator, then a standard set is listed as the current version; a county administrator may not set one")
    func standardsAreSetThenListed() async throws {
        let fixture = try await TrainingFixture.make()
        try await fixture.app.run { client in
            let admin = try await client.logIn("admin")
            let before = try await client.request(.get, "/api/v1/training/standards", session: admin).json(CurriculumStandardListJSON.self)
            let previous = before.versions.filter { $0.standard.post == "接访员" && $0.standard.level == "村" }.map(\.standard.version).max() ?? 0
            let set = try await client.request(
                .post, "/api/v1/training/standards", session: admin, json: #"{"post":"接访员","level":"村","hours":12,"topics":["权益维护","政策法规"]}"#)
            #expect(set.status == .created, "\(set.text)")
            let standard = try set.json(CurriculumStandardJSON.self)
            #expect(standard.version == previous + 1 && standard.hours == 12 && standard.levelName == "村（社区）")
            let after = try await client.request(.get, "/api/v1/training/standards", session: admin).json(CurriculumStandardListJSON.self)
            let current = try #require(after.current.first { $0.post == "接访员" && $0.level == "村" })
            #expect(current.version == previous + 1 && current.topics == ["权益维护", "政策法规"])
            #expect(after.versions.contains { $0.standard.version == previous && $0.status == "superseded" } || previous == 0)

            let bad = try await client.request(.post, "/api/v1/training/standards", session: admin, json: #"{"post":"接访员","level":"街道办","hours":1}"#)
            #expect(bad.status == .badRequest)
            let tooMany = try await client.request(.post, "/api/v1/training/standards", session: admin, json: #"{"post":"接访员","level":"村","hours":1e308}"#)
            #expect(tooMany.status == .badRequest)
            let county = try await client.logIn("county")
            let refused = try await client.request(
                .post, "/api/v1/training/standards", session: county, json: #"{"post":"接访员","level":"村","hours":1}"#)
            #expect(refused.status == .forbidden)
        }
    }

    @Test("Given a session on a topic, then the experts whose specialty covers it are suggested")
    func sessionSuggestions() async throws {
        let fixture = try await TrainingFixture.make()
        try await fixture.app.run { client in
            let county = try await client.logIn("county")
            let expert = try await client.request(
                .post, "/api/v1/experts", session: county, json: Self.expertJSON(unit: fixture.county, name: "接访专家", specialties: ["权益维护"])
            ).json(ExpertJSON.self)
            let other = try await client.request(
                .post, "/api/v1/experts", session: county, json: Self.expertJSON(unit: fixture.county, name: "无关专家", specialties: ["测试无关专题"])
            ).json(ExpertJSON.self)
            let session = try await client.request(.post, "/api/v1/training/sessions", session: county, json: fixture.sessionJSON()).json(TrainingSessionJSON.self)
            let matches = try await client.request(.get, "/api/v1/training/sessions/\(session.id)/experts", session: county).json([ExpertMatchJSON].self)
            let match = try #require(matches.first { $0.expert.id == expert.id })
            #expect(match.coveredTopics == ["权益维护/接访质效"])
            #expect(!matches.contains { $0.expert.id == other.id })
            #expect(try await client.request(.get, "/api/v1/training/sessions/0/experts", session: county).status == .notFound)
        }
    }

    @Test("Given an expert of another county, then a county administrator can neither see nor change it")
    func otherCountysExpertIsOutOfReach() async throws {
        let fixture = try await TrainingFixture.make()
        let outside = try await fixture.app.outsideExpert(unit: fixture.outsideUnit)
        try await fixture.app.run { client in
            let county = try await client.logIn("county")
            let all = try await client.request(.get, "/api/v1/experts", session: county).json([ExpertJSON].self)
            #expect(!all.contains { $0.id == outside })
            #expect(try await client.request(.get, "/api/v1/experts?unit=\(fixture.outsideUnit)", session: county).status == .notFound)
            let body = Self.expertJSON(unit: fixture.county, name: "外县专家", specialties: [])
            #expect(try await client.request(.put, "/api/v1/experts/\(outside)", session: county, json: body).status == .notFound)
            #expect(try await client.request(.delete, "/api/v1/experts/\(outside)", session: county).status == .notFound)
            // An expert of the province's pool is offered, but not the county's to change.
            let provincial = try #require(all.first { !$0.isOwnPool })
            #expect(try await client.request(.delete, "/api/v1/experts/\(provincial.id)", session: county).status == .notFound)
        }
        #expect(try await fixture.app.database.experts(for: try await fixture.app.database.operatorPrincipal()).contains { $0.id == outside })
    }
}

extension TestApp {
    /// An expert of another county's pool, for probes that must be refused.
    func outsideExpert(unit: String) async throws -> Int64 {
        let op = try await database.operatorPrincipal()
        return try await database.addExpert(
            ExpertDraft(unitCode: unit, name: "外县专家", category: .backbone, specialties: ["权益维护"], affiliation: "外县业务骨干"), by: op
        ).id
    }
}

extension AppDatabase {
    /// Every row of the expert and standard tables, to show a refused request changed nothing.
    func expertTablesSnapshot() async throws -> [String] {
        try await reader.read { db in
            try ["expert", "curriculumStandard"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").map { "\(table) \($0)" }
            }
        }
    }
}
