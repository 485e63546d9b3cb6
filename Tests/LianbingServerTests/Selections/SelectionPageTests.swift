import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
@testable import LianbingStore
import Testing

/// The selection pages: a county administrator defines a selection with the rules form (a refused form comes back as
/// typed), computes it, reads a candidate's explanation, exports and prints it, publishes and finalises it, and the
/// award shows on the winner's page; another county's administrator finds none of it; a county administrator reads a
/// published province selection as its list only.
@Suite struct SelectionPageTests {
    static func location(_ response: TestResponse) -> String { response.headers[.location] ?? "" }

    /// The rules form filled in for the demo county: every post, all six criteria, z-scores, three places.
    static func form(unit: String, posts: [String], title: String = "全区优秀接访员遴选") -> [String: String] {
        let today = ChinaTime.civilDate(of: Date())
        var fields = [
            "title": title, "unit_code": unit, "award": "优秀接访员", "from": today.adding(days: -365)!.description, "through": today.description,
            "normalisation": "z-score", "missing": "rescale", "minimum_ratings": "0", "places": "3", "sharing": "total", "method": "sainte-lague",
        ]
        for (index, post) in posts.enumerated() { fields["post_\(index)"] = post }
        for criterion in SelectionCriterion.allCases {
            fields["use_\(criterion.rawValue)"] = "1"
            fields["weight_\(criterion.rawValue)"] = "20"
        }
        return fields
    }

    @Test("Given the rules form, then the county administrator creates, computes, explains, exports, publishes and finalises a selection, and the award is on the winner's page")
    func managerPages() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        let op = try await app.database.operatorPrincipal()
        let posts = try await app.database.posts()
        try await app.run { client in
            let county = try await client.logIn("county")
            let list = try await client.request(.get, "/selections", session: county)
            #expect(list.status == .ok && list.text.contains("href=\"/selections/new\""))
            #expect(list.text.contains("<a href=\"/selections\" aria-current=\"page\">评优遴选</a>"))
            let blank = try await client.request(.get, "/selections/new", session: county)
            #expect(blank.status == .ok && blank.text.contains("<option value=\"\(anchors.county)\" selected>"))
            #expect(blank.text.contains("<datalist id=\"selection-awards\"><option value=\"优秀主任（站长）\">"))
            #expect(blank.text.contains("name=\"weight_training-hours\"") && blank.text.contains("name=\"normalisation\" value=\"min-max\""))

            // A weight out of range: the store's message above the form, everything as typed.
            var fields = Self.form(unit: anchors.county, posts: posts)
            fields["weight_assessment"] = "150"
            let refused = try await client.request(.post, "/selections", session: county, form: fields)
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("“集中考核平均得分率”的权重须为 1 到 100"))
            #expect(refused.text.contains("value=\"全区优秀接访员遴选\"") && refused.text.contains("name=\"weight_assessment\" value=\"150\""))
            #expect(refused.text.contains("name=\"normalisation\" value=\"z-score\" checked"))
            // Not a number at all: the form's own problem.
            fields["weight_assessment"] = "三十"
            let typo = try await client.request(.post, "/selections", session: county, form: fields)
            #expect(typo.status == .badRequest && typo.text.contains("权重须为 1 到 100 之间的整数") && typo.text.contains("value=\"三十\""))

            fields["weight_assessment"] = "30"
            let created = try await client.request(.post, "/selections", session: county, form: fields)
            #expect(created.status == .seeOther, "\(created.text)")
            let path = Self.location(created).components(separatedBy: "?")[0]
            let id = try #require(Int64(path.split(separator: "/").last ?? ""))
            let draft = try await client.request(.get, Self.location(created), session: county).text
            #expect(draft.contains("遴选已创建为草稿") && draft.contains("action=\"\(path)/compute\"") && draft.contains("href=\"\(path)/edit\""))
            #expect(try await app.database.selection(id, by: op).rules.criteria.first?.weight == 30)

            // The draft's rules can still change.
            let edit = try await client.request(.get, path + "/edit", session: county)
            #expect(edit.status == .ok && edit.text.contains("value=\"全区优秀接访员遴选\"") && !edit.text.contains("name=\"unit_code\""))
            fields["title"] = "全区优秀接访员遴选（修订）"
            #expect(try await client.request(.post, path + "/edit", session: county, form: fields).status == .seeOther)

