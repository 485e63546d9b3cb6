import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
@testable import LianbingServer
import LianbingStore
import Testing

/// The new-exam form as a trainer meets it: the shipped blueprint shown as a table and as text, one paper drawn to
/// read, 考生须知 kept and shown to candidates, and refusals beside their fields with what was typed kept; the
/// training form's refusals likewise.
@Suite struct ExamFormTests {
    /// Whether `message` is shown inside the label of the field named `field`, after it: beside it on a phone.
    static func beside(_ page: String, field: String, _ message: String) -> Bool {
        guard let input = page.range(of: "name=\"\(field)\""), let end = page.range(of: "</label>", range: input.upperBound..<page.endIndex),
            let shown = page.range(of: "<span class=\"field-error\">\(message)", range: input.upperBound..<page.endIndex)
        else { return false }
        return shown.upperBound <= end.lowerBound
    }

    /// `datetime-local` text for a time, China time.
    static func local(_ date: Date) -> String { ChinaTime.format(date).replacingOccurrences(of: " ", with: "T") }

    @Test func theNewExamPageShowsTheShippedBlueprintAsATableAndTextWithoutPointingAtTheReadme() async throws {
        try await TestApp.demoWithExams().run { client in
            let trainer = try await client.logIn("trainer")
            let page = try await client.request(.get, "/exams/new", session: trainer).text
            #expect(!page.contains("Blueprints/README.md") && page.contains("规则文本怎么写"))
            #expect(page.contains("data-blueprint=\"季度集中考核.txt\"") && page.contains("每份试卷 36 题，总分 100 分"))
            #expect(page.contains("<th>知识点</th>") && page.contains("<td>法律法规</td>") && page.contains("查看规则文件 季度集中考核.txt 的原文"))
            #expect(page.contains("[细目]"), "the file's text is on the page")
            #expect(page.contains("name=\"instructions\"") && page.contains("class=\"exam-form\" novalidate"))
        }
    }

    @Test func checkingDrawsOnePaperToReadAndStoresNothing() async throws {
        let app = try await TestApp.demoWithExams()
        let county = try await app.anchors().county
        let form = [
            "title": "预览", "unit_code": county, "opens_at": "2030-03-01T09:00", "closes_at": "2030-03-01T11:00", "duration_minutes": "90",
            "pass_mark": "60", "review_content": "score", "review_timing": "after-release", "review_request_days": "7",
            "blueprint_file": "季度集中考核.txt", "action": "check",
        ]
        try await app.run { client in
            let trainer = try await client.logIn("trainer")
            let before = try await app.database.examTablesSnapshot()
            let page = try await client.request(.post, "/exams", session: trainer, form: form).text
            #expect(page.contains("组卷规则可行") && page.contains("预览一份试卷（共 36 题，满分 100 分"))
            let list = try #require(page.range(of: "<ol class=\"preview-items\">"))
            let items = String(page[list.upperBound...]).components(separatedBy: "</ol>")[0]
            #expect(items.components(separatedBy: "<li>").count - 1 == 36)
            #expect(items.contains("单选题 · 2 分"))
            #expect(try await app.database.examTablesSnapshot() == before)
        }
    }

    @Test func instructionsAreStoredAndShownToCandidatesBeforeTheyStart() async throws {
        let app = try await TestApp.demoWithExams()
        let county = try await app.anchors().county
        let now = app.database.clock()
        let form = [
            "title": "带须知的考试", "unit_code": county, "opens_at": Self.local(now.addingTimeInterval(-3_600)),
            "closes_at": Self.local(now.addingTimeInterval(7_200)), "duration_minutes": "30", "pass_mark": "60", "review_content": "score",
            "review_timing": "after-release", "review_request_days": "7", "blueprint_file": "季度集中考核.txt", "action": "save",
            "instructions": "请独立作答。\n中途断网不丢答案。",
        ]
        try await app.run { client in
            let trainer = try await client.logIn("trainer")
            let saved = try await client.request(.post, "/exams", session: trainer, form: form)
            let id = try #require(ExamPagesTests.examID(in: saved))
            let op = try await app.database.operatorPrincipal()
            #expect(try await app.database.exam(id, by: op).instructions == "请独立作答。\n中途断网不丢答案。")
            let edit = try await client.request(.get, "/exams/\(id)/edit", session: trainer).text
            #expect(edit.contains(">请独立作答。\n中途断网不丢答案。</textarea>"))
            // The organisers' page shows what candidates will read.
            let detail = try await client.request(.get, "/exams/\(id)", session: trainer).text
            #expect(detail.contains("<dt>考生须知</dt>") && detail.contains("请独立作答。"))
            _ = try await app.database.publishExam(id, by: op)

            let staff = try await client.logIn("staff")
            let mine = try await client.request(.get, "/my/exams", session: staff).text
            let row = try #require(mine.range(of: "<h3>带须知的考试</h3>"))
            let rest = mine[row.upperBound...]
            let notice = try #require(rest.range(of: "<strong>考生须知</strong><p>请独立作答。</p><p>中途断网不丢答案。</p>"))
            let start = try #require(rest.range(of: "开始考试"))
            #expect(notice.lowerBound < start.lowerBound)
        }
    }

    @Test func refusalsStandBesideTheirFieldsAndWhatWasTypedStays() async throws {
        let app = try await TestApp.demoWithExams()
        let county = try await app.anchors().county
        let form = [
            "title": "", "unit_code": county, "opens_at": "2030-03-01T09:00", "closes_at": "2030-03-01T11:00", "duration_minutes": "2000",
            "pass_mark": "60", "review_content": "score", "review_timing": "after-release", "review_request_days": "7",
            "blueprint_file": "季度集中考核.txt", "action": "save", "instructions": "须知",
        ]
        try await app.run { client in
            let trainer = try await client.logIn("trainer")
            let refused = try await client.request(.post, "/exams", session: trainer, form: form)
            #expect(refused.status == .badRequest)
            let page = refused.text
            #expect(Self.beside(page, field: "duration_minutes", "答题时长须为 1 到 1440 分钟之间的整数"))
            #expect(Self.beside(page, field: "title", "考试名称不能为空"))
            #expect(page.contains("name=\"duration_minutes\" value=\"2000\"") && page.contains(">须知</textarea>"))
            #expect(page.contains("未能保存，请修改标出的问题"))

            let noUnit = try await client.request(.post, "/exams", session: trainer, form: form.merging(["unit_code": "", "title": "甲"]) { $1 })
            #expect(noUnit.status == .badRequest && Self.beside(noUnit.text, field: "unit_code", "请选择考生所在单位"))
            #expect(noUnit.text.contains("value=\"甲\""))

            let training = try await client.request(
                .post, "/training", session: trainer,
                form: ["unit_code": county, "title": "", "kind": "course", "business_basis": "course", "starts_at": "2030-03-01T09:00",
                       "ends_at": "2030-03-01T12:00", "hours": "3", "place": "三楼会议室"])
            #expect(training.status == .badRequest)
            #expect(Self.beside(training.text, field: "title", "培训名称不能为空"))
            #expect(training.text.contains("value=\"三楼会议室\"") && training.text.contains("class=\"exam-form training-form\" novalidate"))
            let hours = try await client.request(
                .post, "/training", session: trainer,
                form: ["unit_code": county, "title": "业务培训", "kind": "course", "business_basis": "course", "starts_at": "2030-03-01T09:00",
                       "ends_at": "2030-03-01T12:00", "hours": "900"])
            #expect(Self.beside(hours.text, field: "hours", "学时须为 0 到 500 之间的数") && hours.text.contains("value=\"900\""))
        }
    }
}
