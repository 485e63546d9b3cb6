import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LianbingCore
import LianbingFormats
@testable import LianbingServer
import LianbingStore
import Testing

/// A demo server with what the contest pages' tests need: the training anchors (the demo county, the `staff` login),
/// colleagues of the county to enter on teams, and three bank questions for live rounds.
struct ContestPagesFixture {
    var training: TrainingFixture
    /// Active staff of the county, not the `staff` login, to enter on teams.
    var colleagues: [String]
    var app: TestApp { training.app }
    var county: String { training.county }
    var staffNumber: String { training.staffNumber }

    static let questionIds = ["CP-SINGLE-1", "CP-TF-1", "CP-BLANK-1"]

    static func make() async throws -> ContestPagesFixture {
        let training = try await TrainingFixture.make()
        let database = training.app.database
        let op = try await database.operatorPrincipal()
        let point = "队伍建设/学习培训"
        let questions = [
            Question(
                id: questionIds[0], kind: .singleChoice, stem: "比武单选：服务中心（站）多久组织一次业务培训？", options: ["每季度", "每半年", "每年"],
                answer: .choices([1]), explanation: "每半年至少一次。", knowledgePoints: [point], difficulty: 2, source: "比武题库"),
            Question(
                id: questionIds[1], kind: .trueFalse, stem: "比武判断：退役军人服务站须建立服务对象档案。", answer: .trueFalse(true), knowledgePoints: [point],
                difficulty: 2, source: "比武题库"),
            Question(
                id: questionIds[2], kind: .fillBlank, stem: "比武填空：每____至少组织一次业务培训。", answer: .blanks([["半年", "六个月"]]),
                knowledgePoints: [point], difficulty: 2, source: "比武题库"),
        ]
        _ = try await database.importQuestions(
            QuestionImport(questions: questions.map { LocatedQuestion(question: $0, file: "contest.txt", line: 1) }), note: "contest pages", by: op)
        let colleagues = try await database.staff(query: nil, unit: training.county, page: PageRequest(page: 1, perPage: 60), for: op).items
            .map(\.staff).filter { $0.isActive && $0.number != training.staffNumber }.map(\.number)
        #expect(colleagues.count >= 8)
        return ContestPagesFixture(training: training, colleagues: colleagues)
    }

    /// A county contest created through the store with `teams` (staff numbers, the first the captain), in draw order.
    func contest(
        _ title: String, format: ContestFormat = .team, heldOn: String = "2026-05-20", teams: [[String]] = [], rounds: [RoundDraft] = [],
        unit: String? = nil
    ) async throws -> Contest {
        let op = try await app.database.operatorPrincipal()
        let contest = try await app.database.createContest(
            ContestDraft(title: title, unitCode: unit ?? county, format: format, heldOn: CivilDate(heldOn)!, basePoints: 100), by: op)
        for (index, members) in teams.enumerated() {
            _ = try await app.database.addContestTeam(contest.id, TeamDraft(name: "第\(index + 1)队", members: members), by: op)
        }
        for round in rounds { _ = try await app.database.addContestRound(contest.id, round, by: op) }
        return try await app.database.contest(contest.id, by: op)
    }

    /// A finished contest whose teams, in draw order, end on base 100 plus `points` (entered by hand, as from paper).
    func finished(_ title: String, teams: [[String]], points: [Int], heldOn: String = "2026-05-20", unit: String? = nil) async throws -> Contest {
        let op = try await app.database.operatorPrincipal()
        let contest = try await contest(
            title, heldOn: heldOn, teams: teams, rounds: [RoundDraft(style: .compulsory, questionIds: [Self.questionIds[0]])], unit: unit)
        _ = try await app.database.setContestStatus(contest.id, .running, by: op)
        for (team, change) in zip(contest.teams, points) where change != 0 {
            _ = try await app.database.recordContestAction(
                contest.id, round: 1, .manual(team: team.id, question: nil, points: ContestPoints(points: change), reason: "纸质成绩单"), by: op)
        }
        return try await app.database.setContestStatus(contest.id, .finished, by: op)
    }
}

