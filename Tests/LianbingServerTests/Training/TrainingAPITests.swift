import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// A session's whole life through `/api/v1/training`: created, changed, invitees, published, signed in to, marked,
/// imported, closed, amended, rated, reported, and the attendee's own record.
@Suite struct TrainingAPITests {
    @Test("Given a county administrator and a member of staff, then a session goes from draft to closed and rated through the API")
    func fullSessionFlow() async throws {
        let fixture = try await TrainingFixture.make()
        let staffNumber = fixture.staffNumber
        try await fixture.app.run { client in
            let county = try await client.logIn("county")
            let staff = try await client.logIn("staff")

            // Create with one invitee, read back, change.
            let created = try await client.request(.post, "/api/v1/training/sessions", session: county, json: fixture.sessionJSON(invitees: [staffNumber]))
            #expect(created.status == .created, "\(created.text)")
            let session = try created.json(TrainingSessionJSON.self)
            #expect(session.status == .draft && session.kind == .course && session.isBusiness && session.invited == 1 && session.isManaged)
            #expect(session.trainers.map(\.name) == ["李老师"] && session.topics == ["权益维护/接访质效"] && !session.days.isEmpty)
            let id = session.id
            let shown = try await client.request(.get, "/api/v1/training/sessions/\(id)", session: county).json(TrainingSessionJSON.self)
            #expect(shown.title == "接访业务专题培训班")
            let changed = try await client.request(
                .put, "/api/v1/training/sessions/\(id)", session: county,
                json: fixture.sessionJSON(title: "接访业务专题培训班（第二期）", kind: "study-day", extra: #","isBusiness":true,"capacity":500"#))
            #expect(changed.status == .ok, "\(changed.text)")
            let edited = try changed.json(TrainingSessionJSON.self)
            #expect(edited.title.hasSuffix("（第二期）") && edited.kind == .studyDay && edited.isBusiness && edited.capacity == 500)

            // The list finds it by status and date; a bad filter is refused.
            let today = ChinaTime.civilDate(of: fixture.app.database.clock())
            let drafts = try await client.request(
                .get, "/api/v1/training/sessions?status=draft&from=\(today.adding(days: -1)!)&to=\(today.adding(days: 1)!)&per_page=5", session: county)
                .json(PageJSON<TrainingSessionJSON>.self)
            #expect(drafts.items.contains { $0.id == id } && drafts.perPage == 5)
            #expect(try await client.request(.get, "/api/v1/training/sessions?status=bogus", session: county).status == .badRequest)
            #expect(try await client.request(.get, "/api/v1/training/sessions?from=2026-13-40", session: county).status == .badRequest)

            // Invitees: by number, then a bad request, then the list.
            let invitees = try await client.request(.get, "/api/v1/training/sessions/\(id)/invitees", session: county).json([StaffJSON].self)
            #expect(invitees.map(\.number) == [staffNumber])
            let neither = try await client.request(.post, "/api/v1/training/sessions/\(id)/invitees", session: county, json: "{}")
            #expect(neither.status == .badRequest)
            let outside = try await client.request(
                .post, "/api/v1/training/sessions/\(id)/invitees", session: county, json: #"{"staffNumbers":["NOBODY-1"]}"#)
            #expect(outside.status == .badRequest)

            // Sign-in needs a published session; the screen's code then signs the member of staff in.
            #expect(try await client.request(.get, "/api/v1/training/sessions/\(id)/sign-in-code", session: county).status == .conflict)
            #expect(try await client.request(.post, "/api/v1/training/sessions/\(id)/publish", session: county, json: "{}").json(TrainingSessionJSON.self).status == .published)
            #expect(try await client.request(.post, "/api/v1/training/sessions/\(id)/publish", session: county, json: "{}").status == .conflict)
            #expect(try await client.request(.delete, "/api/v1/training/sessions/\(id)", session: county).status == .conflict)
            let code = try await client.request(.get, "/api/v1/training/sessions/\(id)/sign-in-code", session: county).json(SignInCodeJSON.self)
            #expect(code.code.count == 6 && code.day == today && code.url.hasSuffix("/training/sign-in?session=\(id)&code=\(code.code)"))
            let signedIn = try await client.request(.post, "/api/v1/training/sign-in", session: staff, json: #"{"code":"\#(code.code)","session":\#(id)}"#)
            #expect(signedIn.status == .created, "\(signedIn.text)")
            let receipt = try signedIn.json(SignInReceipt.self)
            #expect(receipt.sessionId == id && receipt.day == today && !receipt.isWalkIn)

            // The organiser marks someone else of the audience as excused (a walk-in), and imports a file.
            let colleague = try await fixture.app.database.staff(
                query: nil, unit: fixture.otherTown, page: PageRequest(page: 1, perPage: 1), for: try await fixture.app.database.operatorPrincipal()
            ).items[0].staff.number
            let marks = #"{"marks":[{"staffNumber":"\#(colleague)","day":"\#(today)","status":"excused","reason":"外出办事"}]}"#
            let marked = try await client.request(.post, "/api/v1/training/sessions/\(id)/attendance", session: county, json: marks)
            #expect(marked.status == .ok, "\(marked.text)")
            let summary = try marked.json(AttendanceSummary.self)
            #expect(summary.recorded == 1 && summary.walkIns == 1 && summary.amended == 0)
            let wrongType = try await client.upload(
                "/api/v1/training/sessions/\(id)/attendance/import", session: county, contentType: "application/json", body: "{}")
            #expect(wrongType.status == .unsupportedMediaType)
            let bad = try await client.upload(
                "/api/v1/training/sessions/\(id)/attendance/import", session: county, contentType: "text/csv",
                body: "工号,日期,状态,学时,备注\n\(colleague),\(today),迟到,,\nNOBODY-1,\(today),出席,,\n")
            #expect(bad.status == .unprocessableContent)
            #expect(bad.errorCode == "import_rejected" && bad.text.contains("迟到") && bad.text.contains("NOBODY-1"))
            let good = try await client.upload(
                "/api/v1/training/sessions/\(id)/attendance/import", session: county, contentType: "text/csv; charset=utf-8",
                body: "工号,日期,状态,学时,备注\n\(colleague),\(today),出席,1.5,补登\n")
            #expect(good.status == .ok, "\(good.text)")
            let attendance = try await client.request(.get, "/api/v1/training/sessions/\(id)/attendance", session: county).json([AttendanceEntryJSON].self)
            #expect(attendance.count == 2)
            #expect(attendance.first { $0.staffNumber == staffNumber }?.source == "code")
            let imported = try #require(attendance.first { $0.staffNumber == colleague })
            #expect(imported.status == .attended && imported.hours == 1.5 && imported.isWalkIn && imported.source == "import")

            // Closed: attendance is locked, changes need a reason and are counted as amendments.
            #expect(try await client.request(.post, "/api/v1/training/sessions/\(id)/close", session: county, json: "{}").json(TrainingSessionJSON.self).status == .closed)
            #expect(try await client.request(.put, "/api/v1/training/sessions/\(id)", session: county, json: fixture.sessionJSON()).status == .conflict)
            let unexplained = #"{"marks":[{"staffNumber":"\#(colleague)","day":"\#(today)","status":"absent"}]}"#
            #expect(try await client.request(.post, "/api/v1/training/sessions/\(id)/attendance", session: county, json: unexplained).status == .badRequest)
            let amended = try await client.request(
                .post, "/api/v1/training/sessions/\(id)/attendance", session: county,
                json: #"{"marks":[{"staffNumber":"\#(colleague)","day":"\#(today)","status":"absent","reason":"核实未到"}],"amendmentReason":"核对签到表"}"#)
            #expect(try amended.json(AttendanceSummary.self).amended == 1)

            // The attendee rates it; organisers read the evaluation three ways.
            #expect(try await client.request(.post, "/api/v1/training/sessions/\(id)/ratings", session: staff, json: #"{"score":6}"#).status == .badRequest)
            #expect(try await client.request(.post, "/api/v1/training/sessions/\(id)/ratings", session: staff, json: #"{"score":5,"comment":"很实用"}"#).status == .noContent)
            #expect(try await client.request(.post, "/api/v1/training/sessions/\(id)/ratings", session: county, json: #"{"score":5}"#).status == .forbidden)
            let bySession = try await client.request(.get, "/api/v1/training/ratings?by=session", session: county).json([RatingSummary].self)
            #expect(bySession.contains { $0.subject == "\(id) 接访业务专题培训班（第二期）" && $0.ratings == 1 && $0.average == 5 && $0.comments == ["很实用"] })
            let byKind = try await client.request(.get, "/api/v1/training/ratings?by=kind", session: county).json([RatingSummary].self)
            #expect(byKind.contains { $0.subject == "学习日" })
            let byTrainer = try await client.request(.get, "/api/v1/training/ratings?by=trainer&unit=\(fixture.county)", session: county).json([RatingSummary].self)
            #expect(byTrainer.contains { $0.subject == "李老师" })
            #expect(try await client.request(.get, "/api/v1/training/ratings?by=month", session: county).status == .badRequest)

            // The attendee's own record.
            let mine = try await client.request(.get, "/api/v1/me/training", session: staff).json(MyTrainingJSON.self)
            let row = try #require(mine.attended.first { $0.sessionId == id })
            #expect(row.rating == 5 && row.countsForCoverage && row.hours > 0)
            #expect(mine.isCovered && mine.hoursThisCycle >= row.hours)
            #expect(try await client.request(.get, "/api/v1/me/training", session: county).status == .forbidden)

            // A draft can be deleted; staff cannot manage sessions.
            let draft = try await client.request(.post, "/api/v1/training/sessions", session: county, json: fixture.sessionJSON(title: "待删除")).json(TrainingSessionJSON.self)
            #expect(try await client.request(.delete, "/api/v1/training/sessions/\(draft.id)", session: county).status == .noContent)
            #expect(try await client.request(.get, "/api/v1/training/sessions/\(draft.id)", session: county).status == .notFound)
            #expect(try await client.request(.get, "/api/v1/training/sessions", session: staff).status == .forbidden)
            #expect(try await client.request(.post, "/api/v1/training/sessions", session: staff, json: fixture.sessionJSON()).status == .forbidden)
        }
    }

    @Test("Given bad bodies, then the API answers 400 with a message and stores nothing")
    func badBodiesAreRefused() async throws {
        let fixture = try await TrainingFixture.make()
        try await fixture.app.run { client in
            let county = try await client.logIn("county")
            for body in [
                fixture.sessionJSON(kind: "lecture"), fixture.sessionJSON(start: 3_600, end: 0), fixture.sessionJSON(hours: 1e300),
                fixture.sessionJSON(extra: #","capacity":0"#), fixture.sessionJSON(trainers: #"[{"name":"甲","expertId":1}]"#), fixture.sessionJSON(trainers: "[{}]"), "[]",
            ] {
                let response = try await client.request(.post, "/api/v1/training/sessions", session: county, json: body)
                #expect(response.status == .badRequest, "\(body): \(response.text)")
                #expect(response.errorCode == "invalid")
            }
            let outside = try await client.request(.post, "/api/v1/training/sessions", session: county, json: fixture.sessionJSON(unit: fixture.outsideUnit))
            #expect(outside.status == .notFound)
        }
    }
}