            // Computing locks the rules and shows the ranking, each line linking to its explanation.
            let computed = try await client.request(.post, path + "/compute", session: county, form: [:])
            #expect(computed.status == .seeOther)
            let result = try await client.request(.get, path, session: county).text
            #expect(result.contains("规则已在首次计算时锁定") && result.contains("重新计算") && result.contains("名额分配") && result.contains("action=\"\(path)/publish\""))
            let selection = try await app.database.selection(id, by: op)
            let outcome = try #require(selection.outcome)
            let first = try #require(outcome.lines.first { $0.rank == 1 })
            #expect(result.contains("href=\"\(path)/candidates/\(first.candidate.number)\""))
            #expect(try await client.request(.get, path + "/edit", session: county).status == .seeOther)

            let explanation = try await client.request(.get, path + "/candidates/\(first.candidate.number)", session: county)
            #expect(explanation.status == .ok)
            for criterion in SelectionCriterion.allCases { #expect(explanation.text.contains(criterion.label), "\(criterion.label)") }
            #expect(explanation.text.contains("第 1 名") && explanation.text.contains("标准分：") && explanation.text.contains("入选："))
            #expect(try await client.request(.get, path + "/candidates/NOBODY", session: county).status == .notFound)

            // Exports and the printable list.
            let csv = try await client.request(.get, path + "/result.csv", session: county)
            #expect(csv.status == .ok && csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.text.replacingOccurrences(of: "\u{FEFF}", with: "").hasPrefix("名次,工号,姓名,单位,名额单位,集中考核平均得分率（原始）"))
            let workbook = try await client.request(.get, path + "/result.xlsx", session: county)
            #expect(workbook.status == .ok && workbook.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            let listCSV = try await client.request(.get, path + "/list.csv", session: county)
            #expect(listCSV.text.replacingOccurrences(of: "\u{FEFF}", with: "").hasPrefix("序号,姓名,单位,综合得分,名次,备注"))
            let listBook = try WorkbookDownload(try await client.request(.get, path + "/list.xlsx", session: county), filename: "selection-\(id)-list.xlsx")
            let listHeader: [String] = ["序号", "姓名", "单位", "综合得分", "名次", "备注"]
            #expect(listBook.rows.first == listHeader && listBook.rows.count > 1)
            let numberCells: Set<Int> = [0, 3, 4]
            #expect(listBook.numberColumns.dropFirst().allSatisfy { numberCells.isSubset(of: $0) && $0.isSubset(of: numberCells) })
            let print = try await client.request(.get, path + "/print", session: county)
            #expect(print.status == .ok && print.text.contains("拟入选名单") && print.text.contains(first.candidate.name) && print.text.contains("selections.css"))
            #expect(try await client.request(.get, path + "/certificates", session: county).status == .conflict)

            // Publishing: a bad number of days comes back as typed; then one working day.
            let badDays = try await client.request(.post, path + "/publish", session: county, form: ["working_days": "五"])
            #expect(badDays.status == .badRequest && badDays.text.contains("公示期须为整数个工作日") && badDays.text.contains("value=\"五\""))
            #expect(try await client.request(.post, path + "/publish", session: county, form: ["working_days": "1"]).status == .seeOther)
            let published = try await client.request(.get, path, session: county).text
            #expect(published.contains("公示截止") && published.contains("action=\"\(path)/finalise\"") && !published.contains("action=\"\(path)/compute\""))
            let early = try await client.request(.post, path + "/finalise", session: county, form: [:])
            #expect(early.status == .conflict && early.text.contains("之后才能定稿"))

            // The notice period over: final, with one certificate per winner and the award on each winner's page.
            try await app.database.writer.write { db in
                try db.execute(sql: "UPDATE selection SET noticeEndsOn = '2000-01-01' WHERE id = ?", arguments: [id])
            }
            #expect(try await client.request(.post, path + "/finalise", session: county, form: [:]).status == .seeOther)
            let final = try await client.request(.get, path, session: county).text
            #expect(final.contains("已定稿") && final.contains("获奖名单") && final.contains("href=\"\(path)/certificates\""))
            let winners = try await app.database.selection(id, by: op).nominees
            #expect(!winners.isEmpty)
            let certificates = try await client.request(.get, path + "/certificates", session: county)
            #expect(certificates.status == .ok)
            #expect(certificates.text.components(separatedBy: "<article class=\"certificate\">").count - 1 == winners.count)
            #expect(certificates.text.contains("被评为优秀接访员。特发此证，以资鼓励。") && certificates.text.contains("certificate-issuer"))
            let member = try await client.request(.get, "/staff/\(winners[0].number.urlEncoded)", session: county).text
            #expect(member.contains("表彰奖励") && member.contains("优秀接访员") && member.contains("全区优秀接访员遴选（修订）"))
            // And on the winner's own record.
            let unit = try #require(outcome.lines.first { $0.candidate.number == winners[0].number }).candidate.unitCode
            _ = try await app.database.createAccount(
                NewAccount(username: "winner", role: .staff, unitCode: unit, staffNumber: winners[0].number, password: "Winner-Pass-2024"), by: op)
            let winner = try await client.logIn("winner", password: "Winner-Pass-2024")
            let record = try await client.request(.get, "/my/record", session: winner).text
            #expect(record.contains("表彰奖励") && record.contains("<strong>优秀接访员</strong>") && record.contains("href=\"\(path)\""))
            #expect(try await client.request(.get, path, session: winner).text.contains("获奖名单"))
        }
    }

    @Test("Given a county's selection, then another county's administrator finds it nowhere: 404 on its page and exports")
    func otherCountysAdministratorGetsNotFound() async throws {
        let app = try await TestApp.demo()
        let anchors = try await app.anchors()
        let op = try await app.database.operatorPrincipal()
        let rules = try JSONDecoder().decode(SelectionRules.self, from: Data(SelectionScopeTests.rulesJSON().utf8))
        let selection = try await app.database.createSelection(unitCode: anchors.county, title: "本县遴选", rules: rules, by: op)
        _ = try await app.database.computeSelection(selection.id, by: op)
        _ = try await app.database.createAccount(
            NewAccount(username: "othercounty", role: .admin, unitCode: anchors.outsideUnit, password: "Other-County-2024"), by: op)
        try await app.run { client in
            let other = try await client.logIn("othercounty", password: "Other-County-2024")
            #expect(!(try await client.request(.get, "/selections", session: other).text.contains("本县遴选")))
            for suffix in ["", "/edit", "/print", "/list.csv", "/result.csv", "/certificates"] {
                #expect(try await client.request(.get, "/selections/\(selection.id)\(suffix)", session: other).status == .notFound, "\(suffix)")
            }
            #expect(try await client.request(.post, "/selections/\(selection.id)/compute", session: other, form: [:]).status == .notFound)
            let county = try await client.logIn("county")
            #expect(try await client.request(.get, "/selections/\(selection.id)", session: county).status == .ok)
        }
    }

    @Test("Given a published province selection, then a county administrator reads its list, deadline and objection form only")
    func countyAdministratorReadsProvinceSelection() async throws {
        let app = try await TestApp.demo()
        let op = try await app.database.operatorPrincipal()
        let province = try await app.database.account("admin", for: op).account.unitCode
        let published = try await app.publishedSelection(unit: province, title: "全省优秀主任遴选")
        let selection = try await app.database.selection(published.selection, by: op)
        let path = "/selections/\(published.selection)"
        try await app.run { client in
            let county = try await client.logIn("county")
            let list = try await client.request(.get, "/selections", session: county).text
            #expect(list.contains("全省优秀主任遴选") && list.contains("只读"))
            let page = try await client.request(.get, path, session: county)
            let ends = try #require(selection.noticeEndsOn)
            #expect(page.status == .ok && page.text.contains("公示名单") && page.text.contains("公示截止：\(ends)"))
            #expect(page.text.contains("action=\"\(path)/objections\""))
            for hidden in ["/compute", "/candidates/", "/publish", "/finalise", "/result.csv", "计算结果", "名单调整", "全省优秀主任遴选：名单有误"] {
                #expect(!page.text.contains(hidden), "\(hidden)")
            }
            if let nominee = selection.nominees.first { #expect(page.text.contains(nominee.name)) }
            #expect(try await client.request(.get, path + "/candidates/\(selection.nominees.first?.number ?? "x")", session: county).status == .forbidden)
            #expect(try await client.request(.get, path + "/result.csv", session: county).status == .forbidden)
            #expect(try await client.request(.post, path + "/compute", session: county, form: [:]).status == .forbidden)
            #expect(try await client.request(.get, path + "/print", session: county).status == .ok)

            // An objection: too short comes back as typed; then filed, and shown to its author.
            let short = try await client.request(.post, path + "/objections", session: county, form: ["text": "错"])
            #expect(short.status == .badRequest && short.text.contains("异议内容须为 2 到 500 个字") && short.text.contains(">错</textarea>"))
            let filed = try await client.request(.post, path + "/objections", session: county, form: ["text": "名单中一人已调离岗位"])
            #expect(filed.status == .seeOther)
            let after = try await client.request(.get, Self.location(filed), session: county).text
            #expect(after.contains("异议已提交") && after.contains("名单中一人已调离岗位") && after.contains("待答复"))
        }
    }
}
