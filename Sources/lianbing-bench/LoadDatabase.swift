import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

/// A throw-away database with one published assessment open now, its candidates all the active staff of one
/// county, and one session per candidate: everything the load and durability runs need, made before any timing.
struct LoadDatabase {
    let directory: URL
    let path: String
    let examId: Int64
    let sessions: [LoadSession]
    /// Publishing the exam: the candidate list frozen, every paper made and stored (`publishExam`).
    let publishSeconds: Double

    static let county = "440199"

    /// The shipped bank and blueprint (`QuestionBank/`, `Blueprints/季度集中考核.txt`), so run from the package root.
    static func prepare(candidates: Int) async throws -> LoadDatabase {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-load-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("load.sqlite").path
        let database = try AppDatabase.open(path: path)
        let bootstrap = Principal.operator(root: UnitPath(codes: []))
        _ = try await database.importUnits(units(), file: "load", by: bootstrap)
        let principal = try await database.operatorPrincipal()
        _ = try await database.importStaff(staff(candidates), file: "load", by: principal)
        _ = try await database.importQuestions(try shippedBank(), note: "QuestionBank（负载测试）", by: principal)

        let file = "Blueprints/季度集中考核.txt"
        guard let text = FileManager.default.contents(atPath: file) else { throw BenchError("\(file) not found: run from the package root") }
        guard case .success(let blueprint) = BlueprintText.read(text, file: file) else { throw BenchError("\(file) does not read") }
        let now = Date()
        // Opened a minute ago and long enough for any run: deadlines come from the duration, not the window.
        let draft = ExamDraft(
            title: "负载测试：季度集中考核", blueprint: blueprint, blueprintText: String(decoding: text, as: UTF8.self), unitCode: county,
            opensAt: now.addingTimeInterval(-60), closesAt: now.addingTimeInterval(12 * 3_600), durationMinutes: 180, passMark: 60,
            seed: 2_026)
        let exam = try await database.createExam(draft, by: principal)
        let start = ContinuousClock.now
        _ = try await database.publishExam(exam.id, by: principal)
        let publishSeconds = (ContinuousClock.now - start) / .seconds(1)
        let sessions = try await database.openLoadSessions(forStaff: (0..<candidates).map(staffNumber), by: principal)
        return LoadDatabase(directory: directory, path: path, examId: exam.id, sessions: sessions, publishSeconds: publishSeconds)
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    static func staffNumber(_ index: Int) -> String { String(format: "LB%06d", index) }

    /// Province, city, the county, 10 towns of 20 villages each.
    static func units() -> [UnitTreeBuilder.Row] {
        var units = [
            ServiceUnit(code: "44", name: "广东省退役军人服务中心", level: .province, parentCode: nil),
            ServiceUnit(code: "4401", name: "广州市退役军人服务中心", level: .city, parentCode: "44"),
            ServiceUnit(code: county, name: "基准区退役军人服务中心", level: .county, parentCode: "4401"),
        ]
        for town in 1...10 {
            let townCode = county + String(format: "%03d", town)
            units.append(ServiceUnit(code: townCode, name: "基准\(town)街道退役军人服务站", level: .town, parentCode: county))
            for village in 1...20 {
                units.append(ServiceUnit(
                    code: townCode + String(format: "%03d", village), name: "基准\(town)-\(village)社区退役军人服务站", level: .village,
                    parentCode: townCode))
            }
        }
        return units.enumerated().map { UnitTreeBuilder.Row(line: $0.offset + 2, unit: $0.element) }
    }

    static func villages() -> [String] {
        (1...10).flatMap { town in (1...20).map { county + String(format: "%03d%03d", town, $0) } }
    }

    private static func staff(_ count: Int) -> [StaffImportRow] {
        let villages = villages()
        return (0..<count).map { index in
            StaffImportRow(
                line: index + 2,
                staff: Staff(number: staffNumber(index), name: "考生\(index)", unitCode: villages[index % villages.count], post: Post.worker))
        }
    }

    static func shippedBank() throws -> QuestionImport {
        let root = URL(fileURLWithPath: "QuestionBank")
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw BenchError("QuestionBank/ not found: run from the package root")
        }
        var bank = QuestionImport()
        for case let url as URL in walker where url.pathExtension == "txt" {
            guard case .success(let read) = QuestionFormat.bank.read(try Data(contentsOf: url), file: url.path) else {
                throw BenchError("\(url.path) does not read: check it with `lianbing bank validate`")
            }
            bank.append(read)
        }
        return bank
    }
}
