import ArgumentParser
import Foundation
@testable import LianbingCLI
import LianbingCore
@testable import LianbingFormats
import LianbingStore
import Testing

/// `lianbing contest …` on a temp-file database: a contest set up, run by hand as from paper, replayed, exported and
/// sent on to the next level.
@Suite struct ContestCommandTests {
    let fixture: TrainingFixture

    init() throws { fixture = try TrainingFixture("contest") }

    /// Three true/false questions, C-1 to C-3, in the bank.
    static let questions = (1...3).map { number in
        Question(
            id: "C-\(number)", kind: .trueFalse, stem: "第 \(number) 题：服务中心（站）每半年至少组织一次业务培训。", answer: .trueFalse(true),
            knowledgePoints: ["队伍建设/学习培训形式"], difficulty: 2, source: "粤退役军人发〔2023〕22号 二（五）19")
    }

    /// The tree, the staff and the bank.
    func prepare() async throws {
        try await fixture.prepare()
        try await fixture.run(["bank", "import", try fixture.write("bank.csv", String(decoding: QuestionCSV.write(Self.questions), as: UTF8.self))])
    }

    func store() throws -> AppDatabase { try fixture.store() }

    func contests() async throws -> [Contest] {
        let database = try store()
        return try await database.contests(by: try await database.operatorPrincipal())
    }

    func contest(_ id: Int64) async throws -> Contest {
        let database = try store()
        return try await database.contest(id, by: try await database.operatorPrincipal())
    }

    func events(_ id: Int64) async throws -> [ContestEvent] {
        let database = try store()
        return try await database.contestEvents(id, by: try await database.operatorPrincipal())
    }

    /// `contest create` and the new contest's id.
    func create(title: String, unit: String = TrainingFixture.county, format: String = "team", _ extra: [String] = []) async throws -> Int64 {
        try await fixture.run(["contest", "create", "--title", title, "--unit", unit, "--format", format, "--held-on", "2026-05-20"] + extra)
        return try #require(try await contests().first { $0.title == title }).id
    }

    func team(_ contest: Contest, _ name: String) throws -> Int64 { try #require(contest.teams.first { $0.name == name }).id }

    /// The board as the terminal shows it: points by team name.
    func points(_ board: [ContestStanding]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: board.map { ($0.entrant.name, $0.points.text) })
    }

