import Foundation
import GRDB
import LianbingCore

extension AppDatabase {
    /// Demo exams over the current bank, so a newcomer sees the whole flow at once: a centralised assessment of the
    /// demo county open now (its window moved to the current time at every start, and the `staff` login's
    /// finished attempt cleared so it can be taken again), and last quarter's, sat by the county with released
    /// results. Simulated candidates answer as their made-up ability and each question's difficulty suggest.
    public func installDemoExams(blueprint: Blueprint, blueprintText: String) async throws {
        let now = clock()
        let cache = cache
        try await writer.write { db in
            guard let anchors = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'demo.anchors'") else {
                throw LianbingError.conflict("只能在演示数据库上生成演示考试")
            }
            let parts = anchors.split(separator: ",").map(String.init)
            let (county, staffNumber) = (parts[0], parts[3])
            let opensAt = now.addingTimeInterval(-3_600)
            let closesAt = now.addingTimeInterval(7 * 86_400)
            if let openId = try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'demo.exam.open'") {
                try db.execute(sql: "UPDATE exam SET opensAt = ?, closesAt = ? WHERE id = ?", arguments: [opensAt, closesAt, openId])
                try db.execute(
                    sql: "DELETE FROM attempt WHERE examId = ? AND staffNumber = ? AND state != ?",
                    arguments: [openId, staffNumber, AttemptState.inProgress.rawValue])
                return
            }
            let open = try Self.demoExam(
                "演示：第四季度集中考核", blueprint, blueprintText, county: county, opensAt: opensAt, closesAt: closesAt, seed: 4, now: now, db)
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('demo.exam.open', ?)", arguments: [open.id])

            let pastOpens = now.addingTimeInterval(-92 * 86_400)
            var past = try Self.demoExam(
                "演示：第三季度集中考核", blueprint, blueprintText, county: county, opensAt: pastOpens,
                closesAt: pastOpens.addingTimeInterval(3 * 86_400), seed: 3, now: now, db)
            var dice = SeededGenerator(seed: 2026)
            let candidates = try ExamCandidateRecord.fetchAll(db, sql: "SELECT * FROM examCandidate WHERE examId = ? ORDER BY sequence", arguments: [past.id])
            for candidate in candidates {
                let roll = Double(dice.next() % 1000) / 1000
                if roll < 0.03 && candidate.staffNumber != staffNumber {
                    try db.execute(
                        sql: "UPDATE examCandidate SET excusedReason = '因公出差（演示）' WHERE examId = ? AND staffNumber = ?",
                        arguments: [past.id, candidate.staffNumber])
                    continue
                }
                if roll < 0.08 && candidate.staffNumber != staffNumber { continue }  // 缺考
                let start = pastOpens.addingTimeInterval(Double(dice.next() % 200_000))
                let ability = Double(dice.next() % 1000) / 250 - 1.5
                try Self.simulateAttempt(
                    candidate, exam: past, ability: ability, start: start, used: Double(1_200 + dice.next() % 2_200), dice: &dice, cache: cache, db)
            }
            past.status = ExamStatus.released.rawValue
            past.releasedAt = past.closesAt.addingTimeInterval(2 * 86_400)
            try past.update(db)
            try Self.storeMeasures(examId: past.id!, now: now, db)
            let root = try UnitRecord.filter(Column("parentCode") == nil).fetchOne(db)!
            try Self.issueCertificates(for: past, by: .operator(root: root.unitPath), at: past.releasedAt!, db)
        }
    }

    private static func demoExam(
        _ title: String, _ blueprint: Blueprint, _ text: String, county: String, opensAt: Date, closesAt: Date, seed: UInt64, now: Date,
        _ db: Database
    ) throws -> ExamRecord {
        let json = try Self.json(blueprint)
        var record = ExamRecord(
            id: nil, title: title, blueprintText: text, blueprint: json, blueprintVersion: Self.version(of: json),
            bankRevision: try Self.currentBankRevision(db), seed: Int64(seed), frozenCandidates: nil, unitCode: county, posts: "", opensAt: opensAt,
            closesAt: closesAt, durationSeconds: 3_600, passMark: 60, certifies: true, reviewContent: ReviewPolicy.Content.keys.rawValue,
            reviewTiming: ReviewPolicy.Timing.afterRelease.rawValue, multipleChoice: try Self.json(MultipleChoicePolicy.partial(share: 0.5)),
            reviewRequestDays: 7, status: ExamStatus.published.rawValue, createdBy: "trainer", createdAt: opensAt.addingTimeInterval(-86_400),
            publishedAt: opensAt.addingTimeInterval(-86_400), releasedAt: nil, qualificationId: try Self.defaultQualificationId(db))
        try record.insert(db)
        let unit = try UnitRecord.fetchOne(db, key: county)!
        let numbers = try Self.candidateNumbers(db, root: unit.unitPath, posts: [])
        record.frozenCandidates = numbers.count
        try record.update(db)
        let papers = try Self.assemble(record, bankRevision: record.bankRevision!, count: numbers.count, db)
        for (sequence, (number, paper)) in zip(numbers, papers).enumerated() {
            try ExamCandidateRecord(
                examId: record.id!, staffNumber: number, sequence: sequence, paper: try Self.json(paper), form: nil, excusedReason: nil,
                extraSeconds: 0, closesAt: nil, addedAt: record.publishedAt!
            ).insert(db)
        }
        return record
    }

    private static func simulateAttempt(
        _ candidate: ExamCandidateRecord, exam: ExamRecord, ability: Double, start: Date, used: Double, dice: inout SeededGenerator,
        cache: QuestionCache, _ db: Database
    ) throws {
        let paper = try candidate.decodedPaper()!
        var attempt = AttemptRecord(
            id: nil, examId: exam.id, staffNumber: candidate.staffNumber, purpose: PaperPurpose.assessment.rawValue, paper: candidate.paper!,
            startedAt: start, deadline: start.addingTimeInterval(TimeInterval(exam.durationSeconds)), state: AttemptState.submitted.rawValue,
            submittedAt: start.addingTimeInterval(used), score: nil, maxScore: paper.maxScore, pendingCount: 0,
            lastSeenAt: start.addingTimeInterval(used), hiddenCount: 0, hiddenSeconds: 0)
        try attempt.insert(db)
        for (position, item) in paper.items.enumerated() {
            let question = try cache.entry(item.questionId, revision: item.revision, db).question
            let chance = 1 / (1 + exp(-(ability - Double(item.difficulty - 3))))
            let right = Double(dice.next() % 1000) / 1000 < chance
            var answer = AnswerRecord(
                attemptId: attempt.id!, position: position, response: try Self.json(Self.demoResponse(question, right: right)),
                savedAt: start.addingTimeInterval(used * Double(position + 1) / Double(paper.items.count)), score: nil)
            if question.kind == .shortAnswer {
                answer.score = (item.points * chance).rounded()
                answer.markedBy = "trainer"
                answer.markedAt = exam.closesAt
            }
            try answer.insert(db)
        }
        try Self.grade(&attempt, cache: cache, db)
    }

    private static func demoResponse(_ question: Question, right: Bool) -> Response {
        switch question.answer {
        case .choices(let key):
            if right { return .choices(key) }
            return question.kind == .multipleChoice && key.count > 1 ? .choices(Array(key.dropLast())) : .choices([(key[0] + 1) % question.options.count])
        case .trueFalse(let value): return .trueFalse(right == value)
        case .blanks(let variants): return .blanks(variants.map { right ? $0[0] : "不清楚" })
        case .shortAnswer(let reference, _): return .text(right ? reference : "（演示作答）按规定办理。")
        }
    }
}
