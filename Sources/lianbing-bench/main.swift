// On-demand benchmarks, never part of the test command: `swift run -c release lianbing-bench bank`.
import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

/// Time for `body`, in seconds, on the monotonic clock.
func measure(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    let elapsed = (ContinuousClock.now - start).components
    return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
}

/// 10,000 distinct, valid questions of all five types, spread over knowledge points and difficulties.
func generatedBank(count: Int) -> [Question] {
    var generator = SeededGenerator(seed: 20_231_122)
    let topics = ["培训", "考核", "接访", "走访", "法律援助", "心理疏导", "志愿服务", "就业创业", "帮扶援助", "信息化"]
    let words = Array("服务中心站退役军人工作人员培训考核走访慰问法律援助心理疏导志愿就业创业帮扶信息化政策宣传台账需求满意度评定遴选专家库学习日微课网校")
    return (0..<count).map { index in
        let kind = QuestionKind.allCases[index % 5]
        let topic = topics[index % topics.count]
        let stem = "第\(index)题：" + String((0..<24).map { _ in words.randomElement(using: &generator)! }) + "？"
        let options = (0..<4).map { "选项\($0)-" + String((0..<6).map { _ in words.randomElement(using: &generator)! }) }
        let answer: Answer =
            switch kind {
            case .singleChoice: .choices([index % 4])
            case .multipleChoice: .choices([0, 1 + index % 3])
            case .trueFalse: .trueFalse(index % 2 == 0)
            case .fillBlank: .blanks([["答案\(index)", "答\(index)"]])
            case .shortAnswer: .shortAnswer(reference: "参考答案\(index)", points: ["要点一", "要点二"])
            }
        return Question(
            id: "B\(index)", kind: kind, stem: kind == .fillBlank ? stem + "____" : stem, options: kind.hasOptions ? options : [],
            answer: answer, explanation: "解析\(index)", knowledgePoints: ["基准/\(topic)"], difficulty: 1 + index % 5,
            source: "基准数据", usage: QuestionUsage.allCases[index % 3])
    }
}

func benchBank() async throws {
    let count = 10_000
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-bench-\(UUID())")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let csvURL = work.appendingPathComponent("bank.csv")
    try QuestionCSV.write(generatedBank(count: count)).write(to: csvURL)
    let bytes = try Data(contentsOf: csvURL)
    print("bank: \(count) questions, \(bytes.count / 1024) KiB CSV")

    let database = try AppDatabase.open(path: work.appendingPathComponent("bench.sqlite").path)
    let root = ServiceUnit(code: "44", name: "广东省", level: .province, parentCode: nil)
    _ = try await database.importUnits([UnitTreeBuilder.Row(line: 2, unit: root)], file: "bench", by: .operator(root: UnitPath(codes: [])))
    let principal = try await database.operatorPrincipal()

    var parsed = QuestionImport()
    let parse = try await measure {
        guard case .success(let read) = QuestionCSV.read(try Data(contentsOf: csvURL), file: "bank.csv") else { fatalError("the generated CSV does not parse") }
        parsed = read
    }
    var report = BankReport(errors: [], warnings: [])
    let validate = await measure { report = BankValidator.validate(parsed.questions) }
    precondition(report.errors.isEmpty, "generated bank has errors: \(report.errors.prefix(3))")
    // importQuestions validates again, as every import does; the total is what a trainer waits for.
    let importTime = try await measure {
        let result = try await database.importQuestions(parsed, note: "bench", by: principal)
        precondition(result.added == count)
    }
    let total = parse + validate + importTime
    print(String(format: "  read CSV      %7.3f s", parse))
    print(String(format: "  validate      %7.3f s  (%d warnings)", validate, report.warnings.count))
    print(String(format: "  import        %7.3f s  (validation included)", importTime))
    print(String(format: "  total         %7.3f s  = %.0f questions/s  (target: under 2 s)", total, Double(count) / total))

    // Baseline: the sqlite3 shell loading the same file into a plain table, measured in the same run.
    let shell = Process()
    shell.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    shell.arguments = ["sqlite3", work.appendingPathComponent("baseline.sqlite").path]
    let input = Pipe()
    shell.standardInput = input
    shell.standardOutput = FileHandle.nullDevice
    var baseline = 0.0
    do {
        baseline = try await measure {
            try shell.run()
            input.fileHandleForWriting.write(Data(".mode csv\n.import '\(csvURL.path)' bank\n".utf8))
            try input.fileHandleForWriting.close()
            shell.waitUntilExit()
        }
        print(String(format: "  baseline: sqlite3 .import of the same file  %7.3f s  → lianbing / baseline = %.1f×", baseline, total / baseline))
    } catch {
        print("  baseline: sqlite3 shell not found (apt-get install sqlite3)")
    }
}

