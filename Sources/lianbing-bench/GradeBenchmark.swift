import LianbingCore

/// Grading a province-wide assessment: 100-question papers (20 of each kind), responses generated up front so
/// that only grading is timed. Target: 100,000 attempts/s on one core, i.e. 10 million item marks/s.
func benchGrade() throws {
    let attempts = 200_000
    let byKind = Dictionary(grouping: generatedBank(count: 500), by: \.kind)
    let questions = QuestionKind.allCases.flatMap { byKind[$0, default: []].prefix(20) }
    precondition(questions.count == 100, "the generated bank lacks 20 questions of some kind")
    let keys = questions.map(GradingKey.init)
    let points = questions.map { $0.kind == .shortAnswer ? 10.0 : 1.0 }

    // A handful of candidate responses per question, shared by reference between attempts: what varies between
    // attempts is which one each picks, as in a real sitting where most candidates give one of a few answers.
    let choices = (0..<16).map { mask in (0..<4).filter { mask & (1 << $0) != 0 } }
    let pools: [[Response?]] = questions.map { question in
        switch question.answer {
        case .choices(let key): [.choices(key), .choices(key), .choices(key)] + choices.map { .choices($0) } + [nil]
        case .trueFalse(let value): [.trueFalse(value), .trueFalse(value), .trueFalse(!value), nil]
        case .blanks(let variants):
            // Mostly typed as expected; some full-width or spaced (the normalising slow path), some wrong.
            [.blanks([variants[0][0]]), .blanks([variants[0][0]]), .blanks([variants[0][1]]),
             .blanks([fullWidthDigits(variants[0][0])]), .blanks([" " + variants[0][0]]),
             .blanks(["错误答案"]), nil]
        default: [.text("退役军人服务中心应当建立常态化培训机制，每年组织集中轮训。"), .text(""), nil]
        }
    }
    var generator = SeededGenerator(seed: 2025)
    var responses: [Response?] = []
    responses.reserveCapacity(attempts * questions.count)
    for _ in 0..<attempts {
        for pool in pools { responses.append(pool.randomElement(using: &generator)!) }
    }
    print("grade: \(attempts) attempts × \(questions.count) questions (20 of each kind), partial credit for 多选")

    let grader = Grader(multipleChoice: .partial(share: 0.5))
    var marks: [ItemMark] = []
    marks.reserveCapacity(questions.count)
    var total = 0.0
    var pending = 0
    let start = ContinuousClock.now
    for attempt in 0..<attempts {
        marks.removeAll(keepingCapacity: true)
        let base = attempt * questions.count
        for item in 0..<questions.count {
            marks.append(grader.mark(keys[item], response: responses[base + item], points: points[item]))
        }
        let score = AttemptScore(marks: marks)
        total += score.score
        pending += score.pendingItems
    }
    let elapsed = (ContinuousClock.now - start) / .seconds(1)
    print(String(format: "  graded in     %7.3f s  (mean score %.2f, %d short answers pending)", elapsed, total / Double(attempts), pending))
    print(String(format: "  %12.0f attempts/s   (target: at least 100,000)", Double(attempts) / elapsed))
    print(String(format: "  %12.0f item marks/s (target: at least 10,000,000)", Double(attempts * questions.count) / elapsed))
}

/// `答案12` as a Chinese input method in full-width mode types it: `答案１２`.
private func fullWidthDigits(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { ("0"..."9").contains($0) ? Unicode.Scalar($0.value + 0xFEE0)! : $0 }))
}
