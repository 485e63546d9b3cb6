import Foundation
import GRDB
import LianbingCore
import LianbingFormats

/// A year of the online school written straight into a demo database that holds the shipped bank and lessons: one
/// subtree's three finished centralised exams (a submitted, fully marked attempt per active member, results released
/// with keys shown), self-tests over the past year for everyone of that subtree and every third person elsewhere,
/// review cards and lesson progress for everyone. Answers follow a logistic model of ability, difficulty and a
/// per-knowledge-point hardness, so that some points come out weak.
///
/// Rows go in in the order a year of use writes them: attempts by start, an exam's answers by save time across its
/// candidates, cards and progress shuffled. One person's rows are then spread over the file as in a real database,
/// not packed into a few pages that the timed reads would find warm.
struct SchoolHistory {
    /// Whom the figures are timed for: members of the subtree who sat its exams, one with 20 self-tests, 30 review
    /// cards and a few lessons, the other with a self-test every day of the year, 200 cards and every lesson opened.
    let typical: String
    let heaviest: String

    static let examPaperLength = 50
    static let selfTestLength = 10

    /// The shipped quarterly blueprint's parts and points, widened to 50 questions for 100 points.
    static let blueprint = """
        标题: 基准：季度集中考核（50 题）
        用途: 集中考核
        总分: 100
        目标难度: 3.0 ± 0.4
        曝光上限: 40%

        [题型]
        单选 每题 2 分
        多选 每题 2 分
        判断 每题 1 分
        填空 每题 1 分
        简答 每题 6 分

        [细目]
        体系建设 | 单选 | 1-5 | 4
        功能平台 | 单选 | 1-5 | 4
        法律法规 | 单选 | 1-5 | 4
        权益维护 | 单选 | 1-5 | 3
        党建引领 | 单选 | 1-5 | 2
        队伍建设 | 单选 | 1-5 | 2
        保障措施 | 单选 | 1-5 | 1
        体系建设 | 多选 | 1-5 | 2
        功能平台 | 多选 | 1-5 | 2
        法律法规 | 多选 | 1-5 | 2
        队伍建设 | 多选 | 1-5 | 2
        总体要求 | 多选 | 1-5 | 2
        队伍建设 | 判断 | 1-5 | 3
        法律法规 | 判断 | 1-5 | 2
        保障措施 | 判断 | 1-5 | 2
        权益维护 | 判断 | 1-5 | 1
        体系建设 | 判断 | 1-5 | 1
        党建引领 | 判断 | 1-5 | 1
        功能平台 | 填空 | 1-5 | 2
        法律法规 | 填空 | 1-5 | 2
        体系建设 | 填空 | 1-5 | 1
        队伍建设 | 填空 | 1-5 | 1
        权益维护 | 简答 | 1-5 | 1
        法律法规 | 简答 | 1-5 | 1
        体系建设 | 简答 | 1-5 | 1
        总体要求 | 简答 | 1-5 | 1
        """

    /// An attempt to write, in time order: a self-test, or exam `exam`'s attempt by candidate `candidate`.
    private struct Planned {
        var start: Date
        var person: Int
        var exam: Int?
        var candidate: Int
    }

    /// An exam answer held back until the exam's window is over, to go in by save time.
    private struct Saved {
        var attemptId: Int64
        var position: Int
        var response: String
        var savedAt: Date
        var score: Double
        var markedAt: Date?
    }

    /// What is known of a question while writing: its pool entry, the JSON of a right and a wrong response, and how
    /// hard its first knowledge point is.
    private struct Asked {
        var pool: PoolQuestion
        var right: String
        var wrong: String
        var partial: Bool
        var hardness: Double
    }

    static func write(path: String, unitCode: String, questions: [Question], now: Date) throws -> SchoolHistory {
        let queue = try DatabaseQueue(path: path)
        var dice = SeededGenerator(seed: 2_026_1204)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json<T: Encodable>(_ value: T) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }

