import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// 持证上岗 per post in the API and the browser: the province's administrator sets which posts require a certificate;
/// everyone reads them; administrators see the compliance of their subtree, download it, and are flagged on their
/// home page while anyone is overdue.
@Suite struct PostRequirementPagesTests {
    static let director = CertificateComplianceScopeTests.director

    @Test func theProvinceSetsRequirementsThroughTheAPIAndBadNumbersAre400() async throws {
        try await TestApp.demo().run { client in
            let admin = try await client.logIn("admin")
            let county = try await client.logIn("county")
            let staff = try await client.logIn("staff")
            #expect(try await client.request(.get, "/api/v1/post-requirements", session: staff).json([PostRequirementJSON].self).isEmpty)

            let set = try await client.request(
                .put, "/api/v1/post-requirements\(Self.director)", session: admin, json: #"{"qualificationIds":[1,2],"graceDays":180}"#)
            #expect(set.status == .ok, "\(set.text)")
            let listing = try set.json(PostRequirementJSON.self)
            #expect(listing.post == Post.director && listing.qualificationIds == [1, 2] && listing.graceDays == 180 && listing.actor == "admin")
            let read = try await client.request(.get, "/api/v1/post-requirements", session: staff).json([PostRequirementJSON].self)
            #expect(read.map(\.post) == [Post.director] && read[0].qualifications.map(\.kind) == ["internal", "national"])

            for body in [
                #"{"qualificationIds":[1],"graceDays":3651}"#, #"{"qualificationIds":[1],"graceDays":-1}"#,
                #"{"qualificationIds":[1],"graceDays":9223372036854775807}"#, #"{"qualificationIds":[1],"graceDays":1e300}"#,
                #"{"qualificationIds":[],"graceDays":1}"#, #"{"qualificationIds":[987654321],"graceDays":1}"#, #"{"graceDays":1}"#,
            ] {
                let refused = try await client.request(.put, "/api/v1/post-requirements\(Self.director)", session: admin, json: body)
                #expect(refused.status == .badRequest, "\(body): \(refused.status)")
            }
            #expect(
                try await client.request(.put, "/api/v1/post-requirements/%E5%8F%B8%E6%9C%BA", session: admin, json: #"{"qualificationIds":[1],"graceDays":1}"#)
                    .status == .notFound)
            #expect(
                try await client.request(.put, "/api/v1/post-requirements\(Self.director)", session: county, json: #"{"qualificationIds":[1],"graceDays":1}"#)
                    .status == .forbidden)
            #expect(try await client.request(.delete, "/api/v1/post-requirements\(Self.director)", session: county).status == .forbidden)
            #expect(try await client.request(.delete, "/api/v1/post-requirements\(Self.director)", session: staff).status == .forbidden)
            #expect(try await client.request(.delete, "/api/v1/post-requirements\(Self.director)", session: admin).status == .noContent)
            #expect(try await client.request(.delete, "/api/v1/post-requirements\(Self.director)", session: admin).status == .notFound)
        }
    }

    @Test func administratorsReadTheComplianceOfTheirSubtreeOnly() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        try await app.database.setPostRequirement(post: Post.director, qualificationIds: [1], graceDays: 180, by: try await app.database.operatorPrincipal())
        try await app.run { client in
            let county = try await client.logIn("county")
            let response = try await client.request(.get, "/api/v1/certification-compliance", session: county)
            #expect(response.status == .ok)
            let report = try response.json(CertificationComplianceReport.self)
            #expect(report.unit.code == anchors.county && report.total.counts.holders > 0)
            #expect(report.lacking.allSatisfy { $0.post == Post.director })
            #expect(report.total.counts.holders == report.total.counts.certified + report.total.counts.inGrace + report.total.counts.lacking)
            #expect(try await client.request(.get, "/api/v1/certification-compliance?unit=\(anchors.outsideUnit)", session: county).status == .notFound)
            #expect(try await client.request(.get, "/api/v1/certification-compliance?on=2026-13-01", session: county).status == .badRequest)
            for login in ["staff", "trainer"] {
                let session = try await client.logIn(login)
                #expect(try await client.request(.get, "/api/v1/certification-compliance", session: session).status == .forbidden, "\(login)")
                #expect(try await client.request(.get, "/certification-compliance", session: session).status == .forbidden, "\(login)")
            }
        }
    }