    @Test func aContestIsSetUpRunByHandReplayedAndExported() async throws {
        try await prepare()
        let id = try await create(title: "天河区接访技能比武", ["--base-points", "100", "--tie-breakers", "fewer-wrong,less-time"])
        var created = try await contest(id)
        #expect(created.format == .team && created.basePoints == 100 && created.tieBreakers == [.fewerWrong, .lessTime] && created.status == .preparing)
        #expect(created.boardToken.map { ContestText.boardPath($0) == "/board/\($0)" } == true)

        try await fixture.run(["contest", "add-team", "\(id)", "--name", "沙河队", "--member", "GD2", "--member", "GD3", "--captain", "GD3"])
        try await fixture.run(["contest", "add-team", "\(id)", "--name", "员村队", "--member", "GD5", "--member", "GD4"])
        try await fixture.run(["contest", "add-team", "\(id)", "--name", "区中心队", "--member", "GD1", "--unit", TrainingFixture.county])
        // A member already on a team, and someone outside the organising unit's subtree, are the store's refusals.
        #expect(await fixture.refused(["contest", "add-team", "\(id)", "--name", "重复队", "--member", "GD2"]))
        #expect(await fixture.refused(["contest", "add-team", "\(id)", "--name", "东莞队", "--member", "GD6"]))
        try await fixture.run([
            "contest", "add-round", "\(id)", "--style", "compulsory", "--right", "10", "--wrong", "5", "--question", "C-1", "--question", "C-2",
            "--question", "C-3",
        ])
        try await fixture.run(["contest", "add-round", "\(id)", "--style", "抢答题", "--title", "抢答", "--foul", "5", "--question", "C-3"])
        // A question the bank does not have.
        #expect(await fixture.refused(["contest", "add-round", "\(id)", "--style", "compulsory", "--question", "C-9"]))
        created = try await contest(id)
        #expect(created.rounds.map(\.round.style) == [.compulsory, .buzzer] && created.rounds[0].questionIds == ["C-1", "C-2", "C-3"])
        #expect(created.rounds[0].round.rules.wrongPoints == 5 && created.rounds[1].round.title == "抢答")
        let shahe = try team(created, "沙河队"), yuncun = try team(created, "员村队"), centre = try team(created, "区中心队")
        #expect(created.teams.first { $0.id == shahe }?.members.first { $0.isCaptain }?.staffNumber == "GD3")
        try await fixture.run(["contest", "list"])
        try await fixture.run(["contest", "show", "\(id)"])

        // Nothing is recorded before the start.
        #expect(await fixture.refused(["contest", "record", "\(id)", "--round", "1", "--open", "1"]))
        try await fixture.run(["contest", "start", "\(id)"])
        #expect(try await contest(id).status == .running)
        #expect(await fixture.refused(["contest", "add-team", "\(id)", "--name", "迟到队", "--member", "GD6"]))

        // Round 1 from the paper score sheet; the referee scores each line by the round's rules.
        let record = ["contest", "record", "\(id)", "--round", "1"]
        try await fixture.run(record + ["--open", "1"])  // 1
        try await fixture.run(record + ["--right", "\(shahe)", "--question", "1", "--seconds", "12.5"])  // 2: +10
        try await fixture.run(record + ["--open", "2"])  // 3
        try await fixture.run(record + ["--wrong", "\(yuncun)", "--question", "2", "--seconds", "30"])  // 4: -5
        try await fixture.run(record + ["--open", "3"])  // 5
        try await fixture.run(record + ["--right", "\(centre)", "--question", "3"])  // 6: +10
        try await fixture.run(record + ["--undo", "6", "--reason", "裁判改判"])  // 7: undoes 6
        try await fixture.run(record + ["--manual", "\(yuncun)", "--points", "12.5", "--reason", "按纸质记分表补录"])  // 8: +12.5
        try await fixture.run(record + ["--manual", "\(centre)", "--points", "-3", "--reason", "违规提示"])  // 9: -3
        try await fixture.run(["contest", "record", "\(id)", "--round", "2", "--foul", "\(shahe)"])  // 10: -5
        // Refused by the referee: an opened question cannot be undone, a question the round lacks, a team not entered.
        #expect(await fixture.refused(record + ["--undo", "1"]))
        #expect(await fixture.refused(record + ["--open", "4"]))
        #expect(await fixture.refused(record + ["--right", "999", "--question", "1"]))
        #expect(await fixture.refused(["contest", "record", "\(id)", "--round", "3", "--open", "1"]))

        let log = try await events(id)
        #expect(log.map(\.kind) == [.opened, .right, .opened, .wrong, .opened, .right, .correction, .manual, .manual, .foul])
        #expect(log[1].elapsedMilliseconds == 12_500 && log[6].corrects == 6 && log[6].reason == "裁判改判")
        #expect(log[7].change == ContestPoints(hundredths: 1_250) && log[8].change == ContestPoints(points: -3))
        created = try await contest(id)
        let board = Scoreboard.build(created.setup, events: log)
        #expect(points(board) == ["员村队": "107.5", "沙河队": "105", "区中心队": "97"])
        #expect(board.map(\.entrant.name) == ["员村队", "沙河队", "区中心队"] && board.map(\.rank) == [1, 2, 3])

        // Replay steps through the log with ScoreTally and ends on the board the whole log builds.
        let replay = ContestText.replay(created, events: log)
        #expect(replay.board == board)
        let finalLines = ContestText.board(board, of: created)
        #expect(Array(replay.lines.suffix(finalLines.count)) == finalLines, "\(replay.lines.joined(separator: "\n"))")
        #expect(replay.lines.contains { $0.hasPrefix("#7") && $0.contains("更正") && $0.contains("撤销第 6 条") && $0.contains("裁判改判") })
        #expect(replay.lines.contains { $0.hasPrefix("#8") && $0.contains("手工录入") && $0.contains("员村队") && $0.contains("+12.5") })
        try await fixture.run(["contest", "replay", "\(id)"])

        // The results file reads back with the project's own reader.
        let out = fixture.path("results.csv")
        try await fixture.run(["contest", "export", "\(id)", "--out", out])
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        let text = try CSVTextDecoder.decode(data, file: out).get()
        #expect(text.encoding == .utf8WithBOM)
        let rows = try CSVReader.read(text.text, file: out).get().map(\.fields)
        #expect(rows.first == ContestResultsCSV.header)
        #expect(rows.dropFirst().map { $0[0] } == ["1", "2", "3"])
        #expect(rows.dropFirst().map { $0[1] } == ["员村队", "沙河队", "区中心队"])
        #expect(rows[1] == ["1", "员村队", "员村街道", "刘五、张四", "107.5", "0", "1", "30", "0"])
        #expect(rows[2][3] == "黄三、李二" && rows[2][7] == "12.5")
        // An existing file is not overwritten.
        #expect(await fixture.refused(["contest", "export", "\(id)", "--out", out]))
        // `--format xlsx` writes the same rows as a workbook: places and points number cells, names text.
        let workbook = fixture.path("results.dat")
        try await fixture.run(["contest", "export", "\(id)", "--format", "xlsx", "--out", workbook])
        let book = try WorkbookReader.open(try Data(contentsOf: URL(fileURLWithPath: workbook)), file: workbook).get().records().get().records
        #expect(book.map(\.fields) == rows)
        #expect(book[1].numbers[0] == 1 && book[2].numbers[7] == 12.5 && book[1].numbers[1] == nil)

        try await fixture.run(["contest", "finish", "\(id)"])
        #expect(try await contest(id).status == .finished)
        #expect(await fixture.refused(record + ["--open", "1"]))
        #expect(await fixture.refused(["contest", "finish", "\(id)"]))

        guard TrainingFixture.binaryBuilt else { return }
        // What reaches the terminal: the replay ends with the final board, the export is the CSV itself.
        let replayed = try fixture.binary(["contest", "replay", "\(id)"])
        #expect(replayed.status == 0, "\(replayed.stderr)")
        let lines = replayed.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let expected = ContestText.board(board, of: created, title: "最终排名（10 条记录，与按全部记录重算一致）")
        #expect(Array(lines.dropLast().suffix(expected.count)) == expected, "\(replayed.stdout)")
        #expect(replayed.stdout.contains("#2  第 1 轮第 1 题  答对  沙河队  +10  用时 12.5 秒"), "\(replayed.stdout)")
        let exported = try fixture.binary(["contest", "export", "\(id)"])
        #expect(exported.status == 0 && exported.stdout.hasPrefix("\u{FEFF}名次,参赛队,单位,队员,总分"), "\(exported.stdout)")
        let shown = try fixture.binary(["contest", "show", "\(id)"])
        #expect(shown.stdout.contains("排行榜链接（投屏，无需登录）：/board/") && shown.stdout.contains("最终排名（10 条记录）"), "\(shown.stdout)")
        #expect(shown.stdout.contains("黄三（GD3，队长）"), "\(shown.stdout)")
        let refused = try fixture.binary(["contest", "record", "\(id)", "--round", "1", "--open", "1"])
        #expect(refused.status != 0 && refused.stderr.contains("错误：比赛已结束，成绩已确定"), "\(refused.stderr)")
    }