        let (people, revisions, lessons, bankRevision) = try queue.read { db in
            let range = try Row.fetchOne(db, sql: "SELECT path, substr(path, 1, length(path) - 1) || '0' AS upper FROM unit WHERE code = ?", arguments: [unitCode])!
            let people = try Row.fetchAll(
                db, sql: "SELECT s.number, u.path >= ? AND u.path < ? AS inside FROM staff s JOIN unit u ON u.code = s.unitCode WHERE s.isActive ORDER BY s.number",
                arguments: [range["path"], range["upper"]]
            ).map { (number: $0["number"] as String, inside: $0["inside"] as Bool) }
            return (
                people,
                try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, currentRevision FROM question").map { ($0["id"] as String, $0["currentRevision"] as Int) }),
                try Row.fetchAll(db, sql: "SELECT id, currentRevision FROM lesson ORDER BY id").map { (id: $0["id"] as String, revision: $0["currentRevision"] as Int) },
                try Int.fetchOne(db, sql: "SELECT MAX(number) FROM bankRevision")!)
        }
        var hardness: [String: Double] = [:]
        for point in Set(questions.flatMap(\.knowledgePoints)).sorted() { hardness[point] = Double.random(in: -1.0...1.6, using: &dice) }
        var asked: [String: Asked] = [:]
        for question in questions {
            let (right, wrong, partial) = responses(question)
            asked[question.id] = Asked(
                pool: PoolQuestion(question, revision: revisions[question.id]!), right: try json(right), wrong: try json(wrong), partial: partial,
                hardness: hardness[question.knowledgePoints.first ?? ""] ?? 0)
        }
        let ability = people.map { _ in Double.random(in: 0.5...3.0, using: &dice) }
        func chance(_ person: Int, _ item: PaperItem) -> Double {
            1 / (1 + exp(-(ability[person] - 0.5 * Double(item.difficulty - 3) - asked[item.questionId]!.hardness)))
        }

        let candidates = people.indices.filter { people[$0].inside }
        let typical = candidates[candidates.count / 2]
        let heaviest = candidates[candidates.count / 4]

        // Three exams closed 150, 90 and 30 days ago, each open for three days, released two days after closing.
        guard case .success(let parsed) = BlueprintText.read(blueprint, file: "基准组卷规则") else { throw BenchError("the bench blueprint does not read") }
        let examPool = questions.filter { PaperPurpose.assessment.admits($0.usage) }.map { asked[$0.id]!.pool }
        var examIds: [Int64] = []
        var papers: [[Paper]] = []
        var closes: [Date] = []
        for (index, daysAgo) in [150, 90, 30].enumerated() {
            let close = now.addingTimeInterval(-Double(daysAgo) * 86_400)
            let opens = close.addingTimeInterval(-3 * 86_400)
            var assembler = try PaperAssembler(blueprint: parsed, pool: examPool, plannedPapers: candidates.count)
            let made = try assembler.papers(candidates.count, seed: UInt64(2_026 + index))
            try queue.inTransaction { db in
                try db.execute(
                    sql: """
                        INSERT INTO exam (title, blueprintText, blueprint, blueprintVersion, bankRevision, seed, frozenCandidates, unitCode, posts,
                            opensAt, closesAt, durationSeconds, passMark, certifies, reviewContent, reviewTiming, multipleChoice, reviewRequestDays,
                            status, createdBy, createdAt, publishedAt, releasedAt)
                        VALUES (?, ?, ?, 'bench', ?, ?, ?, ?, '', ?, ?, 3600, 60, 0, ?, ?, ?, 7, 'released', 'trainer', ?, ?, ?)
                        """,
                    arguments: [
                        "基准：第\(index + 1)次集中考核", blueprint, try json(parsed), bankRevision, 2_026 + index, candidates.count, unitCode, opens, close,
                        ReviewPolicy.Content.keys.rawValue, ReviewPolicy.Timing.afterRelease.rawValue, try json(MultipleChoicePolicy.partial(share: 0.5)),
                        opens.addingTimeInterval(-86_400), opens.addingTimeInterval(-86_400), close.addingTimeInterval(2 * 86_400),
                    ])
                let id = db.lastInsertedRowID
                let insert = try db.makeStatement(sql: "INSERT INTO examCandidate (examId, staffNumber, sequence, paper, addedAt) VALUES (?, ?, ?, ?, ?)")
                for (sequence, person) in candidates.enumerated() {
                    try insert.execute(arguments: [id, people[person].number, sequence, try json(made[sequence]), opens.addingTimeInterval(-86_400)])
                }
                examIds.append(id)
                return .commit
            }
            papers.append(made)
            closes.append(close)
        }

