import Foundation
import GRDB
import LianbingCore

/// One candidate's stored paper, as previews and reproducibility checks read it.
public struct CandidatePaper: Sendable, Codable, Equatable {
    public var staffNumber: String
    public var sequence: Int
    public var paper: Paper
}

extension AppDatabase {
    /// Freezes the candidate list and makes every paper in one pass over it, by staff number, from the exam's
    /// seed and the current bank revision (recorded with the exam). Nothing is stored unless every paper is made.
    public func publishExam(_ id: Int64, by principal: Principal) async throws -> Exam {
        let now = clock()
        return try await writer.write { db in
            var record = try Self.examInScope(id, for: principal, db)
            guard record.examStatus == .draft else { throw LianbingError.conflict("考试已发布，不能重复发布") }
            guard now < record.closesAt else { throw LianbingError.conflict("考试结束时间已过，请先修改时间") }
            let unit = try UnitRecord.fetchOne(db, key: record.unitCode)!
            let numbers = try Self.candidateNumbers(db, root: unit.unitPath, posts: record.postList)
            guard !numbers.isEmpty else { throw LianbingError.conflict("考生名单为空，无法发布") }
            let bankRevision = try Self.currentBankRevision(db)
            let revealed = try Self.revealedQuestions(now: now, db)
            if try record.decodedBlueprint().excludesRevealed, !revealed.isEmpty {
                record.withheldQuestions = "|" + revealed.sorted().joined(separator: "|") + "|"
            }
            let papers = try Self.assemble(record, bankRevision: bankRevision, count: numbers.count, db)
            record.revealedOnPapers = Set(papers.flatMap { $0.items.map(\.questionId) }).intersection(revealed).count
            let insert = try db.makeStatement(sql: """
                INSERT INTO examCandidate (examId, staffNumber, sequence, paper, extraSeconds, addedAt) VALUES (?, ?, ?, ?, 0, ?)
                """)
            for (sequence, (number, paper)) in zip(numbers, papers).enumerated() {
                try insert.execute(arguments: [id, number, sequence, try Self.json(paper), now])
            }
            record.bankRevision = bankRevision
            record.frozenCandidates = numbers.count
            record.status = ExamStatus.published.rawValue
            record.publishedAt = now
            try record.update(db)
            try db.audit(
                principal, "exam.publish", exam: id, "考试 \(id)",
                "考生 \(numbers.count) 人，题库版本 \(bankRevision)，试卷用到已公开答案的试题 \(record.revealedOnPapers ?? 0) 道"
                    + (record.withheldQuestions == nil ? "" : "，已排除 \(record.withheldList.count) 道"), at: now)
            return try Self.exam(record, db, now: now)
        }
    }

    /// The publication pass, recomputed: the same seed, blueprint and bank revision give the same papers.
    static func assemble(_ record: ExamRecord, bankRevision: Int, count: Int, _ db: Database) throws -> [Paper] {
        let withheld = record.withheldList
        var assembler = try PaperAssembler(
            blueprint: try record.decodedBlueprint(), pool: try pool(db, bankRevision: bankRevision, drawnBy: record.unitCode).filter { !withheld.contains($0.id) },
            plannedPapers: count)
        return try assembler.papers(count, seed: record.generatorSeed)
    }

    /// Papers of the first `limit` candidates in assembly order.
    public func papers(ofExam id: Int64, limit: Int? = nil, by principal: Principal) async throws -> [CandidatePaper] {
        try await reader.read { db in
            _ = try Self.examInScope(id, for: principal, db)
            return try ExamCandidateRecord.fetchAll(
                db, sql: "SELECT * FROM examCandidate WHERE examId = ? AND paper IS NOT NULL ORDER BY sequence LIMIT ?",
                arguments: [id, limit ?? -1]
            ).map { CandidatePaper(staffNumber: $0.staffNumber, sequence: $0.sequence, paper: try $0.decodedPaper()!) }
        }
    }

    /// Regenerates the papers of the frozen list from the exam's seed, blueprint and bank revision, without storing
    /// them, so anyone can check that the stored papers are the ones the rules give.
    public func regeneratedPapers(ofExam id: Int64, by principal: Principal) async throws -> [Paper] {
        try await reader.read { db in
            let record = try Self.examInScope(id, for: principal, db)
            guard let bankRevision = record.bankRevision else { throw LianbingError.conflict("考试尚未发布，还没有试卷") }
            return try Self.assemble(record, bankRevision: bankRevision, count: record.frozenCandidates ?? 0, db)
        }
    }

