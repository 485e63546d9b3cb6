import Foundation
import GRDB
import LianbingCore

/// One parallel form (A/B/C…) of an exam sat on paper.
public struct ExamForm: Sendable, Codable, Equatable {
    public var letter: String
    public var paper: Paper
}

/// One candidate's marks from a paper sitting: the form they sat and a mark per question, in the form's order.
public struct PaperMarksRow: Sendable, Equatable {
    public var line: Int
    public var staffNumber: String
    public var form: String
    public var marks: [Double]

    public init(line: Int, staffNumber: String, form: String, marks: [Double]) {
        self.line = line
        self.staffNumber = staffNumber
        self.form = form
        self.marks = marks
    }
}

extension AppDatabase {
    /// Makes (or remakes, before any marks are in) an exam's parallel forms from its seed and the current bank.
    public func makeForms(ofExam id: Int64, count: Int, allowShared: Bool, by principal: Principal) async throws -> [ExamForm] {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以组卷") }
        try InputBounds.check(count, in: InputBounds.forms, "平行卷数量", unit: "套")
        let now = clock()
        return try await writer.write { db in
            let exam = try Self.examInScope(id, for: principal, db)
            guard try AttemptRecord.filter(Column("examId") == id).fetchCount(db) == 0 else {
                throw LianbingError.conflict("已有考生作答或录入成绩，不能重新生成平行卷")
            }
            let papers = try ParallelForms.make(
                try exam.decodedBlueprint(), pool: try Self.pool(db, bankRevision: exam.bankRevision ?? Self.currentBankRevision(db), drawnBy: exam.unitCode),
                count: count, allowShared: allowShared, seed: exam.generatorSeed)
            try db.execute(sql: "DELETE FROM examForm WHERE examId = ?", arguments: [id])
            let forms = papers.enumerated().map { ExamForm(letter: ParallelForms.letter($0.offset), paper: $0.element) }
            for form in forms {
                try db.execute(
                    sql: "INSERT INTO examForm (examId, letter, paper) VALUES (?, ?, ?)", arguments: [id, form.letter, try Self.json(form.paper)])
            }
            try db.audit(principal, "exam.forms", exam: id, "考试 \(id)", "平行卷 \(count) 套" + (allowShared ? "（允许共用试题）" : ""), at: now)
            return forms
        }
    }

    /// An exam's forms with the question revisions they show, for printing.
    public func forms(ofExam id: Int64, by principal: Principal) async throws -> (forms: [ExamForm], questions: [String: Question]) {
        let cache = cache
        return try await reader.read { db in
            _ = try Self.examInScope(id, for: principal, db)
            let forms = try Row.fetchAll(db, sql: "SELECT letter, paper FROM examForm WHERE examId = ? ORDER BY letter", arguments: [id]).map {
                ExamForm(letter: $0["letter"], paper: try Self.decodePaper($0["paper"]))
            }
            var questions: [String: Question] = [:]
            for item in forms.flatMap(\.paper.items) {
                questions[item.questionId] = try cache.entry(item.questionId, revision: item.revision, db).question
            }
            return (forms, questions)
        }
    }

    /// Records a paper sitting's marks as submitted, fully marked attempts. All or nothing: every bad line is
    /// reported with its reason and nothing is written.
    public func importPaperMarks(_ rows: [PaperMarksRow], file: String, intoExam id: Int64, by principal: Principal) async throws -> Int {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以录入成绩") }
        let now = clock()
        return try await writer.write { db in
            let exam = try Self.examInScope(id, for: principal, db)
            guard exam.examStatus == .published else { throw LianbingError.conflict("只能为已发布、未发布成绩的考试录入成绩") }
            let forms = try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT letter, paper FROM examForm WHERE examId = ?", arguments: [id]).map {
                    ($0["letter"] as String, try Self.decodePaper($0["paper"]))
                })
            var issues: [ImportIssue] = []
            var seen: Set<String> = []
            for row in rows {
                let problem = { (reason: String) in issues.append(ImportIssue(file: file, line: row.line, reason: reason)) }
                guard seen.insert(row.staffNumber).inserted else { problem("工号 \(row.staffNumber) 重复"); continue }
                guard (try? Self.candidate(row.staffNumber, of: id, for: principal, db)) != nil else {
                    problem("\(row.staffNumber) 不在本场考试的考生名单中"); continue
                }
                if try Self.hasAttempt(examId: id, staffNumber: row.staffNumber, db) { problem("\(row.staffNumber) 已有作答记录") }
                guard let paper = forms[row.form] else { problem("没有 \(row.form) 卷；已有：\(forms.keys.sorted().joined(separator: "、"))"); continue }
                guard row.marks.count == paper.items.count else {
                    problem("\(row.form) 卷有 \(paper.items.count) 题，此行有 \(row.marks.count) 个分数"); continue
                }
                for (index, (mark, item)) in zip(row.marks, paper.items).enumerated() where !(0...item.points).contains(mark) {
                    problem("第 \(index + 1) 题得分 \(Self.points(mark)) 超出 0–\(Self.points(item.points))")
                }
            }
            guard issues.isEmpty else { throw LianbingError.importRejected(ImportFailure(issues: issues)) }
            for row in rows {
                let paper = forms[row.form]!
                var attempt = AttemptRecord(
                    id: nil, examId: id, staffNumber: row.staffNumber, purpose: PaperPurpose.assessment.rawValue, paper: try Self.json(paper),
                    startedAt: now, deadline: now, state: AttemptState.submitted.rawValue, submittedAt: now, score: nil,
                    maxScore: paper.maxScore, pendingCount: 0, lastSeenAt: now, hiddenCount: 0, hiddenSeconds: 0)
                try attempt.insert(db)
                for (position, mark) in row.marks.enumerated() {
                    try AnswerRecord(
                        attemptId: attempt.id!, position: position, response: nil, savedAt: now, score: mark, markedBy: principal.auditName,
                        markedAt: now, comment: "纸笔考试 \(row.form) 卷"
                    ).insert(db)
                }
                try Self.recomputeTotals(&attempt, db)
                try db.execute(sql: "UPDATE examCandidate SET form = ? WHERE examId = ? AND staffNumber = ?", arguments: [row.form, id, row.staffNumber])
            }
            try db.audit(principal, "exam.marks.import", exam: id, "考试 \(id)", "\(file)：\(rows.count) 人", at: now)
            return rows.count
        }
    }
}
