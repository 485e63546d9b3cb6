import ArgumentParser
import Foundation
@testable import LianbingCLI
import LianbingCore
@testable import LianbingFormats
@testable import LianbingStore
import Testing

/// `lianbing blueprint`, `exam` and `mark` in-process on a temp-file database holding a small tree, five candidates
/// and the shipped bank; the built binary where a message itself is what is checked.
@Suite struct ExamCommandTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-exam-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var db: String { path("exam.sqlite") }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    func run(_ arguments: [String]) async throws {
        try await Lianbing.execute(arguments + ["--db", db, "--bcrypt-cost", "4"])
    }

    /// Runs a command expected to be refused; `true` when it exited non-zero.
    func refused(_ arguments: [String]) async throws -> Bool {
        do {
            try await run(arguments)
            return false
        } catch let exit as ExitCode {
            return exit != .success
        }
    }

    func store() throws -> AppDatabase { try AppDatabase.open(path: db, passwords: PasswordHasher(cost: 4)) }

    static let binaryBuilt = FileManager.default.isExecutableFile(atPath: BinaryTests.binary.path)
    static let quarterly = QuestionBankContentTests.root.appendingPathComponent("Blueprints/季度集中考核.txt").path
    /// The `tieAtBoundary` case of `Tests/LianbingCoreTests/Reference/item_statistics.json` as a marks matrix.
    static let matrix = QuestionBankContentTests.root.appendingPathComponent("Tests/LianbingCoreTests/Reference/tie_at_boundary.csv").path
    /// Appended to every stem of the bank, so the printed forms show whether bank text is escaped.
    static let markup = " <script>alert(1)</script> & <b>"

    static let org = """
        编码,名称,层级,上级编码
        440000000000,广东省,省,
        440100000000,广州市,市,440000000000
        440106000000,天河区,县,440100000000

        """

    /// GD1–GD5 in 天河区 are the candidates; GD6, at the city, is added and removed after publication.
    static let staff = """
        工号,姓名,单位编码,岗位,退役军人,其他优抚对象,专长,入职日期,在岗
        GD1,陈一,440106000000,工作人员,是,否,,,是
        GD2,李二,440106000000,接访员,否,否,,,是
        GD3,黄三,440106000000,工作人员,否,否,,,是
        GD4,张四,440106000000,工作人员,否,否,,,是
        GD5,刘五,440106000000,工作人员,否,否,,,是
        GD6,周六,440100000000,工作人员,否,否,,,是

        """

    /// The tree, the roster and the shipped bank, every stem carrying `markup`.
    func prepare() async throws {
        try await run(["init", "--org", try write("org.csv", Self.org), "--admin", "root"])
        try await run(["staff", "import", try write("staff.csv", Self.staff)])
        var questions = try QuestionBankContentTests.bank().questions.map(\.question)
        for index in questions.indices { questions[index].stem += Self.markup }
        try await run(["bank", "import", try write("bank.txt", String(decoding: BankText.write(questions), as: UTF8.self))])
    }

    /// The shipped quarterly blueprint asking more of 保障措施 than the bank holds (8 single-choice and 6 true/false
    /// assessment questions), with the total raised to match.
    static func infeasibleBlueprint() throws -> String {
        try String(contentsOfFile: quarterly, encoding: .utf8)
            .replacingOccurrences(of: "总分: 100", with: "总分: 126")
            .replacingOccurrences(of: "保障措施 | 单选 | 1-5 | 1", with: "保障措施 | 单选 | 1-5 | 9")
            .replacingOccurrences(of: "保障措施 | 判断 | 1-5 | 2", with: "保障措施 | 判断 | 1-5 | 7")
    }

    func createArguments(blueprint: String) -> [String] {
        let now = Date()
        return [
            "exam", "create", "--title", "2026年第四季度集中考核", "--blueprint", blueprint, "--unit", "440106000000",
            "--opens", ChinaTime.format(now.addingTimeInterval(-60)), "--closes", ChinaTime.format(now.addingTimeInterval(7_200)),
            "--duration", "90", "--pass-mark", "60", "--review", "keys", "--partial-share", "0.5", "--seed", "20261001",
            "--instructions", "请独立作答。",
        ]
    }

    @Test func blueprintCheckPassesTheShippedBlueprintAndAnInfeasibleOneIsRefusedNamingEveryFailingCell() async throws {
        try await prepare()
        try await run(["blueprint", "check", Self.quarterly, "--candidates", "5"])
        try await Lianbing.execute(["blueprint", "show", Self.quarterly])
        let infeasible = try write("infeasible.txt", try Self.infeasibleBlueprint())
        #expect(try await refused(["blueprint", "check", infeasible, "--candidates", "5"]))
        #expect(try await refused(createArguments(blueprint: infeasible)))
        #expect(try await store().exams(by: try await store().operatorPrincipal()).isEmpty)
        // A file error is reported at its line.
        let broken = try write("broken.txt", try String(contentsOfFile: Self.quarterly, encoding: .utf8).replacingOccurrences(of: "单选 每题 2 分", with: "单项 每题 2 分"))
        #expect(try await refused(["blueprint", "check", broken]))

        guard Self.binaryBuilt else { return }
        let cells = ["知识点 保障措施 · 单选 · 难度 1–5", "知识点 保障措施 · 判断 · 难度 1–5"]
        let check = try BinaryTests.run(["blueprint", "check", infeasible, "--candidates", "5", "--db", db])
        #expect(check.status != 0)
        for cell in cells { #expect(check.stderr.contains(cell), "\(cell) not named:\n\(check.stderr)") }
        let create = try BinaryTests.run(createArguments(blueprint: infeasible) + ["--db", db])
        #expect(create.status != 0)
        for cell in cells { #expect(create.stderr.contains(cell), "\(cell) not named:\n\(create.stderr)") }
        let file = try BinaryTests.run(["blueprint", "check", broken, "--db", db])
        #expect(file.stderr.contains("broken.txt:11: "), "\(file.stderr)")
    }

    @Test func createPublishPrintMarkReleaseAndExportAnAssessment() async throws {
        try await prepare()
        let database = try store()
        let op = try await database.operatorPrincipal()

        for (option, value) in [("--duration", "0"), ("--duration", "153722867280912931"), ("--review-days", "366"), ("--opens", "1999-12-31 23:00")] {
            var arguments = createArguments(blueprint: Self.quarterly)
            if let index = arguments.firstIndex(of: option) { arguments[index + 1] = value } else { arguments += [option, value] }
            await #expect(throws: (any Error).self, "\(option) \(value)") { try await run(arguments) }
        }
        #expect(try await database.exams(by: op).isEmpty)
        try await run(createArguments(blueprint: Self.quarterly))
        let id = try #require(try await database.exams(by: op).first).id
        let created = try await database.exam(id, by: op)
        #expect(created.seed == 20_261_001 && created.review == ReviewPolicy(content: .keys, timing: .afterRelease))
        #expect(created.multipleChoice == .partial(share: 0.5) && created.duration == 5_400 && created.instructions == "请独立作答。")
        try await run(["exam", "list"])
        try await run(["exam", "show", "\(id)"])

        try await run(["exam", "publish", "\(id)"])
        #expect(try await database.exam(id, by: op).candidateCount == 5)
        try await run(["exam", "papers", "\(id)", "--preview", "2"])
        try await run(["exam", "papers", "\(id)", "--verify"])
        let preview = ExamCommand.Papers.lines(try #require(try await database.papers(ofExam: id, limit: 1, by: op).first))
        #expect(preview[0] == "GD1（第 1 份，36 题，100 分）")
        #expect(preview.count == 37 && preview[1].contains("\t2 分\t选项顺序 "))

        // Two printable forms: six files, bank text escaped, nothing that runs.
        let out = path("forms")
        try await run(["exam", "forms", "\(id)", "--count", "2", "--out", out])
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files == ["答案-A.html", "答案-B.html", "答题卡-A.html", "答题卡-B.html", "试卷-A.html", "试卷-B.html"].sorted())
        for file in files {
            let html = try String(contentsOfFile: (out as NSString).appendingPathComponent(file), encoding: .utf8)
            #expect(!html.contains("<script") && !html.contains("<b>"), "\(file)")
            #expect(html.contains("2026年第四季度集中考核（\(file.contains("-A") ? "A" : "B") 卷）"), "\(file)")
        }
        let paperA = try String(contentsOfFile: (out as NSString).appendingPathComponent("试卷-A.html"), encoding: .utf8)
        #expect(paperA.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;"))
        await #expect(throws: (any Error).self) { try await run(["exam", "forms", "\(id)", "--count", "2", "--out", out]) }

        // Paper marks: bad files are refused whole, then GD1 and GD2 score full marks and GD3 two fewer.
        let forms = try await database.forms(ofExam: id, by: op).forms
        let points = Dictionary(uniqueKeysWithValues: forms.map { ($0.letter, $0.paper.items.map { AppDatabase.points($0.points) }) })
        let header = PaperMarksCSV.header(questionCount: 36).joined(separator: ",")
        func line(_ staff: String, _ form: String, _ marks: [String]) -> String { ([staff, form] + marks).joined(separator: ",") }
        let full = points["A"]!, fullB = points["B"]!
        let badCells = try write("bad-cells.csv", [
            header, line("GD1", "A", [""] + full.dropFirst()), line("GD2", "B", ["x"] + fullB.dropFirst()), line("GD3", "A", ["2", "2"]),
        ].joined(separator: "\n"))
        let badRows = try write("bad-rows.csv", [
            header, line("GD9", "A", full), line("GD1", "C", full), line("GD2", "B", ["99"] + fullB.dropFirst()),
        ].joined(separator: "\n"))
        #expect(try await refused(["exam", "marks", "\(id)", "--import", badCells]))
        #expect(try await refused(["exam", "marks", "\(id)", "--import", badRows]))
        #expect(try await database.results(ofExam: id, by: op).allSatisfy { $0.row.outcome == .notStarted && $0.row.score == nil })
        if Self.binaryBuilt {
            for file in [badCells, badRows] {
                let result = try BinaryTests.run(["exam", "marks", "\(id)", "--import", file, "--db", db])
                #expect(result.status != 0)
                for number in 2...4 { #expect(result.stderr.contains("\(file):\(number): "), "line \(number) not named:\n\(result.stderr)") }
            }
        }
        let good = try write("marks.csv", [
            header, line("GD1", "A", full), line("GD2", "B", fullB), line("GD3", "A", ["0"] + full.dropFirst()),
        ].joined(separator: "\n"))
        try await run(["exam", "marks", "\(id)", "--import", good])

        // GD4 sits online and writes both short answers; GD5 is excused; GD6 joins late and leaves again.
        let candidate = Principal(kind: .account(id: 0, username: "GD4", role: .staff, staffNumber: "GD4"), scope: op.scope)
        let attempt = try await database.startAttempt(exam: id, client: .commandLine, by: candidate)
        for item in attempt.items where item.kind == .shortAnswer {
            _ = try await database.saveAnswer(attempt: attempt.id, position: item.position, response: .text("每半年至少组织一次培训"), by: candidate)
        }
        _ = try await database.submitAttempt(attempt.id, by: candidate)
        try await run(["exam", "excuse", "\(id)", "--staff", "GD5", "--reason", "病假"])
        try await run(["exam", "candidates", "add", "\(id)", "--staff", "GD6"])
        try await run(["exam", "candidates", "remove", "\(id)", "--staff", "GD6"])
        try await run(["exam", "override", "\(id)", "--staff", "GD4", "--extra-minutes", "10"])
        try await run(["exam", "reopen", "\(id)", "--staff", "GD4", "--minutes", "30"])
        await #expect(throws: (any Error).self) { try await run(["exam", "override", "\(id)", "--staff", "GD4"]) }

        // Closing submits GD4 again; release waits for the two short answers.
        try await run(["exam", "close", "\(id)"])
        #expect(try await refused(["exam", "release", "\(id)"]))
        try await run(["mark", "list", "--exam", "\(id)"])
        let queue = try await database.markingQueue(exam: id, by: op)
        #expect(queue.count == 2 && queue.allSatisfy { $0.attemptId == attempt.id && $0.response == "每半年至少组织一次培训" })
        #expect(MarkCommand.List.lines(queue[0])[0].hasPrefix("作答 \(attempt.id) 第 \(queue[0].position + 1) 题（满分 10 分）"))
        for item in queue {
            try await run(["mark", "set", "--attempt", "\(item.attemptId)", "--position", "\(item.position + 1)", "--score", "5", "--comment", "要点不全"])
        }
        try await run(["exam", "release", "\(id)"])
        #expect(try await database.exam(id, by: op).status == .released)

        // Released: a mark changes only within a score review, and the log keeps every action, exportable.
        let marked = queue[0]
        #expect(try await refused(["mark", "set", "--attempt", "\(marked.attemptId)", "--position", "\(marked.position + 1)", "--score", "9"]))
        let log = path("操作日志.csv")
        try await run(["audit", "export", "--action", "exam.", "--out", log])
        let logText = String(decoding: try Data(contentsOf: URL(fileURLWithPath: log)).dropFirst(3), as: UTF8.self)
        #expect(logText.hasPrefix("时间,操作人,操作,对象,详情\r\n") && logText.contains(",operator,exam.release,考试 \(id),"))
        #expect(!logText.contains("bank.import"))
        try await run(["audit", "list", "--limit", "5"])
        await #expect(throws: (any Error).self) { try await run(["audit", "list", "--limit", "0"]) }
        await #expect(throws: (any Error).self) { try await run(["exam", "reopen", "\(id)", "--staff", "GD4", "--minutes", "9223372036854775807"]) }

        // The export: BOM, the Chinese header, ties ranked 1, 1, 3.
        let export = path("成绩.csv")
        try await run(["exam", "results", "\(id)", "--export", export])
        let data = try Data(contentsOf: URL(fileURLWithPath: export))
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let rows = String(decoding: data.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }.map {
            $0.components(separatedBy: ",")
        }
        #expect(rows[0] == ResultsCSV.header && rows[0].last == "用时（分钟）")
        // The same export as a workbook, by its extension.
        try await run(["exam", "results", "\(id)", "--export", path("成绩.xlsx")])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path("成绩.xlsx"))).starts(with: Array("PK".utf8)))
        let firstPoints = points["A"]![0]
        #expect(rows.dropFirst().map { [$0[4], $0[7], $0[8], $0[9]] } == [
            ["GD1", "100", "合格", "1"], ["GD2", "100", "合格", "1"], ["GD3", AppDatabase.points(100 - Double(firstPoints)!), "合格", "3"],
            ["GD4", "10", "不合格", "4"], ["GD5", "", "免考", ""],
        ])
        #expect(rows.dropFirst().allSatisfy { $0[0] == "2026年第四季度集中考核" && $0[1] == "60" })
        #expect(rows[1][2] == "天河区" && rows[1][3] == "广州市 › 天河区" && rows[2][6] == "接访员")
        // Marks from a paper sitting have no submission time or time used; GD4 sat online, its minutes a number.
        #expect(rows[1][10] == "" && rows[1][11] == "" && rows[5][11] == "")
        #expect(rows[4][10].hasPrefix("20") && Double(rows[4][11]) != nil)
        await #expect(throws: (any Error).self) { try await run(["exam", "results", "\(id)", "--export", export]) }

        try await run(["exam", "stats", "\(id)"])
        try await run(["exam", "stats", "\(id)", "--json"])
        try await run(["exam", "regrade", "--question", preview[1].split(separator: "\t")[1].description])
    }

    @Test func statsOfAMarkMatrixGiveTheReferenceValuesAndFlagTheNegativeQuestion() async throws {
        try await Lianbing.execute(["exam", "stats", "--matrix", Self.matrix])
        await #expect(throws: (any Error).self) { try await Lianbing.execute(["exam", "stats", "1", "--matrix", Self.matrix]) }
        await #expect(throws: (any Error).self) { try await Lianbing.execute(["exam", "stats"]) }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("stats-\(UUID()).xlsx")
        defer { try? FileManager.default.removeItem(at: out) }
        try await Lianbing.execute(["exam", "stats", "--matrix", Self.matrix, "--out", out.path])
        let records = try WorkbookReader.open(try Data(contentsOf: out), file: out.path).get().records().get().records
        #expect(records[4].fields.prefix(2) == ["⚠", "Q4"] && records[4].numbers[2].map { abs($0 - 0.3) < 1e-9 } == true, "得分率 is a number cell")
        await #expect(throws: (any Error).self) { try await Lianbing.execute(["exam", "stats", "--matrix", Self.matrix, "--json", "--out", out.path]) }

        guard Self.binaryBuilt else { return }
        let json = try BinaryTests.run(["exam", "stats", "--matrix", Self.matrix, "--json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(abs((object["cic"] as? Double ?? 0) - 28.650137741046812) < 1e-9)
        let questions = try #require(object["questions"] as? [[String: Any]])
        #expect(abs((questions[3]["discriminationIndex"] as? Double ?? 0) - -4.279604925109134) < 1e-9)
        #expect(json.stdout.range(of: "\"candidates\"")!.lowerBound < json.stdout.range(of: "\"cic\"")!.lowerBound)
        let table = try BinaryTests.run(["exam", "stats", "--matrix", Self.matrix])
        #expect(table.stdout.contains("⚠\tQ4\t30.0%\t48.3%\t-4.3\t-5.3%\t0.00"), "\(table.stdout)")
        #expect(table.stdout.contains("  ⚠ Q4：区分度 -4.3"))
        #expect(table.stdout.contains("CIC 28.7%"))
    }

    @Test func draftsAreEditedAndDeletedButPublishedExamsAreNot() async throws {
        try await prepare()
        let database = try store()
        let op = try await database.operatorPrincipal()
        try await run(createArguments(blueprint: Self.quarterly))
        let id = try #require(try await database.exams(by: op).first).id
        func editing(_ blueprint: String) -> [String] {
            var arguments = createArguments(blueprint: blueprint)
            arguments[1] = "edit"
            arguments.insert("\(id)", at: 2)
            arguments[arguments.firstIndex(of: "2026年第四季度集中考核")!] = "2026年第四季度集中考核（补考）"
            arguments[arguments.firstIndex(of: "90")!] = "45"
            return arguments
        }
        #expect(try await refused(editing(try write("infeasible.txt", try Self.infeasibleBlueprint()))))
        #expect(try await database.exam(id, by: op).title == "2026年第四季度集中考核")
        try await run(editing(Self.quarterly))
        let edited = try await database.exam(id, by: op)
        #expect(edited.title == "2026年第四季度集中考核（补考）" && edited.duration == 2_700 && edited.seed == 20_261_001 && edited.status == .draft)

        try await run(["exam", "publish", "\(id)"])
        #expect(try await refused(editing(Self.quarterly)))
        #expect(try await refused(["exam", "delete", "\(id)"]))
        try await run(createArguments(blueprint: Self.quarterly))
        let draft = try #require(try await database.exams(by: op).first { $0.status == .draft }).id
        try await run(["exam", "delete", "\(draft)"])
        #expect(try await database.exams(by: op).map(\.id) == [id])
        #expect(try await refused(["exam", "delete", "\(draft)"]))
    }

    @Test func verifyingPapersNamesACandidateWhosePaperDiffersFromTheRegeneration() async throws {
        try await prepare()
        let database = try store()
        try await run(createArguments(blueprint: Self.quarterly))
        let id = try #require(try await database.exams(by: try await database.operatorPrincipal()).first).id
        try await run(["exam", "publish", "\(id)"])
        try await run(["exam", "papers", "\(id)", "--verify"])
        try await database.writer.write { db in
            try db.execute(
                sql: "UPDATE examCandidate SET paper = (SELECT paper FROM examCandidate WHERE examId = ?1 AND staffNumber = 'GD2') WHERE examId = ?1 AND staffNumber = 'GD1'",
                arguments: [id])
        }
        #expect(try await refused(["exam", "papers", "\(id)", "--verify"]))
        guard Self.binaryBuilt else { return }
        let verify = try BinaryTests.run(["exam", "papers", "\(id)", "--verify", "--db", db])
        #expect(verify.status != 0 && verify.stderr.contains("不一致的考生：GD1"), "\(verify.stderr)")
    }

    @Test(.enabled(if: binaryBuilt)) func everyNewCommandHasHelp() throws {
        for command in [
            ["blueprint", "check"], ["blueprint", "show"], ["exam", "create"], ["exam", "edit"], ["exam", "delete"], ["exam", "list"], ["exam", "show"], ["exam", "publish"],
            ["exam", "papers"], ["exam", "forms"], ["exam", "marks"], ["exam", "candidates", "add"], ["exam", "candidates", "remove"],
            ["exam", "override"], ["exam", "reopen"], ["exam", "excuse"], ["exam", "close"], ["exam", "release"], ["exam", "results"],
            ["exam", "stats"], ["exam", "regrade"], ["mark", "list"], ["mark", "set"], ["audit", "list"], ["audit", "export"],
        ] {
            let result = try BinaryTests.run(command + ["--help"])
            #expect(result.status == 0, "\(command)")
            #expect(result.stdout.contains("USAGE"), "\(command)")
        }
    }
}