        var planned: [Planned] = []
        for (exam, close) in closes.enumerated() {
            for candidate in candidates.indices {
                let start = close.addingTimeInterval(-3 * 86_400 + Double.random(in: 0..<(3 * 86_400 - 3_600), using: &dice))
                planned.append(Planned(start: start, person: candidates[candidate], exam: exam, candidate: candidate))
            }
        }
        for person in people.indices where people[person].inside || person % 3 == 0 {
            let count = person == heaviest ? 365 : person == typical ? 20 : Int.random(in: 10...30, using: &dice)
            for day in 0..<count {
                let daysAgo = person == heaviest ? Double(day) : Double.random(in: 0..<365, using: &dice)
                planned.append(Planned(start: now.addingTimeInterval(-daysAgo * 86_400 - Double.random(in: 0..<86_400, using: &dice)), person: person, exam: nil, candidate: 0))
            }
        }
        planned.sort { $0.start < $1.start }

        let practicePool = questions.filter { PaperPurpose.selfTest.admits($0.usage) }.map { asked[$0.id]!.pool }
        var held: [[Saved]] = Array(repeating: [], count: closes.count)
        var flushed = Array(repeating: false, count: closes.count)
        var next = 0
        while next < planned.count {
            try queue.inTransaction { db in
                let attempt = try db.cachedStatement(
                    sql: """
                        INSERT INTO attempt (examId, staffNumber, purpose, paper, startedAt, deadline, state, submittedAt, score, maxScore, pendingCount, lastSeenAt)
                        VALUES (?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?)
                        """)
                let answer = try db.cachedStatement(
                    sql: "INSERT INTO attemptAnswer (attemptId, position, response, savedAt, score, markedBy, markedAt) VALUES (?, ?, ?, ?, ?, ?, ?)")
                func flush(_ exam: Int) throws {
                    for saved in held[exam].sorted(by: { $0.savedAt < $1.savedAt }) {
                        try answer.execute(arguments: [
                            saved.attemptId, saved.position, saved.response, saved.savedAt, saved.score, saved.markedAt == nil ? nil : "trainer", saved.markedAt,
                        ])
                    }
                    held[exam] = []
                    flushed[exam] = true
                }
                let end = min(planned.count, next + 20_000)
                while next < end {
                    let plan = planned[next]
                    next += 1
                    for exam in closes.indices where !flushed[exam] && closes[exam] <= plan.start { try flush(exam) }
                    if let exam = plan.exam {
                        let paper = papers[exam][plan.candidate]
                        let used = Double.random(in: 1_200...3_400, using: &dice)
                        var marks: [Saved] = []
                        for (position, item) in paper.items.enumerated() {
                            let question = asked[item.questionId]!
                            let p = chance(plan.person, item)
                            let right = Double.random(in: 0..<1, using: &dice) < p
                            let short = question.pool.kind == .shortAnswer
                            let score = short ? (item.points * p).rounded() : right ? item.points : question.partial ? item.points / 2 : 0
                            marks.append(Saved(
                                attemptId: 0, position: position, response: right ? question.right : question.wrong,
                                savedAt: plan.start.addingTimeInterval(used * Double(position + 1) / Double(paper.items.count)), score: score,
                                markedAt: short ? closes[exam].addingTimeInterval(86_400) : nil))
                        }
                        let submitted = plan.start.addingTimeInterval(used)
                        try attempt.execute(arguments: [
                            examIds[exam], people[plan.person].number, PaperPurpose.assessment.rawValue, try json(paper), plan.start,
                            plan.start.addingTimeInterval(3_600), submitted, marks.reduce(0) { $0 + $1.score }, paper.maxScore, 0, submitted,
                        ])
                        let id = db.lastInsertedRowID
                        held[exam] += marks.map { var mark = $0; mark.attemptId = id; return mark }
                    } else {
                        let paper = SelfTestPicker.paper(pool: practicePool, knowledgePoints: [], length: selfTestLength, generator: &dice)
                        // A self-test's short answers wait for a trainer (`Grader`); the rest are marked all or nothing.
                        let scores: [Double?] = paper.items.map { item in
                            asked[item.questionId]!.pool.kind == .shortAnswer ? nil : Double.random(in: 0..<1, using: &dice) < chance(plan.person, item) ? 1 : 0
                        }
                        let pending = scores.filter { $0 == nil }.count
                        let submitted = plan.start.addingTimeInterval(Double(30 * paper.items.count))
                        try attempt.execute(arguments: [
                            nil, people[plan.person].number, PaperPurpose.selfTest.rawValue, try json(paper), plan.start, nil, submitted,
                            pending == 0 ? scores.reduce(0) { $0 + $1! } : nil, paper.maxScore, pending, submitted,
                        ])
                        let id = db.lastInsertedRowID
                        for (position, item) in paper.items.enumerated() {
                            let question = asked[item.questionId]!
                            let at = plan.start.addingTimeInterval(Double(30 * (position + 1)))
                            let response = scores[position] == 0 ? question.wrong : question.right
                            try answer.execute(arguments: [id, position, response, at, scores[position], nil, scores[position] == nil ? nil : at])
                        }
                    }
                }
                if next == planned.count { for exam in closes.indices where !flushed[exam] { try flush(exam) } }
                return .commit
            }
        }

