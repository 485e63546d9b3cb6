import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
import LianbingStore
import Testing

@testable import LianbingServer

/// The roster's administration pages: filters, the add and edit form, moving, leaving and the upload's dry run.
@Suite struct StaffPagesTests {
    @Test func aCountyAdministratorMovesOneAndMarksAnotherAsLeft() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        let root = try await app.database.operatorPrincipal()
        let people = try await app.database.staff(query: nil, unit: anchors.county, page: PageRequest(page: 1, perPage: 5), for: root).items
        let (mover, leaver) = (people[0].staff, people[1].staff)
        let target = try #require(try await app.database.units(parent: nil, for: root).first {
            $0.code.hasPrefix(String(anchors.county.prefix(6))) && $0.code != mover.unitCode && $0.code != anchors.county
        })
        let today = ChinaTime.civilDate(of: app.database.clock()).description
        try await app.run { client in
            let county = try await client.logIn("county")
            let moved = try await client.request(.post, "/staff/\(mover.number)/move", session: county, form: ["unit_code": target.code, "moved_on": today])
            #expect(moved.status == .seeOther || moved.status == .found)
            let page = try await client.request(.get, "/staff/\(mover.number)?done=moved", session: county).text
            #expect(page.contains("已登记调动") && page.contains("→ \(target.name)"))

            let left = try await client.request(.post, "/staff/\(leaver.number)/leave", session: county, form: ["left_on": today])
            #expect(left.status == .seeOther || left.status == .found)
            let leftList = try await client.request(.get, "/staff?status=left", session: county).text
            #expect(leftList.contains(leaver.number) && !leftList.contains(">\(mover.number)<"))
            let activeList = try await client.request(.get, "/staff?status=active&unit=\(target.code)", session: county).text
            #expect(activeList.contains(mover.number) && !activeList.contains(">\(leaver.number)<"))

            // Moving to a unit outside the county is "not found", shown on the person's page.
            let outside = try await client.request(
                .post, "/staff/\(mover.number)/move", session: county, form: ["unit_code": anchors.outsideUnit, "moved_on": today])
            #expect(outside.status == .notFound)
            #expect(try await app.database.staffMember(mover.number, for: root).staff.unitCode == target.code)
        }
    }

    @Test func theFormShowsTheImportsMessagesBesideTheirFields() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        try await app.run { client in
            let county = try await client.logIn("county")
            #expect(try await client.request(.get, "/staff/new", session: county).status == .ok)
            let refused = try await client.request(
                .post, "/staff/new", session: county, form: ["number": "CH 1", "name": "", "unit_code": anchors.county, "post": "接访员"])
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains(#"<span class="field-error">工号“CH 1”不能包含空格</span>"#))
            #expect(refused.text.contains(#"<span class="field-error">姓名为空</span>"#))

            let added = try await client.request(
                .post, "/staff/new", session: county,
                form: ["number": "CH0999", "name": "新来的", "unit_code": anchors.county, "post": "接访员", "veteran": "1", "active": "1"])
            #expect(added.status == .seeOther || added.status == .found)
            let form = try await client.request(.get, "/staff/CH0999/edit", session: county)
            #expect(form.status == .ok && form.text.contains(#"value="新来的""#) && !form.text.contains(#"name="unit_code""#))
            let edited = try await client.request(
                .post, "/staff/CH0999/edit", session: county, form: ["name": "改了名", "post": "接访员", "active": "1"])
            #expect(edited.status == .seeOther || edited.status == .found)
            let staff = try await app.database.staffMember("CH0999", for: try await app.database.operatorPrincipal()).staff
            #expect(staff.name == "改了名" && !staff.isVeteran && staff.unitCode == anchors.county)
            #expect(try await client.request(.get, "/staff?veteran=0&q=CH0999", session: county).text.contains("改了名"))
        }
    }

    @Test func theUploadReportsADryRunThenImports() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        let csv = "工号,姓名,单位编码,岗位,退役军人,其他优抚对象,专长,入职日期,在岗\nCH0998,试运行,\(anchors.county),接访员,否,否,,,是\n"
        try await app.run { client in
            let county = try await client.logIn("county")
            #expect(try await client.request(.get, "/staff/import", session: county).text.contains("roster.js"))
            let dry = try await client.upload("/api/v1/staff/import?dry_run=1", session: county, contentType: "text/csv", body: csv)
            let report = try dry.json(StaffImportJSON.self)
            #expect(report.dryRun && report.inserted == 1 && report.changes.map(\.number) == ["CH0998"])
            let root = try await app.database.operatorPrincipal()
            await #expect(throws: LianbingError.self) { try await app.database.staffMember("CH0998", for: root) }
            let real = try await client.upload("/api/v1/staff/import", session: county, contentType: "text/csv", body: csv)
            #expect(try real.json(StaffImportJSON.self).inserted == 1)
            #expect(try await app.database.staffMember("CH0998", for: root).staff.name == "试运行")
            let bad = try await client.upload("/api/v1/staff/import?dry_run=1", session: county, contentType: "text/csv", body: csv + "X 1,,,,,,,,\n")
            #expect(bad.status == .unprocessableContent)
        }
    }
}
