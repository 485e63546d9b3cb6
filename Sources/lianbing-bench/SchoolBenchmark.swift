import Foundation
import GRDB
import LianbingCore
import LianbingFormats
import LianbingStore

/// The online school at province scale: the province demo with the shipped bank and lessons and a year of generated
/// use (`SchoolHistory`). Targets: a person's 推荐学习 and 今日复习 each under 50 ms, the weak points of a unit of about
/// 3,000 staff under 200 ms, medians of 11 runs.
func benchSchool() async throws {
    let demo = try await ProvinceDemo.install(trainingMonths: 18)
    defer { demo.remove() }
    let database = demo.database
    let op = try await database.operatorPrincipal()
    let bank = try LoadDatabase.shippedBank()
    _ = try await database.importQuestions(bank, note: "QuestionBank（基准）", by: op)
    let lessons = try shippedCourseware(bank: bank.questions.map(\.question))
    let files = Dictionary(lessons.map { ($0.lesson.id, $0.files) }) { first, _ in first }
    _ = try await database.importLessons(lessons.map(\.lesson), files: files, by: op)

    // No county of the demo has 3,000 staff; the unit nearest that (a city) stands in, as in the training bench.
    let unit = try await database.benchUnit(near: 3_000)
    var history: SchoolHistory?
    let generate = try await measure {
        history = try SchoolHistory.write(path: demo.path, unitCode: unit.code, questions: bank.questions.map(\.question), now: database.clock())
        // Written straight into the file, the assessments' per-point tallies are made as the server makes them.
        try await database.tallyAllPoints()
    }
    let counts = try await database.schoolBenchCounts()
    report(String(format: "school: %d staff, %d questions, %d lessons (demo set up in %.1f s, a year of use generated in %.1f s)", counts["staff"]!, counts["question"]!, counts["lesson"]!, demo.setup, generate))
    report(
        "  rows: \(counts["selfTests"]!) self-tests and \(counts["assessments"]!) exam attempts, \(counts["attemptAnswer"]!) answers, "
            + "\(counts["examCandidate"]!) exam candidates, \(counts["reviewCard"]!) review cards, \(counts["lessonProgress"]!) lesson progress rows")

    /// Median of 11 runs, and the first run alone (cold question cache, and for 今日复习 the intake of the exams' answers).
    func timed(_ body: () async throws -> Void) async throws -> (median: Double, first: Double) {
        var times: [Double] = []
        for _ in 0..<11 { times.append(try await measure(body)) }
        return (times.sorted()[5], times[0])
    }
    for (label, number) in [("typical", history!.typical), ("heaviest", history!.heaviest)] {
        let person = try await database.schoolBenchPrincipal(staff: number)
        let history = try await database.schoolBenchHistory(of: number)
        report("  \(label) person \(number): \(history)")
        var recommended = 0
        let recommendations = try await timed { recommended = try await database.recommendations(by: person).count }
        report(String(format: "    推荐学习  %6.1f ms median, first %6.1f ms  (%d recommended)  (target: under 50 ms)", recommendations.median * 1000, recommendations.first * 1000, recommended))
        var due = 0
        let review = try await timed { due = try await database.reviewQueue(by: person).dueCount }
        report(String(format: "    今日复习  %6.1f ms median, first %6.1f ms with the intake of 3 exams  (%d due)  (target: under 50 ms)", review.median * 1000, review.first * 1000, due))
    }
    let trainer = try await database.schoolBenchTrainer(of: unit.code)
    var weak = 0
    var attempts = 0
    let weakPoints = try await timed {
        let result = try await database.weakPoints(ofUnit: unit.code, by: trainer)
        (weak, attempts) = (result.points.count, result.exams.reduce(0) { $0 + $1.attempts })
    }
    report(
        String(
            format: "  weak points, %@ (%d staff), %d attempts of 3 exams  %6.1f ms median, first %6.1f ms  (%d weak points)  (target: under 200 ms)",
            unit.name, unit.staff, attempts, weakPoints.median * 1000, weakPoints.first * 1000, weak))
}

/// The lessons of `Courseware/`, checked against the shipped bank as `lianbing course import` checks them.
private func shippedCourseware(bank: [Question]) throws -> [CoursewareCheck.Located] {
    let root = URL(fileURLWithPath: "Courseware")
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
        throw BenchError("Courseware/ not found: run from the package root")
    }
    var lessons: [CoursewareCheck.Located] = []
    for case let url as URL in walker where url.pathExtension == "md" && url.lastPathComponent != "README.md" {
        guard case .success(let read) = LessonText.read(try Data(contentsOf: url), file: url.path) else {
            throw BenchError("\(url.path) does not read: check it with `lianbing course validate`")
        }
        lessons.append(CoursewareCheck.Located(lesson: read.lesson, file: url.path, files: read.files))
    }
    let issues = CoursewareCheck.issues(lessons, bank: bank, posts: Post.seeded)
    guard issues.isEmpty else { throw BenchError("Courseware/ has \(issues.count) problems: check it with `lianbing course validate`") }
    return lessons
}

extension AppDatabase {
    fileprivate func schoolBenchCounts() async throws -> [String: Int] {
        try await reader.read { db in
            var counts: [String: Int] = [:]
            for table in ["staff", "question", "lesson", "attemptAnswer", "examCandidate", "reviewCard", "lessonProgress"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)")
            }
            counts["selfTests"] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attempt WHERE purpose = 'self-test'")
            counts["assessments"] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attempt WHERE purpose = 'assessment'")
            return counts
        }
    }

    /// What the person's figures read: their attempts, answers, cards and lessons.
    fileprivate func schoolBenchHistory(of number: String) async throws -> String {
        try await reader.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT COUNT(*) FROM attempt WHERE staffNumber = ?1 AND purpose = 'self-test') AS selfTests,
                           (SELECT COUNT(*) FROM attempt WHERE staffNumber = ?1 AND purpose = 'assessment') AS exams,
                           (SELECT COUNT(*) FROM attemptAnswer WHERE attemptId IN (SELECT id FROM attempt WHERE staffNumber = ?1)) AS answers,
                           (SELECT COUNT(*) FROM reviewCard WHERE staffNumber = ?1) AS cards,
                           (SELECT COUNT(*) FROM lessonProgress WHERE staffNumber = ?1) AS lessons
                    """, arguments: [number])!
            return "\(row["selfTests"] as Int) self-tests, \(row["exams"] as Int) exams, \(row["answers"] as Int) answers, \(row["cards"] as Int) review cards, \(row["lessons"] as Int) lessons opened"
        }
    }

    /// A staff login of that person, in their unit.
    fileprivate func schoolBenchPrincipal(staff number: String) async throws -> Principal {
        let path = try await reader.read { db in
            try String.fetchOne(db, sql: "SELECT u.path FROM staff s JOIN unit u ON u.code = s.unitCode WHERE s.number = ?", arguments: [number])!
        }
        return Principal(kind: .account(id: 0, username: number, role: .staff, staffNumber: number), scope: UnitPath(rawValue: path))
    }

    /// A trainer of the unit.
    fileprivate func schoolBenchTrainer(of code: String) async throws -> Principal {
        let path = try await reader.read { db in try String.fetchOne(db, sql: "SELECT path FROM unit WHERE code = ?", arguments: [code])! }
        return Principal(kind: .account(id: 0, username: "trainer", role: .trainer, staffNumber: nil), scope: UnitPath(rawValue: path))
    }
}
