import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// The coverage planner in the browser and as JSON: it refuses what the store's bounds refuse with 400, shows the
/// cohorts and the shortfall, and its button creates the drafts it showed.
@Suite struct TrainingPlanPageTests {
    static var today: CivilDate { ChinaTime.civilDate(of: Date()) }

    /// `count` days from today within the cycle (today itself is always allowed).
    static func dates(_ count: Int) -> [CivilDate] {
        let last = TrainingSettings().cycle(containing: today).lastDay
        return (0..<count).compactMap { today.adding(days: $0) }.filter { $0 <= last }
    }

    @Test("Given capacity 0, too many dates or a bad date, then the page and the API answer 400 with a Chinese message")
    func refusesBadInput() async throws {
        let app = try await TestApp.demo()
        let county = try await app.anchors().county
        let today = Self.today.description
        let tooMany = (0..<1_001).map { CivilDate(year: 2026, month: 1, day: 1)!.adding(days: $0)!.description }
        try await app.run { client in
            let session = try await client.logIn("county")
            let apiCases: [(String, String)] = [
                (#"{"unitCode":"\#(county)","dates":["\#(today)"],"capacity":0}"#, "每期人数"),
                (#"{"unitCode":"\#(county)","dates":[\#(tooMany.map { "\"\($0)\"" }.joined(separator: ","))],"capacity":30}"#, "最多 1000 个"),
                (#"{"unitCode":"\#(county)","dates":["2026-02-30"],"capacity":30}"#, "培训日期"),
                (#"{"unitCode":"\#(county)","dates":["\#(today)"],"capacity":30,"kind":"karaoke"}"#, "培训类型"),
                (#"{"unitCode":"\#(county)","weekdays":[8],"capacity":30}"#, "weekdays"),
                (#"{"unitCode":"\#(county)","capacity":30}"#, "日期"),
                (#"{"unitCode":"\#(county)","dates":["\#(today)"],"capacity":100001}"#, "每期人数"),
            ]
            for (body, message) in apiCases {
                let response = try await client.request(.post, "/api/v1/training/plan", session: session, json: body)
                #expect(response.status == .badRequest, "\(body.prefix(100)) answered \(response.status)")
                #expect(response.errorCode == "invalid" && response.text.contains(message), "\(response.text.prefix(200))")
            }
            let formCases: [([String: String], String)] = [
                (["unit": county, "dates": today, "capacity": "0"], "每期人数"),
                (["unit": county, "dates": tooMany.joined(separator: "\n"), "capacity": "30"], "最多 1000 个"),
                (["unit": county, "dates": "明天", "capacity": "30"], "培训日期"),
                (["unit": county, "capacity": "30"], "可用的培训日期"),
                (["unit": county, "mon": "1", "from": "2026-12-31", "to": "2026-01-01", "capacity": "30"], "截止日期"),
                (["unit": county, "dates": today, "capacity": "很多"], "每期人数"),
            ]
            for (form, message) in formCases {
                let response = try await client.request(.post, "/training/plan", session: session, form: form.merging(["action": "preview"]) { a, _ in a })
                #expect(response.status == .badRequest, "\(form["capacity"] ?? "") answered \(response.status)")
                #expect(response.text.contains(message) && response.text.contains("class=\"alert\""), "\(message)")
            }
            // Nothing was created by any of them.
            #expect(try await app.database.trainingSessions(
                TrainingSessionFilter(status: .draft), page: PageRequest(page: 1, perPage: 10), for: try await app.database.operatorPrincipal()).total == 0)
        }
    }

    @Test("Given a plan that cannot place everyone, then it says how many stay and how many more session-dates they need")
    func shortfallIsStated() async throws {
        let app = try await TestApp.demo()
        let county = try await app.anchors().county
        let op = try await app.database.operatorPrincipal()
        let plan = try await app.database.planCoverage(unit: county, dates: [Self.today], capacity: 1, for: op)
        try #require(plan.toPlan > 1, "the demo county has people to plan")
        try await app.run { client in
            let session = try await client.logIn("county")
            let api = try await client.request(
                .post, "/api/v1/training/plan", session: session, json: #"{"unitCode":"\#(county)","dates":["\#(Self.today)"],"capacity":1}"#)
            #expect(api.status == .ok)
            let result = try api.json(CoveragePlanResult.self)
            #expect(result == plan)
            #expect(result.cohorts.count == 1 && result.unplaced.count == plan.toPlan - 1 && result.missingSessionDates == plan.toPlan - 1)
            let page = try await client.request(
                .post, "/training/plan", session: session, form: ["unit": county, "dates": Self.today.description, "capacity": "1", "action": "preview"])
            #expect(page.status == .ok)
            #expect(page.text.contains("仍有 \(plan.unplaced.count) 人无法安排，按每期 1 人还需 \(plan.missingSessionDates) 个培训日"))
            #expect(page.text.contains("生成草稿培训"))
        }
    }

    @Test("Given the planner page, then previewing shows the cohorts and the button creates those drafts, linked")
    func previewThenApply() async throws {
        let app = try await TestApp.demo()
        let county = try await app.anchors().county
        let op = try await app.database.operatorPrincipal()
        let dates = Self.dates(3)
        let capacity = 100_000
        let expected = try await app.database.planCoverage(unit: county, dates: dates, capacity: capacity, for: op)
        try #require(!expected.cohorts.isEmpty)
        try await app.run { client in
            let session = try await client.logIn("county")
            let blank = try await client.request(.get, "/training/plan", session: session)
            #expect(blank.status == .ok && blank.text.contains("全覆盖培训排班") && blank.text.contains("value=\"\(county)\" selected"))
            let preview = try await client.request(
                .post, "/training/plan", session: session,
                form: ["unit": county, "dates": dates.map(\.description).joined(separator: "\n"), "capacity": String(capacity), "kind": "meeting",
                       "action": "preview"])
            #expect(preview.status == .ok)
            #expect(preview.text.contains("可以全部覆盖"))
            let block = try #require(TrainingDashboardTests.block(preview.text, id: "plan-table"))
            let planned = try await app.database.planCoverage(unit: county, dates: dates, capacity: capacity, kind: .meeting, for: op)
            #expect(try TrainingDashboardTests.rows(block) == planned.table.rows)
            #expect(preview.text.contains("name=\"action\" value=\"apply\""))

            // With topics: the table gains 专题, the apply form keeps the choice.
            let withTopics = try await client.request(
                .post, "/training/plan", session: session,
                form: ["unit": county, "dates": dates.map(\.description).joined(separator: "\n"), "capacity": String(capacity), "kind": "meeting",
                       "with_topics": "1", "action": "preview"])
            let topicsPlan = try await app.database.planCoverage(
                unit: county, dates: dates, capacity: capacity, kind: .meeting, withTopics: true, for: op)
            let topicsBlock = try #require(TrainingDashboardTests.block(withTopics.text, id: "plan-table"))
            #expect(try TrainingDashboardTests.columns(topicsBlock).last == "专题")
            #expect(try TrainingDashboardTests.rows(topicsBlock) == topicsPlan.table.rows)
            #expect(withTopics.text.contains("<input type=\"hidden\" name=\"with_topics\" value=\"1\">"))
            let api = try await client.request(
                .post, "/api/v1/training/plan", session: session,
                json: #"{"unitCode":"\#(county)","dates":["\#(dates[0])"],"capacity":\#(capacity),"withTopics":true}"#)
            #expect(try api.json(CoveragePlanResult.self).cohorts.map(\.topics) == [topicsPlan.cohorts[0].topics])

            // Without the form token the button does nothing.
            let forged = try await client.request(
                .post, "/training/plan", session: session,
                form: ["unit": county, "dates": dates.map(\.description).joined(separator: ","), "capacity": String(capacity), "action": "apply"],
                csrf: false)
            #expect(forged.status == .forbidden)

            let applied = try await client.request(
                .post, "/training/plan", session: session,
                form: ["unit": county, "dates": dates.map(\.description).joined(separator: ","), "capacity": String(capacity), "kind": "meeting",
                       "title": "滚动培训", "action": "apply"])
            #expect(applied.status == .seeOther)
            let location = try #require(applied.headers[.location])
            #expect(location.hasPrefix("/training/plan?created="))
            let ids = location.components(separatedBy: "created=")[1].components(separatedBy: "&")[0].removingPercentEncoding!
                .split(separator: ",").compactMap { Int64($0) }
            #expect(ids.count == planned.cohorts.count)
            let first = try await app.database.trainingSession(ids[0], for: op)
            #expect(first.status == .draft && first.kind == .meeting && first.title == "滚动培训（第1期）" && first.unitCode == county)
            let done = try await client.request(.get, location, session: session)
            #expect(done.text.contains("已生成草稿培训 \(ids.count) 期") && done.text.contains("href=\"/training/\(ids[0])\""))

            // Re-planning leaves out the people now invited; applying again creates nothing.
            let again = try await client.request(
                .post, "/api/v1/training/plan", session: session,
                json: #"{"unitCode":"\#(county)","dates":["\#(dates[0])"],"capacity":\#(capacity),"apply":true}"#)
            #expect(again.status == .created)
            struct Applied: Decodable { var sessionIds: [Int64] }
            #expect(try again.json(Applied.self).sessionIds.isEmpty)
            let replan = try await client.request(
                .post, "/api/v1/training/plan", session: session, json: #"{"unitCode":"\#(county)","weekdays":[1,2,3,4,5,6,7],"capacity":50}"#)
            #expect(replan.status == .ok)
            #expect(try replan.json(CoveragePlanResult.self).toPlan == 0)
        }
    }
}