    @Test func judgedAndRiskRoundsAreRecordedByHand() async throws {
        try await prepare()
        let id = try await create(title: "个人赛", format: "个人赛")
        for number in ["GD1", "GD2"] { try await fixture.run(["contest", "add-team", "\(id)", "--member", number]) }
        try await fixture.run(["contest", "add-round", "\(id)", "--style", "risk", "--stakes", "30,10,20", "--question", "C-1"])
        try await fixture.run(["contest", "add-round", "\(id)", "--style", "judged", "--dropped", "0", "--max-mark", "10"])
        try await fixture.run(["contest", "start", "\(id)"])
        let created = try await contest(id)
        #expect(created.rounds[0].round.rules.stakes == [10, 20, 30])
        let chen = try team(created, "陈一"), li = try team(created, "李二")
        try await fixture.run(["contest", "record", "\(id)", "--round", "1", "--open", "1"])
        // A stake the round does not offer, and a ruling before the stake, are refused.
        #expect(await fixture.refused(["contest", "record", "\(id)", "--round", "1", "--stake", "\(chen)", "--question", "1", "--amount", "25"]))
        #expect(await fixture.refused(["contest", "record", "\(id)", "--round", "1", "--right", "\(chen)", "--question", "1"]))
        try await fixture.run(["contest", "record", "\(id)", "--round", "1", "--stake", "\(chen)", "--question", "1", "--amount", "30"])
        try await fixture.run(["contest", "record", "\(id)", "--round", "1", "--timeout", "\(chen)", "--question", "1"])
        try await fixture.run(["contest", "record", "\(id)", "--round", "2", "--mark", "\(li)", "--question", "1", "--value", "8"])
        try await fixture.run(["contest", "record", "\(id)", "--round", "2", "--settle", "\(li)", "--question", "1"])
        let log = try await events(id)
        #expect(log.map(\.kind) == [.opened, .staked, .wrong, .marked, .judged])
        #expect(log[2].reason == "超时" && log[2].change == ContestPoints(points: -30) && log[2].member == "GD1")
        #expect(points(Scoreboard.build(created.setup, events: log)) == ["李二": "8", "陈一": "-30"])
    }