/// The contest pages: an administrator creates a contest from the list's form, enters teams and rounds, runs it from
/// its page and prints its results, certificates and question sheets; a member of staff sees their own contest
/// read-only; the medal table counts finished contests.
@Suite struct ContestPagesTests {
    static func location(_ response: TestResponse) -> String { response.headers[.location] ?? "" }

    static func id(from response: TestResponse) throws -> Int64 {
        let path = location(response).components(separatedBy: "?")[0]
        return try #require(Int64(path.split(separator: "/").last ?? ""))
    }

    @Test("Given the list's form, then an administrator creates a contest, a refused form comes back as typed, and others get no form")
    func listAndCreate() async throws {
        let fixture = try await ContestPagesFixture.make()
        let op = try await fixture.app.database.operatorPrincipal()
        try await fixture.app.run { client in
            let county = try await client.logIn("county")
            let list = try await client.request(.get, "/contests", session: county)
            #expect(list.status == .ok)
            #expect(list.text.contains("举办比赛") && list.text.contains("action=\"/contests\"") && list.text.contains("name=\"tie_1\""))
            #expect(list.text.contains("<option value=\"\(fixture.county)\" selected>"))
            #expect(list.text.contains("<a href=\"/contests\" aria-current=\"page\">练兵比武</a>"))

            // A refused form: its problems, what was typed, the form open.
            var form = [
                "title": "全区接待服务技能比武", "unit_code": fixture.county, "format": "team", "held_on": "2026-13-40", "base_points": "一百",
                "tie_1": "fewer-wrong", "tie_2": "written", "tie_3": "",
            ]
            let refused = try await client.request(.post, "/contests", session: county, form: form)
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("请填写比赛日期") && refused.text.contains("基础分须为整数"))
            #expect(refused.text.contains("value=\"全区接待服务技能比武\"") && refused.text.contains("value=\"一百\"") && refused.text.contains("<details open>"))
            #expect(refused.text.contains("<option value=\"fewer-wrong\" selected>"))
            // The store's own checks come back the same way.
            form["held_on"] = "2026-06-18"
            form["base_points"] = "100"
            form["tie_2"] = "fewer-wrong"
            let repeated = try await client.request(.post, "/contests", session: county, form: form)
            #expect(repeated.status == .badRequest && repeated.text.contains("同分比较规则不能重复") && repeated.text.contains("value=\"2026-06-18\""))
            let town = try await client.request(.post, "/contests", session: county, form: form.merging(["unit_code": fixture.training.staffUnit, "tie_2": "written"]) { $1 })
            #expect(town.status == .badRequest && town.text.contains("比赛由省、市、县三级服务中心举办"))

            form["tie_2"] = "written"
            let created = try await client.request(.post, "/contests", session: county, form: form)
            #expect(created.status == .seeOther, "\(created.text)")
            #expect(Self.location(created).hasSuffix("?done=created"))
            let contest = try await fixture.app.database.contest(try Self.id(from: created), by: op)
            #expect(contest.title == "全区接待服务技能比武" && contest.format == .team && contest.heldOn.description == "2026-06-18")
            #expect(contest.basePoints == 100 && contest.tieBreakers == [.fewerWrong, .written] && contest.unitCode == fixture.county)
            let page = try await client.request(.get, Self.location(created), session: county).text
            #expect(page.contains("比赛已创建") && page.contains("答错题少者在前 → 笔试成绩高者在前"))
            #expect(try await client.request(.get, "/contests", session: county).text.contains("全区接待服务技能比武"))

            // A trainer sees the list without the form and may not create; a member of staff sees only their own contests.
            let trainer = try await client.logIn("trainer")
            let trainerList = try await client.request(.get, "/contests", session: trainer)
            #expect(trainerList.status == .ok && trainerList.text.contains("全区接待服务技能比武") && !trainerList.text.contains("name=\"tie_1\""))
            #expect(trainerList.text.contains("href=\"/contests/medals\""))
            #expect(try await client.request(.post, "/contests", session: trainer, form: form).status == .forbidden)
            let staff = try await client.logIn("staff")
            let staffList = try await client.request(.get, "/contests", session: staff)
            #expect(staffList.status == .ok && !staffList.text.contains("全区接待服务技能比武") && !staffList.text.contains("举办比赛"))
            #expect(staffList.text.contains("<a href=\"/contests\" aria-current=\"page\">练兵比武</a>"))
            #expect(try await client.request(.post, "/contests", session: staff, form: form).status == .forbidden)
        }
    }

    @Test("Given a contest page, then the administrator prepares, runs and finishes it there, and a member of staff on a team sees it read-only")
    func contestPageForAdministratorAndMember() async throws {
        let fixture = try await ContestPagesFixture.make()
        let op = try await fixture.app.database.operatorPrincipal()
        let contest = try await fixture.contest("区级业务练兵比武")
        let (a, b, c) = (fixture.colleagues[0], fixture.colleagues[1], fixture.colleagues[2])
        try await fixture.app.run { client in
            let county = try await client.logIn("county")
            let base = "/contests/\(contest.id)"
            let empty = try await client.request(.get, base, session: county).text
            #expect(empty.contains("报名参赛队") && empty.contains("添加轮次") && empty.contains("开始比赛") && empty.contains("还没有报名"))
            #expect(empty.contains("href=\"\(base)/host\"") && empty.contains("href=\"\(base)/judge\"") && empty.contains("href=\"/board/"))

            // Teams: a mistyped number is named on the page with the form as typed; then two teams.
            let typo = try await client.request(.post, base + "/teams", session: county, form: ["name": "接待一队", "members": "NOBODY-1\n\(a)"])
            #expect(typo.status == .notFound && typo.text.contains("NOBODY-1") && typo.text.contains("value=\"接待一队\""))
            #expect(typo.text.contains("<details open id=\"new-team\">"))
            let first = try await client.request(
                .post, base + "/teams", session: county, form: ["name": "接待一队", "members": "\(fixture.staffNumber)\n\(a)", "captain": a])
            #expect(first.status == .seeOther && Self.location(first).contains("done=team"))
            _ = try await client.request(.post, base + "/teams", session: county, form: ["name": "接待二队", "members": "\(b), \(c)"])
            let teams = try await fixture.app.database.contest(contest.id, by: op).teams
            #expect(teams.map(\.name) == ["接待一队", "接待二队"])
            #expect(teams[0].members.first { $0.isCaptain }?.staffNumber == a)

            // Rounds: the rules of the chosen style only; a bad number or a missing question comes back as typed.
            let badRound = try await client.request(
                .post, base + "/rounds", session: county,
                form: ["style": "buzzer", "title": "抢答环节", "right_points": "十分", "wrong_points": "5", "foul_points": "5", "time_limit": "20",
                       "question_ids": ContestPagesFixture.questionIds.joined(separator: "\n"), "stakes": "乱填"])
            #expect(badRound.status == .badRequest && badRound.text.contains("答对得分须为整数") && !badRound.text.contains("风险题分值须为整数"))
            #expect(badRound.text.contains("value=\"抢答环节\"") && badRound.text.contains("value=\"十分\"") && badRound.text.contains("<option value=\"buzzer\" selected>"))
            let missing = try await client.request(
                .post, base + "/rounds", session: county, form: ["style": "compulsory", "right_points": "10", "wrong_points": "0", "time_limit": "30", "question_ids": "NOPE-9"])
            #expect(missing.status == .notFound && missing.text.contains("题库中没有试题 NOPE-9") && missing.text.contains(">NOPE-9</textarea>"))
            let round = try await client.request(
                .post, base + "/rounds", session: county,
                form: ["style": "compulsory", "title": "必答环节", "right_points": "10", "wrong_points": "5", "time_limit": "30",
                       "question_ids": ContestPagesFixture.questionIds.joined(separator: "\n")])
            #expect(round.status == .seeOther, "\(round.text)")
            let prepared = try await client.request(.get, base, session: county).text
            #expect(prepared.contains("第 1 轮 必答环节") && prepared.contains("题目 3 道") && prepared.contains("答对得 10 分，答错或超时扣 5 分；每题限时 30 秒"))
            #expect(prepared.contains("题目编号：\(ContestPagesFixture.questionIds.joined(separator: "、"))"))
            #expect(prepared.contains("接待一队") && prepared.contains("<span class=\"tag\">队长</span>"))

            // The member of staff on 接待一队: the contest read-only, no host links, no question ids, no forms.
            let staff = try await client.logIn("staff")
            let member = try await client.request(.get, base, session: staff)
            #expect(member.status == .ok && member.text.contains("区级业务练兵比武") && member.text.contains("本人所在") && member.text.contains("题目 3 道"))
            for hidden in ["/host", "/judge", "/board/", "报名参赛队", "添加轮次", "开始比赛", ContestPagesFixture.questionIds[0], "/questions"] {
                #expect(!member.text.contains(hidden), "\(hidden)")
            }
            #expect(try await client.request(.get, "/contests", session: staff).text.contains("区级业务练兵比武"))
            #expect(try await client.request(.post, base + "/start", session: staff, form: [:]).status == .forbidden)

            // Running: the board controls, freeze and reveal; no more entries.
            #expect(try await client.request(.post, base + "/start", session: county, form: [:]).status == .seeOther)
            let running = try await client.request(.get, base, session: county).text
            #expect(running.contains("action=\"\(base)/freeze\"") && running.contains("结束比赛") && !running.contains("报名参赛队"))
            let late = try await client.request(.post, base + "/teams", session: county, form: ["name": "迟到队", "members": fixture.colleagues[3]])
            #expect(late.status == .conflict && late.text.contains("比赛已开始，不能再报名"))
            #expect(try await client.request(.get, base, session: staff).text.contains("href=\"\(base)/play\""))
            #expect(Self.location(try await client.request(.post, base + "/freeze", session: county, form: [:])).contains("done=frozen"))
            let frozen = try await client.request(.get, base, session: county).text
            #expect(frozen.contains("揭晓下一条") && frozen.contains("解除封榜") && frozen.contains("已封榜"))
            #expect(try await client.request(.post, base + "/reveal", session: county, form: [:]).status == .seeOther)
            #expect(try await client.request(.post, base + "/unfreeze", session: county, form: [:]).status == .seeOther)
            let thawed = try await client.request(.post, base + "/reveal", session: county, form: [:])
            #expect(thawed.status == .conflict && thawed.text.contains("排行榜未封榜"))

            // A substitution: the reason is required; then logged.
            let leaving = "\(teams[1].id)|\(c)"
            let unexplained = try await client.request(
                .post, base + "/substitute", session: county, form: ["out": leaving, "incoming": fixture.colleagues[4], "reason": ""])
            #expect(unexplained.status == .badRequest && unexplained.text.contains("换人须写明原因") && unexplained.text.contains("value=\"\(fixture.colleagues[4])\""))
            #expect(unexplained.text.contains("<option value=\"\(leaving)\" selected>"))
            let substituted = try await client.request(
                .post, base + "/substitute", session: county, form: ["out": leaving, "incoming": fixture.colleagues[4], "reason": "突发疾病"])
            #expect(substituted.status == .seeOther)
            let logged = try await client.request(.get, base, session: county).text
            #expect(logged.contains("突发疾病") && logged.contains(fixture.colleagues[4]))

            // Finished: printable results and certificates linked.
            #expect(try await client.request(.post, base + "/finish", session: county, form: [:]).status == .seeOther)
            let finished = try await client.request(.get, base, session: county).text
            #expect(finished.contains("href=\"\(base)/certificates\"") && !finished.contains("结束比赛") && !finished.contains("action=\"\(base)/freeze\""))
        }
    }

    @Test("Given a written round, then it takes an exam of the county by number, and its scores wait for the exam to close")
    func writtenRound() async throws {
        let fixture = try await ContestPagesFixture.make()
        let op = try await fixture.app.database.operatorPrincipal()
        let now = fixture.app.database.clock()
        let blueprint = Blueprint(
            title: "比武笔试", purpose: .assessment,
            sections: [BlueprintSection(kind: .singleChoice, pointsPerQuestion: 6), BlueprintSection(kind: .trueFalse, pointsPerQuestion: 4)],
            cells: [
                BlueprintCell(knowledgePoint: "队伍建设", kind: .singleChoice, difficulty: 1...5, count: 1),
                BlueprintCell(knowledgePoint: "队伍建设", kind: .trueFalse, difficulty: 1...5, count: 1),
            ],
            totalPoints: 10, targetDifficulty: 2, difficultyTolerance: 1)
        let exam = try await fixture.app.database.createExam(
            ExamDraft(
                title: "比武笔试", blueprint: blueprint, blueprintText: "（测试）", unitCode: fixture.county, opensAt: now,
                closesAt: now.addingTimeInterval(7_200), durationMinutes: 30, passMark: 6, seed: 7), by: op)
        let contest = try await fixture.contest("笔试比武", format: .individual, teams: [[fixture.colleagues[0]], [fixture.colleagues[1]]])
        try await fixture.app.run { client in
            let county = try await client.logIn("county")
            let base = "/contests/\(contest.id)"
            let noExam = try await client.request(.post, base + "/rounds", session: county, form: ["style": "written", "title": "理论笔试", "written_percent": "50"])
            #expect(noExam.status == .badRequest && noExam.text.contains("笔试轮须填写集中考核的考试编号") && noExam.text.contains("value=\"理论笔试\""))
            let nowhere = try await client.request(.post, base + "/rounds", session: county, form: ["style": "written", "exam_id": "987654321", "written_percent": "50"])
            #expect(nowhere.status == .notFound && nowhere.text.contains("value=\"987654321\""))
            let added = try await client.request(
                .post, base + "/rounds", session: county, form: ["style": "written", "title": "理论笔试", "exam_id": "\(exam.id)", "written_percent": "50"])
            #expect(added.status == .seeOther, "\(added.text)")
            let page = try await client.request(.get, base, session: county).text
            #expect(page.contains("集中笔试：考试 \(exam.id)") && page.contains("按 50% 计入总分") && page.contains("href=\"/exams/\(exam.id)\""))
            #expect(!page.contains("录入笔试成绩"))
            #expect(try await client.request(.post, base + "/start", session: county, form: [:]).status == .seeOther)
            let running = try await client.request(.get, base, session: county).text
            #expect(running.contains("action=\"\(base)/rounds/1/written\"") && running.contains("录入笔试成绩"))
            let early = try await client.request(.post, base + "/rounds/1/written", session: county, form: [:])
            #expect(early.status == .conflict && early.text.contains("笔试尚未结束"))
        }
    }

    @Test("Given a finished county contest, then the province's administrator advances its top teams into the city's contest from the form")
    func advancement() async throws {
        let fixture = try await ContestPagesFixture.make()
        let op = try await fixture.app.database.operatorPrincipal()
        let people = fixture.colleagues
        let city = try await fixture.app.database.account("trainer", for: op).account.unitCode
        let lower = try await fixture.finished("区级选拔赛", teams: [[people[0]], [people[1]], [people[2]], [people[3]]], points: [30, 20, 20, 0])
        let upper = try await fixture.contest("市级决赛", unit: city)
        try await fixture.app.run { client in
            let admin = try await client.logIn("admin")
            let base = "/contests/\(upper.id)"
            let page = try await client.request(.get, base, session: admin).text
            #expect(page.contains("从下级比赛晋级") && page.contains("<option value=\"\(lower.id)\">") && page.contains("区级选拔赛"))
            let typo = try await client.request(.post, base + "/advance", session: admin, form: ["from_contest": "\(lower.id)", "rule": "top", "count": "两"])
            #expect(typo.status == .badRequest && typo.text.contains("晋级名额须为整数") && typo.text.contains("value=\"两\"") && typo.text.contains("<details open id=\"advance\">"))
            let tie = try await client.request(.post, base + "/advance", session: admin, form: ["from_contest": "\(lower.id)", "rule": "top", "count": "2"])
            #expect(tie.status == .conflict && tie.text.contains("第 2 名与第 3 名并列"))
            let advanced = try await client.request(.post, base + "/advance", session: admin, form: ["from_contest": "\(lower.id)", "rule": "top", "count": "3"])
            #expect(Self.location(advanced).contains("done=advanced&n=3"))
            let after = try await client.request(.get, Self.location(advanced), session: admin).text
            #expect(after.contains("已办理晋级：3 支参赛队报名本比赛") && after.components(separatedBy: "<span class=\"tag\">晋级</span>").count - 1 == 3)
            // The county's administrator runs the lower contest only: the city's is not theirs to fill.
            let county = try await client.logIn("county")
            #expect(try await client.request(.post, base + "/advance", session: county, form: ["from_contest": "\(lower.id)", "count": "1", "rule": "top"]).status == .notFound)
        }
    }

    @Test("Given a finished team contest, then the results page, its CSV and the certificates name the places, shared places sharing an award")
    func resultsCSVAndCertificates() async throws {
        let fixture = try await ContestPagesFixture.make()
        let people = fixture.colleagues
        let teams = [[people[0], people[1]], [people[2], people[3]], [people[4], fixture.staffNumber], [people[6], people[7]]]
        // 第1队 and 第2队 share first place; 第3队 is third; 第4队 fourth.
        let contest = try await fixture.finished("区级团体比武", teams: teams, points: [30, 30, 10, 0])
        let op = try await fixture.app.database.operatorPrincipal()
        let names = Dictionary(uniqueKeysWithValues: try await fixture.app.database.contest(contest.id, by: op).teams.flatMap(\.members).map { ($0.staffNumber, $0.name) })
        try await fixture.app.run { client in
            let county = try await client.logIn("county")
            let results = try await client.request(.get, "/contests/\(contest.id)/results", session: county)
            #expect(results.status == .ok)
            let html = results.text
            #expect(html.contains("区级团体比武 成绩表") && html.contains("/assets/contests.css"))
            for heading in ["名次", "参赛队", "单位", "队员", "总分", "笔试", "答错题数", "答题用时（秒）"] { #expect(html.contains("<th") && html.contains(heading), "\(heading)") }
            #expect(html.contains("① 笔试成绩高者在前；② 答错题少者在前；③ 答题用时少者在前"))
            #expect(html.contains("<tr><td class=\"num\">1</td><td>第1队</td>") && html.contains("<tr><td class=\"num\">1</td><td>第2队</td>"))
            #expect(html.contains("<tr><td class=\"num\">3</td><td>第3队</td>") && html.contains("<td class=\"num\">130</td>"))
            #expect(html.contains(names[people[0]]!) && html.contains("href=\"/contests/\(contest.id)/certificates\""))

            let csv = try await client.request(.get, "/contests/\(contest.id)/results.csv", session: county)
            #expect(csv.status == .ok && csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.headers[.contentDisposition]?.contains("contest-\(contest.id)-results.csv") == true)
            let lines = csv.text.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: .newlines).filter { !$0.isEmpty }
            #expect(lines.first?.hasPrefix("名次,参赛队,单位,队员,总分") == true)
            #expect(lines.count == 5 && lines[1].hasPrefix("1,第1队,") && lines[2].hasPrefix("1,第2队,") && lines[3].hasPrefix("3,第3队,"))
            // Its workbook twin, linked beside it: places and points number cells, teams, units and members text.
            #expect(html.contains("href=\"/contests/\(contest.id)/results.xlsx\""))
            let book = try WorkbookDownload(
                try await client.request(.get, "/contests/\(contest.id)/results.xlsx", session: county), filename: "contest-\(contest.id)-results.xlsx")
            #expect(book.rows.count == 5 && book.rows[0] == ContestResultsCSV.header && book.rows[3].prefix(2) == ["3", "第3队"])
            #expect(book.numberColumns.dropFirst().allSatisfy { $0 == [0, 4, 5, 6, 7, 8] })

            let certificates = try await client.request(.get, "/contests/\(contest.id)/certificates", session: county)
            #expect(certificates.status == .ok && certificates.text.contains("/assets/certificate.css"))
            let text = certificates.text
            #expect(text.components(separatedBy: "<article class=\"certificate\">").count - 1 == 3)
            #expect(text.components(separatedBy: "<p class=\"certificate-distinction\">一等奖</p>").count - 1 == 2)
            #expect(text.contains("<p class=\"certificate-distinction\">三等奖</p>") && !text.contains(">二等奖</p>"))
            #expect(text.contains("\(names[people[0]]!)、\(names[people[1]]!)：") && text.contains("荣誉证书") && text.contains("二〇二六年五月二十日"))
            #expect(text.contains("“区级团体比武”团体赛") && text.contains("作为“第3队”") && !text.contains("“第4队”"))

            // The member of staff on 第3队 sees the results, not the certificates or the question sheets.
            let staff = try await client.logIn("staff")
            #expect(try await client.request(.get, "/contests/\(contest.id)/results", session: staff).status == .ok)
            #expect(try await client.request(.get, "/contests/\(contest.id)/results.csv", session: staff).status == .ok)
            #expect(try await client.request(.get, "/contests/\(contest.id)/certificates", session: staff).status == .forbidden)
        }
    }

    @Test("Given a contest still running, then its results are marked provisional and its certificates wait for the finish")
    func certificatesWaitForTheFinish() async throws {
        let fixture = try await ContestPagesFixture.make()
        let op = try await fixture.app.database.operatorPrincipal()
        let contest = try await fixture.contest(
            "进行中的比武", format: .individual, teams: [[fixture.colleagues[0]], [fixture.colleagues[1]]],
            rounds: [RoundDraft(style: .compulsory, questionIds: [ContestPagesFixture.questionIds[0]])])
        _ = try await fixture.app.database.setContestStatus(contest.id, .running, by: op)
        try await fixture.app.run { client in
            let county = try await client.logIn("county")
            let results = try await client.request(.get, "/contests/\(contest.id)/results", session: county)
            #expect(results.status == .ok && results.text.contains("不是最终名次") && !results.text.contains("<th>队员</th>"))
            let certificates = try await client.request(.get, "/contests/\(contest.id)/certificates", session: county)
            #expect(certificates.status == .conflict && certificates.text.contains("比赛结束、名次确定后才能打印荣誉证书"))
            #expect(!certificates.text.contains("<article class=\"certificate\">"))
        }
    }

    @Test("Given a contest's live rounds, then its question sheets carry the keys for those who run it and are refused to a contestant")
    func questionSheets() async throws {
        let fixture = try await ContestPagesFixture.make()
        let contest = try await fixture.contest(
            "题目单比武", format: .individual, teams: [[fixture.staffNumber], [fixture.colleagues[0]]],
            rounds: [
                RoundDraft(style: .compulsory, title: "必答", questionIds: [ContestPagesFixture.questionIds[0], ContestPagesFixture.questionIds[1]]),
                RoundDraft(style: .buzzer, title: "抢答", questionIds: [ContestPagesFixture.questionIds[2]]),
            ])
        try await fixture.app.run { client in
            for login in ["county", "trainer"] {
                let organiser = try await client.logIn(login)
                let sheets = try await client.request(.get, "/contests/\(contest.id)/questions", session: organiser)
                #expect(sheets.status == .ok, "\(login)")
                let html = sheets.text
                #expect(html.contains("第 1 轮 必答") && html.contains("第 2 轮 抢答") && html.contains("print-page question-sheet"))
                #expect(html.contains("服务中心（站）多久组织一次业务培训？") && html.contains("<li>B. 每半年</li>") && html.contains("答案：B"))
                #expect(html.contains("答案：正确（√）") && html.contains("答案：半年 或 六个月") && html.contains("解析：每半年至少一次。"))
            }
            let staff = try await client.logIn("staff")
            let refused = try await client.request(.get, "/contests/\(contest.id)/questions", session: staff)
            #expect([.forbidden, .notFound].contains(refused.status))
            #expect(!refused.text.contains("答案："))
            // Yet the contest itself is theirs to see.
            #expect(try await client.request(.get, "/contests/\(contest.id)", session: staff).status == .ok)
        }
    }

    @Test("Given finished contests, then the medal table counts each unit's places and teams, and a bad period is a notice with the input kept")
    func medalTable() async throws {
        let fixture = try await ContestPagesFixture.make()
        let op = try await fixture.app.database.operatorPrincipal()
        let people = fixture.colleagues
        let listings = try await fixture.app.database.staff(query: nil, unit: fixture.county, page: PageRequest(page: 1, perPage: 60), for: op).items
        let unitOf = Dictionary(uniqueKeysWithValues: listings.map { ($0.staff.number, $0.staff.unitCode) })
        let unitNames = Dictionary(listings.map { ($0.staff.unitCode, $0.unitName) }, uniquingKeysWith: { first, _ in first })
        _ = try await fixture.finished("春季比武", teams: [[people[0]], [people[1]], [people[2]]], points: [30, 20, 10], heldOn: "2026-04-01")
        _ = try await fixture.finished("夏季比武", teams: [[people[3]], [people[4]]], points: [5, 5], heldOn: "2026-07-01")
        // Outside the period: not counted.
        _ = try await fixture.finished("去年比武", teams: [[people[5]]], points: [50], heldOn: "2025-07-01")
        // Ranks 1, 2, 3 in spring; a shared first in summer.
        let expected = MedalTable.build(
            [[(0, 1), (1, 2), (2, 3)], [(3, 1), (4, 1)]].map { board in
                board.map { person, rank in
                    var standing = ContestStanding(entrant: ContestEntrant(id: Int64(person), name: people[person], unitCode: unitOf[people[person]]!))
                    standing.rank = rank
                    return standing
                }
            })
        try await fixture.app.run { client in
            let county = try await client.logIn("county")
            let page = try await client.request(.get, "/contests/medals?from=2026-01-01&through=2026-12-31", session: county)
            #expect(page.status == .ok)
            let rows = page.text.matches(of: /<tr><td>([^<]*)<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><\/tr>/)
                .map { "\($0.1) \($0.2) \($0.3) \($0.4) \($0.5)" }
            #expect(rows == expected.map { "\(unitNames[$0.unitCode]!) \($0.firsts) \($0.seconds) \($0.thirds) \($0.entered)" }, "\(rows)")
            #expect(expected.map(\.entered).reduce(0, +) == 5 && expected.map(\.firsts).reduce(0, +) == 3)
            for header in ["单位", "一等", "二等", "三等", "参赛队数"] { #expect(page.text.contains("<th") && page.text.contains(header)) }

            let bad = try await client.request(.get, "/contests/medals?from=2026-02-30&through=2026-12-31", session: county)
            #expect(bad.status == .badRequest && bad.text.contains("请填写起止日期") && bad.text.contains("value=\"2026-02-30\""))
            let reversed = try await client.request(.get, "/contests/medals?from=2026-12-31&through=2026-01-01", session: county)
            #expect(reversed.status == .badRequest && reversed.text.contains("开始日期不能晚于结束日期"))
            let staff = try await client.logIn("staff")
            #expect(try await client.request(.get, "/contests/medals", session: staff).status == .forbidden)
        }
    }
}
