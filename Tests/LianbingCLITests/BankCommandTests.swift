import ArgumentParser
import Foundation
@testable import LianbingCLI
import LianbingCore
import LianbingFormats
import LianbingStore
import Testing

/// `lianbing bank …` in-process on temp-file databases.
@Suite struct BankCommandTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-bank-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func write(_ name: String, _ data: Data) throws -> String {
        try data.write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    func run(_ arguments: [String], db: String) async throws {
        try await Lianbing.execute(arguments + ["--db", path(db), "--bcrypt-cost", "4"])
    }

    func initialise(_ db: String) async throws {
        let org = try write("org-\(db).csv", Data("编码,名称,层级,上级编码\n44,广东省,省,\n".utf8))
        try await run(["init", "--org", org, "--admin", "root"], db: db)
    }

    func current(_ db: String) async throws -> [Question] {
        let store = try AppDatabase.open(path: path(db), passwords: PasswordHasher(cost: 4))
        return try await store.questions(QuestionFilter(), for: try await store.operatorPrincipal()).items.map(\.question)
    }

    static let source = "粤退役军人发〔2023〕22号 二（五）17"

    /// One question of every type, with the awkward characters each format must escape.
    static let sample: [Question] = [
        Question(
            id: "S-1", kind: .singleChoice, stem: "服务中心（站）至少多长时间组织一次业务培训？{注意}", options: ["每季度", "每半年", "每年 = 12 个月", "每两年"],
            answer: .choices([1]), explanation: "第19项：每半年至少一次。", knowledgePoints: ["队伍建设/学习培训形式"], difficulty: 2,
            source: "粤退役军人发〔2023〕22号 二（五）19", tags: ["情景题"], usage: .exam),
        Question(
            id: "S-2", kind: .multipleChoice, stem: "行动计划提到的培训方式有哪些？", options: ["专题培训班", "以会代训", "组织观摩", "出国考察"],
            answer: .choices([0, 1, 2]), explanation: "第19项。", knowledgePoints: ["队伍建设/学习培训形式"], difficulty: 3,
            source: "粤退役军人发〔2023〕22号 二（五）19", usage: .practice),
        Question(
            id: "S-3", kind: .trueFalse, stem: "退役军人和其他优抚对象比例原则上不少于三分之一。", answer: .trueFalse(true),
            explanation: "第17项。", knowledgePoints: ["队伍建设/人员配备"], difficulty: 1, source: source),
        Question(
            id: "S-4", kind: .fillBlank, stem: "退役军人和其他优抚对象比例原则上不少于____。", answer: .blanks([["三分之一", "1/3"]]),
            explanation: "第17项。", knowledgePoints: ["队伍建设/人员配备"], difficulty: 2, source: source, status: .draft),
        Question(
            id: "S-5", kind: .shortAnswer, stem: "简述行动计划对优化队伍结构的要求。",
            answer: .shortAnswer(reference: "提升录用退役军人比例；提升法律、信息化等专业人才比例。", points: ["退役军人比例", "专业人才比例"]),
            explanation: "第17项。", knowledgePoints: ["队伍建设/人员配备", "队伍建设/总体要求"], difficulty: 4, source: source),
    ]

    @Test func everyFormatRoundTripsEveryType() async throws {
        try await initialise("a.sqlite")
        let bank = try write("sample.txt", BankText.write(Self.sample))
        try await run(["bank", "import", bank], db: "a.sqlite")
        #expect(try await current("a.sqlite") == Self.sample)
        for format in QuestionFormat.allCases {
            let exported = path("export.\(format.fileExtension)")
            try await run(["bank", "export", "--format", format.rawValue, "--out", exported], db: "a.sqlite")
            let target = "round-\(format.rawValue).sqlite"
            try await initialise(target)
            try await run(["bank", "import", exported], db: target)
            #expect(try await current(target) == Self.sample, "\(format.rawValue) did not round-trip")
        }
    }

