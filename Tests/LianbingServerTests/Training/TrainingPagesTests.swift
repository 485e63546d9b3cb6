import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// The training pages: an organiser creates, invites, publishes, shows the sign-in screen, marks and imports
/// attendance, prints the sheet and closes; a member of staff signs in from the QR code's address and rates the
/// session on 我的培训.
@Suite struct TrainingPagesTests {
    static func local(_ date: Date) -> String { ChinaTime.format(date).replacingOccurrences(of: " ", with: "T") }

    static func location(_ response: TestResponse) -> String { response.headers[.location] ?? "" }

    @Test("Given the forms, then a session goes from the new-session form to closed and rated in the browser")
    func fullFlowThroughTheForms() async throws {
        let fixture = try await TrainingFixture.make()
        let posts = try await fixture.app.database.posts()
        try await fixture.app.run { client in
            let county = try await client.logIn("county")
            let staff = try await client.logIn("staff")

            let list = try await client.request(.get, "/training", session: county)
            #expect(list.status == .ok)
            #expect(list.text.contains("新建培训") && list.text.contains("href=\"/training\"") && list.text.contains("data-business-kind"))

            // A refused form comes back with its problems and what was typed.
            var form = [
                "unit_code": fixture.county, "title": "村站接访员培训", "kind": "practice", "business": "1", "business_basis": "course",
                "starts_at": Self.local(fixture.moment(-600)), "ends_at": Self.local(fixture.moment(7_200)), "hours": "abc",
                "audience_unit": fixture.county, "topics": "权益维护/接访质效\n权益维护/政策落实", "trainers": "张三、李四", "place": "镇会议室",
                "post_\(posts.firstIndex(of: "接访员") ?? 0)": posts.first { $0 == "接访员" } ?? posts[0],
            ]
            let refused = try await client.request(.post, "/training", session: county, form: form)
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("学时须为数字") && refused.text.contains("村站接访员培训") && refused.text.contains(" open"))
            form["hours"] = "4"
            form["post_\(posts.firstIndex(of: "接访员") ?? 0)"] = nil
            let created = try await client.request(.post, "/training", session: county, form: form)
            #expect(created.status == .seeOther, "\(created.text)")
            let path = Self.location(created).components(separatedBy: "?")[0]
            let id = try #require(Int64(path.split(separator: "/").last ?? ""))
            let session = try await fixture.app.database.trainingSession(id, for: try await fixture.app.database.operatorPrincipal())
            #expect(session.kind == .practice && session.isBusiness && session.hours == 4 && session.trainers.map(\.name) == ["张三", "李四"])
            #expect(session.topics == ["权益维护/接访质效", "权益维护/政策落实"] && session.place == "镇会议室")
            let detail = try await client.request(.get, Self.location(created), session: county).text
            #expect(detail.contains("培训已创建为草稿") && detail.contains("发布培训") && detail.contains("删除草稿"))

            // Editing: the kind changed without the script keeps the new kind's default for 业务培训.
            #expect(try await client.request(.get, "/training/\(id)/edit", session: county).status == .ok)
            form["kind"] = "study-day"
            form["business_basis"] = "practice"
            let edited = try await client.request(.post, "/training/\(id)/edit", session: county, form: form)
            #expect(edited.status == .seeOther)
            #expect(try await fixture.app.database.trainingSession(id, for: try await fixture.app.database.operatorPrincipal()).isBusiness == false)
            form["business_basis"] = "study-day"
            _ = try await client.request(.post, "/training/\(id)/edit", session: county, form: form)
            #expect(try await fixture.app.database.trainingSession(id, for: try await fixture.app.database.operatorPrincipal()).isBusiness == true)

            // Invite by number (a typo is shown on the page), then publish.
            let typo = try await client.request(.post, "/training/\(id)/invitees", session: county, form: ["staff_numbers": "NOBODY-1"])
            #expect(typo.status == .badRequest && typo.text.contains("NOBODY-1"))
            let invited = try await client.request(.post, "/training/\(id)/invitees", session: county, form: ["staff_numbers": fixture.staffNumber])
            #expect(Self.location(invited).contains("done=invited&n=1"))
            #expect(try await client.request(.post, "/training/\(id)/publish", session: county, form: [:]).status == .seeOther)
            let again = try await client.request(.post, "/training/\(id)/publish", session: county, form: [:])
            #expect(again.status == .conflict && again.text.contains("不能改为"))

            // The big screen: an inline QR code of the sign-in address, the code in large type, and a refresh.
            let screen = try await client.request(.get, "/training/\(id)/sign-in-screen", session: county)
            #expect(screen.status == .ok)
            #expect(screen.text.contains("<svg") && screen.text.contains("class=\"big-code\"") && screen.text.contains("http-equiv=\"refresh\""))
            let shown = try #require(screen.text.firstMatch(of: /class="big-code" aria-label="签到码">(\d{3}) (\d{3})</))
            let code = String(shown.1 + shown.2)
            #expect(screen.text.contains("/training/sign-in?session=\(id)&amp;code=\(code)"))

            // The member of staff opens the code's address, sees it filled in, and signs in.
            let opened = try await client.request(.get, "/training/sign-in?session=\(id)&code=\(code)", session: staff)
            #expect(opened.status == .ok && opened.text.contains("value=\"\(code)\"") && opened.text.contains("村站接访员培训"))
            let signed = try await client.request(.post, "/training/sign-in", session: staff, form: ["code": code, "session": "\(id)"])
            #expect(signed.status == .ok && signed.text.contains("签到成功"), "\(signed.text)")
            let twice = try await client.request(.post, "/training/sign-in", session: staff, form: ["code": try await fixture.code(id), "session": "\(id)"])
            #expect(twice.status == .conflict && twice.text.contains("已签到"))

            // The organiser's phone list: the attendee shows as attended; another person is marked by button.
            let today = ChinaTime.civilDate(of: fixture.app.database.clock())
            let marking = try await client.request(.get, "/training/\(id)?day=\(today)", session: county).text
            #expect(marking.contains("扫码签到") && marking.contains("value=\"attended|\(fixture.staffNumber)\" aria-pressed=\"true\""))
            let colleague = try await fixture.app.database.staff(
                query: nil, unit: fixture.otherTown, page: PageRequest(page: 1, perPage: 1), for: try await fixture.app.database.operatorPrincipal()
            ).items[0].staff
            let mark = try await client.request(
                .post, "/training/\(id)/attendance", session: county,
                form: ["day": today.description, "mark": "excused|\(colleague.number)", "note": "病假"])
            #expect(mark.status == .seeOther && Self.location(mark).contains("done=marked"))
            let searched = try await client.request(.get, "/training/\(id)?day=\(today)&q=\(Client.encode(colleague.name))", session: county).text
            #expect(searched.contains("病假") && !searched.contains("value=\"attended|\(fixture.staffNumber)\""))

            // Import: every bad line named on the page; the typed text kept.
            let badFile = "工号,日期,状态,学时,备注\n\(colleague.number),\(today),迟到,,\n"
            let badImport = try await client.request(.post, "/training/\(id)/attendance/import", session: county, form: ["csv": badFile])
            #expect(badImport.status == .unprocessableContent)
            #expect(badImport.text.contains("考勤表:2:") && badImport.text.contains("迟到"))
            let goodImport = try await client.request(
                .post, "/training/\(id)/attendance/import", session: county, form: ["csv": "工号,日期,状态,学时,备注\n\(colleague.number),\(today),出席,,\n"])
            #expect(Self.location(goodImport).contains("done=imported&n=1"))

            // The sign-in sheet: one page per day, names, units and an empty signature column.
            let sheet = try await client.request(.get, "/training/\(id)/sheet", session: county)
            #expect(sheet.status == .ok && sheet.text.contains("签到表") && sheet.text.contains("class=\"signature\"") && sheet.text.contains("sheet-page"))

            // Closed: marking needs an amendment reason.
            #expect(try await client.request(.post, "/training/\(id)/close", session: county, form: [:]).status == .seeOther)
            let closed = try await client.request(.get, "/training/\(id)", session: county).text
            #expect(closed.contains("更正原因") && !closed.contains("发布培训"))
            let unexplained = try await client.request(
                .post, "/training/\(id)/attendance", session: county, form: ["day": today.description, "mark": "absent|\(colleague.number)"])
            #expect(unexplained.status == .badRequest && unexplained.text.contains("更正原因"))
            let amended = try await client.request(
                .post, "/training/\(id)/attendance", session: county,
                form: ["day": today.description, "mark": "absent|\(colleague.number)", "amendment_reason": "核对签到表"])
            #expect(amended.status == .seeOther)
            let logged = try await client.request(.get, "/training/\(id)", session: county).text
            #expect(logged.contains("结束后的出勤更正") && logged.contains("核对签到表") && logged.contains("<td>出席 "), "\(logged)")

            // 我的培训: hours, standing, the attended session with its rating form; rating it.
            let mine = try await client.request(.get, "/my/training", session: staff)
            #expect(mine.status == .ok && mine.text.contains("村站接访员培训") && mine.text.contains("action=\"/my/training/\(id)/rating\""))
            #expect(mine.text.contains("本周期已完成业务培训"))
            // What their curriculum standard still asks, on 我的培训 and on the home page.
            let gap = try await fixture.app.database.personCurriculumGap(number: fixture.staffNumber, for: try await fixture.app.database.operatorPrincipal())
            let standardText = gap.standard.map { "每周期应修 \(AppDatabase.points($0.hours)) 学时" } ?? "暂无培训标准"
            #expect(mine.text.contains(standardText), "\(standardText)")
            let home = try await client.request(.get, "/", session: staff).text
            #expect(home.contains("id=\"my-training\"") && home.contains("本周期已修") && home.contains(standardText))
            let badRating = try await client.request(.post, "/my/training/\(id)/rating", session: staff, form: ["score": "9"])
            #expect(badRating.status == .badRequest)
            let rated = try await client.request(.post, "/my/training/\(id)/rating", session: staff, form: ["score": "4", "comment": "案例丰富"])
            #expect(Self.location(rated) == "/my/training?done=rated")
            let after = try await client.request(.get, "/my/training", session: staff).text
            // Their roster page shows the same record to the county administrator.
            let member = try await client.request(.get, "/staff/\(fixture.staffNumber)", session: county).text
            #expect(member.contains("培训记录") && member.contains("村站接访员培训") && member.contains(standardText) && member.contains("轮岗交流与基层锻炼"))
            #expect(after.contains("我的评分：4 分") && !after.contains("action=\"/my/training/\(id)/rating\""))

            // A draft is deleted from its page.
            let draft = try await client.request(.post, "/training", session: county, form: form)
            let draftPath = Self.location(draft).components(separatedBy: "?")[0]
            let deleted = try await client.request(.post, draftPath + "/delete", session: county, form: [:])
            #expect(Self.location(deleted) == "/training?done=deleted")
        }
    }

    @Test("Given each role, then trainers and administrators get the organiser's pages, staff their own, with links from the home page and nav")
    func pagesByRole() async throws {
        let fixture = try await TrainingFixture.make()
        let session = try await fixture.publishedSession()
        try await fixture.app.run { client in
            let organiserPages = ["/training", "/training/\(session.id)", "/training/\(session.id)/edit", "/training/\(session.id)/sheet", "/training/\(session.id)/sign-in-screen"]
            for login in ["trainer", "county", "admin"] {
                let organiser = try await client.logIn(login)
                for uri in organiserPages {
                    #expect(try await client.request(.get, uri, session: organiser).status == .ok, "\(login) \(uri)")
                }
                #expect(try await client.request(.get, "/", session: organiser).text.contains("href=\"/training\""))
                let signIn = try await client.request(.get, "/training/sign-in", session: organiser)
                #expect(signIn.status == .ok && signIn.text.contains("只有关联了工作人员的账号可以签到"))
            }
            let staff = try await client.logIn("staff")
            for uri in organiserPages {
                #expect(try await client.request(.get, uri, session: staff).status == .forbidden, "staff \(uri)")
            }
            let home = try await client.request(.get, "/", session: staff).text
            #expect(home.contains("href=\"/my/training\"") && !home.contains("href=\"/training\""))
            let mine = try await client.request(.get, "/my/training", session: staff).text
            #expect(mine.contains("以会代训：政策落实") && mine.contains("/training/sign-in?session=\(session.id)"))
            let open = try await client.request(.get, "/training/sign-in", session: staff).text
            #expect(open.contains("以会代训：政策落实") && open.contains("name=\"code\""))
            // A phone that is not signed in keeps the QR code's session and code through the login.
            let anonymous = try await client.request(.get, "/training/sign-in?session=\(session.id)&code=123456")
            let login = try #require(anonymous.headers[.location])
            #expect(anonymous.status == .found && login == "/login?next=/training/sign-in%3Fsession%3D\(session.id)%26code%3D123456")
            #expect(try await client.request(.get, login).text.contains("value=\"/training/sign-in?session=\(session.id)&amp;code=123456\""))
        }
    }
}