        // Review cards: 30 a person (200 for the heaviest), on practice questions that mark themselves.
        let reviewable = practicePool.filter { $0.kind.isAutoMarked }
        var cards: [(person: Int32, question: Int16)] = []
        for person in people.indices {
            var order = Array(reviewable.indices)
            order.shuffle(using: &dice)
            cards += order.prefix(person == heaviest ? 200 : 30).map { (Int32(person), Int16($0)) }
        }
        cards.shuffle(using: &dice)
        for chunk in stride(from: 0, to: cards.count, by: 200_000) {
            try queue.inTransaction { db in
                let insert = try db.cachedStatement(
                    sql: """
                        INSERT INTO reviewCard (staffNumber, questionId, knowledgePoint, stability, difficulty, lastReview, due, reps, lapses)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                for (person, index) in cards[chunk..<min(cards.count, chunk + 200_000)] {
                    let question = reviewable[Int(index)]
                    let last = now.addingTimeInterval(-Double.random(in: 3_600...(180 * 86_400), using: &dice))
                    let stability = Double.random(in: 0.5...60, using: &dice)
                    let interval = max(1, Int(stability * Double.random(in: 0.8...1.6, using: &dice)))
                    let reps = Int.random(in: 1...8, using: &dice)
                    try insert.execute(arguments: [
                        people[Int(person)].number, question.id, question.mainKnowledgePoint, stability, Double.random(in: 1...10, using: &dice), last,
                        interval > 90 ? nil : ChinaTime.civilDate(of: last).adding(days: interval)!.description, reps, Int.random(in: 0..<reps, using: &dice),
                    ])
                }
                return .commit
            }
        }

        // Lesson progress: up to ten lessons opened a person (every lesson for the heaviest), about half of them completed.
        var progress: [(person: Int32, lesson: Int16)] = []
        for person in people.indices {
            var order = Array(lessons.indices)
            order.shuffle(using: &dice)
            progress += order.prefix(person == heaviest ? lessons.count : Int.random(in: 0...10, using: &dice)).map { (Int32(person), Int16($0)) }
        }
        progress.shuffle(using: &dice)
        try queue.inTransaction { db in
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO lessonProgress (staffNumber, lessonId, revision, openedAt, readPermille, visibleSeconds, endReachedAt, checkPassedAt,
                        completedAt, completedRevision)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for (person, index) in progress {
                let lesson = lessons[Int(index)]
                let opened = now.addingTimeInterval(-Double.random(in: 3_600...(365 * 86_400), using: &dice))
                let done = Bool.random(using: &dice)
                let finished: Date? = done ? opened.addingTimeInterval(900) : nil
                try insert.execute(arguments: [
                    people[Int(person)].number, lesson.id, lesson.revision, opened, done ? 1_000 : Int.random(in: 0..<1_000, using: &dice),
                    Int.random(in: 60...1_800, using: &dice), finished, finished, finished, done ? lesson.revision : nil,
                ])
            }
            return .commit
        }
        return SchoolHistory(typical: people[typical].number, heaviest: people[heaviest].number)
    }

    /// A right and a wrong response to `question` (a wrong multiple choice picks some of the right options: partial
    /// credit where the exam gives it).
    private static func responses(_ question: Question) -> (right: Response, wrong: Response, partial: Bool) {
        switch question.answer {
        case .choices(let key):
            if question.kind == .multipleChoice && key.count > 1 { return (.choices(key), .choices(Array(key.dropLast())), true) }
            return (.choices(key), .choices([(key[0] + 1) % question.options.count]), false)
        case .trueFalse(let value): return (.trueFalse(value), .trueFalse(!value), false)
        case .blanks(let variants): return (.blanks(variants.map { $0[0] }), .blanks(variants.map { _ in "不清楚" }), false)
        case .shortAnswer(let reference, _): return (.text(reference), .text("按规定办理。"), false)
        }
    }
}