/// Prints a line at once, even into a pipe or a file, so a long run shows its progress as it goes.
func report(_ line: String) {
    print(line)
    fflush(nil)
}

/// A benchmark that cannot run says why and exits non-zero.
func reportingBenchErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as BenchError {
        print("error: \(error)")
        exit(1)
    }
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "bank": try await benchBank()
case "assemble": try benchAssemble()
case "grade": try benchGrade()
case "stats": try benchStats()
case "roster": try await reportingBenchErrors { try await benchRoster() }
case "publish": try await reportingBenchErrors { try await benchPublish(arguments.dropFirst()) }
case "load": try await reportingBenchErrors { try await benchLoad(arguments.dropFirst()) }
case "durability": try await reportingBenchErrors { if try await !benchDurability(arguments.dropFirst()) { exit(1) } }
case "close": try await reportingBenchErrors { try await benchClose(arguments.dropFirst()) }
case "training": try await benchTraining()
case "school": try await reportingBenchErrors { try await benchSchool() }
case "contest": try await reportingBenchErrors { try await benchContest(arguments.dropFirst()) }
default:
    print("usage: lianbing-bench bank    — import and validate a generated 10,000-question CSV, against sqlite3 .import")
    print("       lianbing-bench assemble — 20,000 papers of a 100-question, 30-cell blueprint from a 10,000-question bank")
    print("       lianbing-bench grade   — grade 200,000 generated attempts of a 100-question paper")
    print("       lianbing-bench stats   — item statistics of 10,000 attempts × 100 questions")
    print("       lianbing-bench roster  — import a 50,000-row staff roster as .xlsx and as CSV (read, check, write)")
    print("       lianbing-bench publish [--candidates 50000] — publish one exam of the shipped bank (papers made and stored)")
    print("       lianbing-bench load [--candidates 20000] [--connections 1000] [--synchronous full|normal] [--duration-seconds 90]")
    print("                           [--start-seconds 55] [--submit-seconds 30]")
    print("                           — exam day against the release server: starts, saves every 30 s, submits; /healthz ceiling")
    print("       lianbing-bench durability [--candidates 1000] [--connections 1000] [--synchronous full|normal]")
    print("                           — SIGKILL the server mid-save, restart, check every acknowledged answer and deadline")
    print("       lianbing-bench close [--candidates 20000]")
    print("                           — close an exam with everyone still writing: its duration, and how long other writes wait")
    print("       lianbing-bench training — coverage, half-year and plan at province scale with two years of attendance")
    print("       lianbing-bench school  — 推荐学习, 今日复习 and a unit's weak points at province scale with a year of exams and self-tests")
    print("       lianbing-bench contest [--participants 100000] [--events 1000000] [--viewers 1000] [--updates 40] [--part all|engine|viewers]")
    print("                           — scoring engine (events/s, rank queries, full board) and live board screens on the release server")
    print("       (load, durability and contest start .build/…/release/lianbing: build it first, swift build -c release)")
}