    @Test func advanceSendsTheTopPlacesOnAndRefusesATieAtTheCut() async throws {
        try await prepare()
        let lower = try await create(title: "天河区个人赛", format: "individual")
        for number in ["GD1", "GD2", "GD3", "GD4"] { try await fixture.run(["contest", "add-team", "\(lower)", "--member", number]) }
        try await fixture.run(["contest", "add-round", "\(lower)", "--style", "compulsory", "--question", "C-1"])
        try await fixture.run(["contest", "start", "\(lower)"])
        let teams = try await contest(lower).teams
        for (name, score) in [("陈一", "30"), ("李二", "20"), ("黄三", "10"), ("张四", "10")] {
            let team = try #require(teams.first { $0.name == name }).id
            try await fixture.run(["contest", "record", "\(lower)", "--round", "1", "--manual", "\(team)", "--points", score, "--reason", "纸质记分表"])
        }
        let upper = try await create(title: "广州市个人赛", unit: "440100000000", format: "individual")
        // Not before the lower contest is finished.
        #expect(await fixture.refused(["contest", "advance", "--from", "\(lower)", "--to", "\(upper)", "--top", "2"]))
        try await fixture.run(["contest", "finish", "\(lower)"])
        try await fixture.run(["contest", "advance", "--from", "\(lower)", "--to", "\(upper)", "--top", "2"])
        let advanced = try await contest(upper).teams
        #expect(advanced.map(\.name) == ["陈一", "李二"] && advanced.allSatisfy { $0.advancedFrom != nil })
        // Once per lower contest; a tie across the cut-off is refused, not guessed.
        #expect(await fixture.refused(["contest", "advance", "--from", "\(lower)", "--to", "\(upper)", "--top", "2"]))
        let other = try await create(title: "广州市个人赛（二）", unit: "440100000000", format: "individual")
        #expect(await fixture.refused(["contest", "advance", "--from", "\(lower)", "--to", "\(other)", "--top", "3"]))
        #expect(try await contest(other).teams.isEmpty)
        try await fixture.run(["contest", "advance", "--from", "\(lower)", "--to", "\(other)", "--top", "4"])
        #expect(try await contest(other).teams.count == 4)

        try await fixture.run(["contest", "medals", "--unit", "440100000000", "--from", "2026-01-01", "--through", "2026-12-31"])
        guard TrainingFixture.binaryBuilt else { return }
        let medals = try fixture.binary(["contest", "medals", "--unit", "440100000000", "--from", "2026-01-01", "--through", "2026-12-31"])
        #expect(medals.status == 0 && medals.stdout.contains("天河区") && medals.stdout.contains("共 3 个单位。"), "\(medals.stdout)")
        let refused = try fixture.binary(["contest", "advance", "--from", "\(lower)", "--to", "\(upper)", "--top", "3"])
        #expect(refused.status != 0 && refused.stderr.contains("错误："), "\(refused.stderr)")
    }

