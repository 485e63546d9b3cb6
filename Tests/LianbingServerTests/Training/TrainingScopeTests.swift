import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// A county administrator sees, edits and reports only the county's sessions; a session of the province that invites
/// the county's staff is shown read-only, with only the county's people. (Every route is probed in `ScopeTests`.)
@Suite struct TrainingScopeTests {
    @Test("Given sessions of another county and of the province, then the county sees its own, the province's read-only, and nothing else")
    func countySeesOnlyItsOwnAndWhatInvitesIt() async throws {
        let fixture = try await TrainingFixture.make()
        let app = fixture.app
        let anchors = try await app.anchors()
        let outside = try await app.outsideTraining(unit: fixture.outsideUnit, staff: anchors.outsideStaff)
        let op = try await app.database.operatorPrincipal()
        let province = try await app.database.scopeRoot(for: op).code
        let now = app.database.clock()
        let provincial = try await app.database.createTrainingSession(
            TrainingSessionDraft(
                unitCode: province, title: "全省业务骨干培训", kind: .course, startsAt: now.addingTimeInterval(86_400), endsAt: now.addingTimeInterval(90_000),
                hours: 3, trainers: [.name("省讲师")]),
            invitees: [fixture.staffNumber, anchors.outsideStaff], by: op)
        let own = try await fixture.publishedSession(title: "本区培训")
        let staffPrincipal = Principal(
            kind: .account(id: 0, username: "outsider", role: .staff, staffNumber: anchors.outsideStaff), scope: UnitPath(codes: []))
        try await app.database.rateTraining(outside, score: 2, comment: "外县评价", by: staffPrincipal)
        try await app.run { client in
            let county = try await client.logIn("county")
            let list = try await client.request(.get, "/api/v1/training/sessions?per_page=200", session: county).json(PageJSON<TrainingSessionJSON>.self)
            let ids = Set(list.items.map(\.id))
            #expect(ids.contains(own.id) && ids.contains(provincial.id) && !ids.contains(outside))
            #expect(list.items.allSatisfy { $0.unitCode.hasPrefix(String(fixture.county.prefix(6))) || !$0.isManaged })
            let page = try await client.request(.get, "/training", session: county).text
            #expect(page.contains("本区培训") && !page.contains("外县培训"))

            // The province's session: read-only, only the county's own invitee.
            let shown = try await client.request(.get, "/api/v1/training/sessions/\(provincial.id)", session: county).json(TrainingSessionJSON.self)
            #expect(!shown.isManaged)
            let invitees = try await client.request(.get, "/api/v1/training/sessions/\(provincial.id)/invitees", session: county).json([StaffJSON].self)
            #expect(invitees.map(\.number) == [fixture.staffNumber])
            #expect(try await client.request(.post, "/api/v1/training/sessions/\(provincial.id)/publish", session: county, json: "{}").status == .notFound)
            #expect(try await client.request(.put, "/api/v1/training/sessions/\(provincial.id)", session: county, json: fixture.sessionJSON(unit: province)).status == .notFound)
            let detail = try await client.request(.get, "/training/\(provincial.id)", session: county).text
            #expect(detail.contains("上级单位组织的培训") && !detail.contains("发布培训") && !detail.contains(anchors.outsideStaff))

            // Another county's session: missing everywhere, in the evaluation too.
            for uri in ["/api/v1/training/sessions/\(outside)", "/api/v1/training/sessions/\(outside)/attendance", "/training/\(outside)", "/training/\(outside)/sheet"] {
                #expect(try await client.request(.get, uri, session: county).status == .notFound, "\(uri)")
            }
            let ratings = try await client.request(.get, "/api/v1/training/ratings?by=session", session: county).json([RatingSummary].self)
            #expect(!ratings.contains { $0.subject.contains("外县培训") })
            let admin = try await client.logIn("admin")
            let all = try await client.request(.get, "/api/v1/training/ratings?by=session", session: admin).json([RatingSummary].self)
            #expect(all.contains { $0.subject == "\(outside) 外县培训" })
        }
    }

    @Test("Given experts of the county, the province and another county, then the county sees its own and the province's read-only, and not the other's")
    func countySeesOnlyItsOwnAndAncestorExperts() async throws {
        let fixture = try await TrainingFixture.make()
        let app = fixture.app
        let outside = try await app.outsideExpert(unit: fixture.outsideUnit)
        let op = try await app.database.operatorPrincipal()
        let own = try await app.database.addExpert(ExpertDraft(unitCode: fixture.county, name: "本区专家", category: .backbone, specialties: ["权益维护"]), by: op)
        try await app.run { client in
            let county = try await client.logIn("county")
            let listed = try await client.request(.get, "/api/v1/experts", session: county).json([ExpertJSON].self)
            #expect(listed.contains { $0.id == own.id && $0.isOwnPool } && !listed.contains { $0.id == outside })
            #expect(listed.allSatisfy { $0.isOwnPool == $0.unitCode.hasPrefix(String(fixture.county.prefix(6))) })
            let activity = try await client.request(.get, "/api/v1/experts/activity", session: county).json(ExpertActivityReportJSON.self)
            #expect(!activity.rows.contains { $0.expert.id == outside })
            let page = try await client.request(.get, "/experts", session: county).text
            #expect(page.contains("本区专家") && !page.contains("外县专家"))
            let ancestor = try #require(listed.first { !$0.isOwnPool })
            #expect(try await client.request(.get, "/experts/\(ancestor.id)/edit", session: county).status == .notFound)
            #expect(try await client.request(.post, "/experts/\(ancestor.id)/remove", session: county, form: [:]).status == .notFound)
            #expect(try await client.request(.delete, "/api/v1/experts/\(outside)", session: county).status == .notFound)
        }
    }
}