    /// Adds a candidate. After publication the newcomer gets a paper from what the exposure cap has left, drawn
    /// from a generator seeded by the exam's seed and the candidate's place in the list.
    public func addCandidate(_ staffNumber: String, toExam id: Int64, by principal: Principal) async throws {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以调整考生名单") }
        let now = clock()
        try await writer.write { db in
            let record = try Self.examInScope(id, for: principal, db)
            guard record.examStatus == .published else {
                throw LianbingError.conflict(record.examStatus == .draft ? "草稿考试的考生名单在发布时确定" : "成绩已发布，不能再调整考生")
            }
            let staff = try Self.staffInScope(staffNumber, for: principal, db)
            guard staff.isActive else { throw LianbingError.conflict("\(staff.name)（\(staffNumber)）不在岗，不能参加考试") }
            guard try ExamCandidateRecord.fetchOne(db, key: ["examId": id, "staffNumber": staffNumber]) == nil else {
                throw LianbingError.conflict("\(staff.name)（\(staffNumber)）已在考生名单中")
            }
            let stored = try ExamCandidateRecord.fetchAll(db, sql: "SELECT * FROM examCandidate WHERE examId = ?", arguments: [id])
            var used: [String: Int] = [:]
            for candidate in stored { for item in try candidate.decodedPaper()?.items ?? [] { used[item.questionId, default: 0] += 1 } }
            let frozen = record.frozenCandidates ?? stored.count
            let sequence = (stored.map(\.sequence).max() ?? -1) + 1
            var assembler = try PaperAssembler(
                blueprint: try record.decodedBlueprint(), pool: try Self.pool(db, bankRevision: record.bankRevision!, drawnBy: record.unitCode),
                plannedPapers: frozen, alreadyUsed: used)
            var generator = SeededGenerator(seed: record.generatorSeed ^ (UInt64(sequence) &* 0x9E37_79B9_7F4A_7C15))
            let paper = try assembler.nextPaper(using: &generator)
            try ExamCandidateRecord(
                examId: id, staffNumber: staffNumber, sequence: sequence, paper: try Self.json(paper), form: nil, excusedReason: nil,
                extraSeconds: 0, closesAt: nil, addedAt: now
            ).insert(db)
            try db.audit(principal, "exam.candidate.add", exam: id, "考试 \(id)", "\(staff.name)（\(staffNumber)）", at: now)
        }
    }

    /// Removes a candidate who has not started; one who has is excused instead, so nothing they did is lost.
    public func removeCandidate(_ staffNumber: String, fromExam id: Int64, by principal: Principal) async throws {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以调整考生名单") }
        let now = clock()
        try await writer.write { db in
            let record = try Self.examInScope(id, for: principal, db)
            guard record.examStatus == .published else { throw LianbingError.conflict("只能调整已发布、未发布成绩考试的考生名单") }
            let candidate = try Self.candidate(staffNumber, of: id, for: principal, db)
            if try Self.hasAttempt(examId: id, staffNumber: staffNumber, db) {
                throw LianbingError.conflict("该考生已开始作答，不能移出名单；如需免考请使用“免考”")
            }
            try candidate.delete(db)
            try db.audit(principal, "exam.candidate.remove", exam: id, "考试 \(id)", staffNumber, at: now)
        }
    }

    static func candidate(_ staffNumber: String, of examId: Int64, for principal: Principal, _ db: Database) throws -> ExamCandidateRecord {
        guard let candidate = try ExamCandidateRecord.fetchOne(db, key: ["examId": examId, "staffNumber": staffNumber]),
            let staff = try StaffRecord.fetchOne(db, key: staffNumber),
            let unit = try UnitRecord.fetchOne(db, key: staff.unitCode), principal.covers(unit.unitPath)
        else { throw LianbingError.notFound("考生 \(staffNumber)") }
        return candidate
    }

    static func hasAttempt(examId: Int64, staffNumber: String, _ db: Database) throws -> Bool {
        try AttemptRecord.filter(Column("examId") == examId && Column("staffNumber") == staffNumber).fetchCount(db) > 0
    }

    static func staffInScope(_ number: String, for principal: Principal, _ db: Database) throws -> StaffRecord {
        guard let staff = try StaffRecord.fetchOne(db, key: number), let unit = try UnitRecord.fetchOne(db, key: staff.unitCode),
            principal.covers(unit.unitPath)
        else { throw LianbingError.notFound("工作人员 \(number)") }
        return staff
    }
}