    @Test func theSettingsPageEditsForTheProvinceAndReadsForOthers() async throws {
        try await TestApp.demo().run { client in
            let admin = try await client.logIn("admin")
            let page = try await client.request(.get, "/post-requirements", session: admin)
            #expect(page.status == .ok && page.text.contains("设定岗位要求") && page.text.contains("尚未要求任何岗位持证上岗"))
            let saved = try await client.request(.post, "/post-requirements", session: admin, form: ["post": Post.director, "q1": "1", "q2": "1", "grace_days": "90"])
            #expect(saved.status == .seeOther, "\(saved.text)")
            let after = try await client.request(.get, "/post-requirements?done=set", session: admin)
            #expect(after.text.contains("已保存持证上岗要求") && after.text.contains("服务中心（站）岗位练兵考核合格、退役军人事务员"))

            for (days, status) in [("abc", HTTPResponse.Status.badRequest), ("3651", .badRequest), ("-5", .badRequest), ("99999999999999999999", .badRequest)] {
                let refused = try await client.request(.post, "/post-requirements", session: admin, form: ["post": Post.director, "q1": "1", "grace_days": days])
                #expect(refused.status == status && refused.text.contains("宽限期"), "\(days)")
            }
            let none = try await client.request(.post, "/post-requirements", session: admin, form: ["post": Post.director, "grace_days": "30"])
            #expect(none.status == .badRequest && none.text.contains("认可的资格"))

            let county = try await client.logIn("county")
            let read = try await client.request(.get, "/post-requirements", session: county)
            #expect(read.status == .ok && read.text.contains("由省级管理员设定") && !read.text.contains("设定岗位要求"))
            #expect(try await client.request(.post, "/post-requirements", session: county, form: ["post": Post.director, "q1": "1", "grace_days": "1"]).status == .forbidden)
            let staff = try await client.logIn("staff")
            #expect(try await client.request(.get, "/post-requirements", session: staff).status == .ok)

            let removed = try await client.request(.post, "/post-requirements/remove", session: admin, form: ["post": Post.director])
            #expect(removed.status == .seeOther)
            #expect(try await client.request(.post, "/post-requirements/remove", session: admin, form: ["post": Post.director]).status == .notFound)
        }
    }

    @Test func theReportPageDownloadsAndTheHomePageFlagsOverdueHolders() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        try await app.run { client in
            let county = try await client.logIn("county")
            #expect(!(try await client.request(.get, "/", session: county).text.contains("持证上岗逾期未取得证书")))
            let certificates = try await client.request(.get, "/certificates", session: county)
            #expect(certificates.text.contains("href=\"/certification-compliance\""))
        }
        try await app.database.setPostRequirement(post: Post.director, qualificationIds: [1], graceDays: 180, by: try await app.database.operatorPrincipal())
        let report = try await app.database.certificationCompliance(unit: anchors.county, for: try await app.database.operatorPrincipal())
        #expect(!report.lacking.isEmpty, "the demo county's directors hold no certificate")
        try await app.run { client in
            let county = try await client.logIn("county")
            let home = try await client.request(.get, "/", session: county)
            #expect(home.text.contains("\(report.lacking.count) 人持证上岗逾期未取得证书") && home.text.contains("/certification-compliance#lacking-table"))
            let staff = try await client.logIn("staff")
            #expect(!(try await client.request(.get, "/", session: staff).text.contains("持证上岗逾期")))

            let page = try await client.request(.get, "/certification-compliance", session: county)
            #expect(page.status == .ok)
            #expect(page.text.contains("持证上岗情况") && page.text.contains(report.lacking[0].name) && page.text.contains("各单位持证上岗率"))
            let child = try #require(report.rows.first { !$0.ownStaffOnly })
            #expect(page.text.contains("/certification-compliance?unit=\(child.unit.code)"))
            let drilled = try await client.request(.get, "/certification-compliance?unit=\(child.unit.code)", session: county)
            #expect(drilled.status == .ok && drilled.text.contains(child.unit.name))

            let csv = try await client.request(.get, "/certification-compliance.csv", session: county)
            #expect(csv.status == .ok && csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.text.contains("应持证人数") && csv.text.contains("合计"))
            let lacking = try await client.request(.get, "/certification-compliance.csv?table=lacking", session: county)
            #expect(lacking.text.contains("逾期起始日") && lacking.text.contains(report.lacking[0].number))
        }
    }
}