    @Test func badOptionsAreRefusedByValidationInChinese() {
        let create = ["contest", "create", "--title", "比武", "--unit", TrainingFixture.county, "--format", "team", "--held-on", "2026-05-20"]
        let round = ["contest", "add-round", "1", "--question", "C-1"]
        let record = ["contest", "record", "1", "--round", "1"]
        let cases: [([String], String)] = [
            (create.map { $0 == "team" ? "relay" : $0 }, "--format 须为 个人赛（individual）或 团体赛（team）"),
            (create.map { $0 == "2026-05-20" ? "2026-13-01" : $0 }, "--held-on 须为日期"),
            (create + ["--base-points=-1"], "基础分须为 0 到 10000 之间的整数"),
            (create + ["--tie-breakers", "written,luck"], "--tie-breakers 中的“luck”无效"),
            (create + ["--tie-breakers", "written,written"], "同分比较规则不能重复"),
            (create.map { $0 == "比武" ? " " : $0 }, "比赛名称不能为空"),
            (round + ["--style", "快答"], "--style 须为以下轮次样式之一"),
            (round + ["--style", "compulsory", "--right=-5"], "答对得分须为 0 到 10000之间的整数"),
            (round + ["--style", "compulsory", "--time-limit", "1"], "答题时限须为 5 到 600 秒之间的整数"),
            (["contest", "add-round", "1", "--style", "compulsory"], "必答题轮须预先确定题目"),
            (round + ["--style", "risk", "--right", "5"], "--right 不适用于风险题轮"),
            (round + ["--style", "risk", "--stakes", "10,x"], "--stakes 须为用逗号分隔的整数"),
            (round + ["--style", "written", "--exam", "1"], "笔试轮的题目来自考试试卷"),
            (["contest", "add-round", "1", "--style", "buzzer", "--exam", "1", "--question", "C-1"], "只有笔试轮关联考试"),
            (["contest", "add-team", "1"], "请用 --member 至少写一名队员的工号"),
            (["contest", "add-team", "1", "--member", "GD1", "--captain", "GD2"], "--captain 须是本队队员"),
            (record, "请给出一项记录：--open、--right"),
            (record + ["--right", "1", "--wrong", "2", "--question", "1"], "一次只能记录一项；收到：--right、--wrong"),
            (record + ["--right", "1"], "--right 须同时给出 --question"),
            (record + ["--stake", "1", "--question", "1"], "--stake 须同时给出 --question 与 --amount"),
            (record + ["--open", "1", "--amount", "5"], "--amount 不适用于 --open"),
            (record + ["--manual", "1", "--points", "5"], "--manual 须同时给出 --points 与 --reason"),
            (record + ["--manual", "1", "--points", "12.345", "--reason", "补录"], "--points 须为 -10000 到 10000 之间的分数，最多两位小数"),
            (record + ["--manual", "1", "--points", "-20000", "--reason", "补录"], "--points 须为 -10000 到 10000 之间的分数"),
            (record + ["--manual", "1", "--points", "十分", "--reason", "补录"], "--points 须为 -10000 到 10000 之间的分数"),
            (record + ["--manual", "1", "--points", "5", "--reason", "  "], "--reason 不能为空"),
            (record + ["--right", "0", "--question", "1"], "--right 须为正整数的参赛队编号"),
            (record + ["--right", "1", "--question", "0"], "--question须为 1 到 200之间的整数"),
            (record + ["--right", "1", "--question", "1", "--seconds", "9999"], "--seconds 须为 0 到 600 之间的秒数"),
            (record + ["--mark", "1", "--question", "1", "--value", "101"], "--value须为 0 到 100之间的整数"),
            (["contest", "record", "1", "--round", "0", "--open", "1"], "--round须为 1 到 20之间的整数"),
            (["contest", "advance", "--from", "1", "--to", "2"], "请用 --top 或 --per-unit 二者之一给出晋级名额"),
            (["contest", "advance", "--from", "1", "--to", "2", "--top", "2", "--per-unit", "1"], "请用 --top 或 --per-unit 二者之一给出晋级名额"),
            (["contest", "advance", "--from", "1", "--to", "2", "--top", "0"], "--top须为 1 到 10000之间的整数"),
            (["contest", "advance", "--from", "1", "--to", "1", "--top", "2"], "--from 与 --to 不能是同一场比赛"),
            (["contest", "medals", "--unit", "44", "--from", "2026-12-31", "--through", "2026-01-01"], "--through 不能早于 --from"),
            (["contest", "written", "1", "--round", "21"], "--round须为 1 到 20之间的整数"),
        ]
        for (arguments, expected) in cases {
            let message = TrainingFixture.refusal(arguments)
            #expect(message?.contains(expected) == true, "\(arguments): \(message ?? "accepted")")
        }
        // What validation lets through.
        for arguments in [
            create, create + ["--tie-breakers", "none", "--base-points", "100"], round + ["--style", "compulsory", "--right", "10"],
            record + ["--manual", "1", "--points", "-3", "--reason", "补录"], record + ["--manual", "1", "--points", "+12.5", "--reason", "补录"],
            record + ["--undo", "3"], record + ["--wrong", "1", "--question", "2", "--seconds", "7.25"],
            ["contest", "advance", "--from", "1", "--to", "2", "--per-unit", "1"],
        ] {
            #expect(TrainingFixture.refusal(arguments) == nil, "\(arguments): \(TrainingFixture.refusal(arguments) ?? "")")
        }
    }

    @Test func pointsAreReadToTheHundredth() throws {
        #expect(try ContestArgument.points("12.5") == ContestPoints(hundredths: 1_250))
        #expect(try ContestArgument.points("-3.25") == ContestPoints(hundredths: -325))
        #expect(try ContestArgument.points("+0.05") == ContestPoints(hundredths: 5))
        #expect(try ContestArgument.points("10000") == ContestPoints(points: 10_000))
        for bad in ["", "-", ".5", "5.", "1.234", "10000.01", "99999999999999999999", "1e3", "1,5", "--5"] {
            #expect(throws: ValidationError.self, "\(bad)") { try ContestArgument.points(bad) }
        }
    }

    @Test(.enabled(if: TrainingFixture.binaryBuilt)) func everyContestCommandHasHelp() throws {
        for command in [
            "create", "list", "show", "add-team", "add-round", "start", "finish", "record", "written", "advance", "export", "replay", "medals",
        ] {
            let result = try BinaryTests.run(["contest", command, "--help"])
            #expect(result.status == 0, "\(command)")
            #expect(result.stdout.contains("USAGE"), "\(command)")
        }
    }
}