    @Test func reimportingAnUnchangedBankMakesNoRevisionAndAChangeMakesOne() async throws {
        try await initialise("r.sqlite")
        let bank = try write("sample.txt", BankText.write(Self.sample))
        try await run(["bank", "import", bank], db: "r.sqlite")
        try await run(["bank", "import", bank], db: "r.sqlite")
        let store = try AppDatabase.open(path: path("r.sqlite"), passwords: PasswordHasher(cost: 4))
        #expect(try await store.currentBankRevision() == 1)
        var edited = Self.sample
        edited[2].difficulty = 2
        try await run(["bank", "import", try write("sample.txt", BankText.write(edited))], db: "r.sqlite")
        #expect(try await store.currentBankRevision() == 2)
        #expect(try await store.question("S-3", for: try await store.operatorPrincipal()).revisions == [2, 1])
    }

    @Test func aGB18030CSVImports() async throws {
        try await initialise("g.sqlite")
        let text = String(decoding: QuestionCSV.write(Self.sample), as: UTF8.self).replacingOccurrences(of: "\u{FEFF}", with: "")
        let gbk = try #require(text.data(using: String.Encoding(rawValue: 0x8000_0632)))
        try await run(["bank", "import", try write("gbk.csv", gbk)], db: "g.sqlite")
        #expect(try await current("g.sqlite") == Self.sample)
    }

    @Test func aCSVWithThreeBadRowsImportsNothingAndNamesAllThree() async throws {
        try await initialise("b.sqlite")
        var lines = String(decoding: QuestionCSV.write(Self.sample), as: UTF8.self).components(separatedBy: "\r\n")
        lines[1] = lines[1].replacingOccurrences(of: ",单选,", with: ",单项,")
        lines[2] = lines[2].replacingOccurrences(of: ",ABC,", with: ",AZ,")
        lines[3] = lines[3].replacingOccurrences(of: ",粤退役军人发〔2023〕22号 二（五）17,", with: ",,")
        let csv = try write("bad.csv", Data(lines.joined(separator: "\r\n").utf8))
        let dry = try await captureFailure { try await Lianbing.execute(["bank", "validate", csv]) }
        #expect(dry)
        let failed = try await captureFailure { try await run(["bank", "import", csv], db: "b.sqlite") }
        #expect(failed)
        #expect(try await current("b.sqlite").isEmpty)
        // The refusal names all three rows.
        let store = try AppDatabase.open(path: path("b.sqlite"), passwords: PasswordHasher(cost: 4))
        let error = await #expect(throws: LianbingError.self) {
            try await store.importQuestions(try BankFiles.read(csv, format: nil), note: "bad", by: try await store.operatorPrincipal())
        }
        guard case .importRejected(let failure) = error else { Issue.record("expected importRejected"); return }
        #expect(Set(failure.issues.map(\.line)) == [2, 3, 4])
    }

    @Test func statsJSONCountsActiveQuestionsByType() async throws {
        try await initialise("s.sqlite")
        try await run(["bank", "import", try write("sample.txt", BankText.write(Self.sample))], db: "s.sqlite")
        let store = try AppDatabase.open(path: path("s.sqlite"), passwords: PasswordHasher(cost: 4))
        let json = BankStatsJSON(try await store.bankCoverage(for: try await store.operatorPrincipal()), bankRevision: 1)
        let data = try JSONEncoder().encode(json)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["active"] as? Int == 4)
        #expect((object["byType"] as? [String: Int])?["short"] == 1)
    }

    @Test func templateHasTheHeaderAndTwoExampleRowsThatImport() async throws {
        let template = QuestionCSV.template()
        let text = String(decoding: template, as: UTF8.self)
        #expect(text.hasPrefix("\u{FEFF}编号,题型,题干,选项A"))
        guard case .success(let read) = QuestionCSV.read(template, file: "template.csv") else {
            Issue.record("template does not read back")
            return
        }
        #expect(read.questions.count == 2 && read.issues.isEmpty)
    }

    /// Runs a command expected to fail with a non-zero exit; `true` when it did.
    func captureFailure(_ body: () async throws -> Void) async throws -> Bool {
        do {
            try await body()
            return false
        } catch let exit as ExitCode {
            return exit != .success
        }
    }
}
