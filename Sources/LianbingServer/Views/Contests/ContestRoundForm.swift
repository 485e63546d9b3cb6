import LianbingCore

/// The add-round form (设置轮次) as typed. Only the rules its style reads are parsed, so a number left in a field of
/// another style never blocks the form; the store checks each against `ContestBounds`.
struct ContestRoundForm: Sendable {
    var style = RoundStyle.compulsory.rawValue
    var title = ""
    var rightPoints: String
    var wrongPoints: String
    var foulPoints: String
    var timeLimit: String
    /// Separated by 、 or commas.
    var stakes: String
    var dropped: String
    var maxMark: String
    var writtenPercent: String
    /// Bank question ids, one per line, in the order they are asked.
    var questionIds = ""
    var examId = ""

    init() {
        let defaults = RoundRules()
        rightPoints = String(defaults.rightPoints)
        wrongPoints = String(defaults.wrongPoints)
        foulPoints = String(defaults.foulPoints)
        timeLimit = String(defaults.timeLimitSeconds)
        stakes = defaults.stakes.map(String.init).joined(separator: "、")
        dropped = String(defaults.dropped)
        maxMark = String(defaults.maxMark)
        writtenPercent = String(defaults.writtenPercent)
    }

    init(_ fields: FormFields) {
        self.init()
        let text = { (name: String) in fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        style = text("style")
        title = text("title")
        rightPoints = text("right_points")
        wrongPoints = text("wrong_points")
        foulPoints = text("foul_points")
        timeLimit = text("time_limit")
        stakes = text("stakes")
        dropped = text("dropped")
        maxMark = text("max_mark")
        writtenPercent = text("written_percent")
        questionIds = fields["question_ids"] ?? ""
        examId = text("exam_id")
    }

    /// The draft the store checks further, or every problem the form has on its own.
    func draft() throws -> RoundDraft {
        guard let roundStyle = RoundStyle(rawValue: style) else { throw FormProblems(["请选择轮次类型"]) }
        var problems: [String] = []
        var rules = RoundRules()
        func integer(_ text: String, _ label: String) -> Int {
            guard let value = Int(text) else {
                problems.append("\(label)须为整数")
                return 0
            }
            return value
        }
        switch roundStyle {
        case .written:
            rules.writtenPercent = integer(writtenPercent, "笔试计分比例")
        case .compulsory, .buzzer, .playoff:
            rules.rightPoints = integer(rightPoints, "答对得分")
            rules.wrongPoints = integer(wrongPoints, "答错扣分")
            rules.timeLimitSeconds = integer(timeLimit, "答题时限")
            if roundStyle == .buzzer { rules.foulPoints = integer(foulPoints, "抢答犯规扣分") }
        case .risk:
            let values = stakes.split(whereSeparator: { $0.isWhitespace || "，,、；;".contains($0) }).map { Int($0) }
            if values.isEmpty || values.contains(nil) { problems.append("风险题分值须为整数，用顿号分隔，如 10、20、30") }
            rules.stakes = values.compactMap { $0 }
            rules.timeLimitSeconds = integer(timeLimit, "答题时限")
        case .judged:
            rules.dropped = integer(dropped, "去掉最高、最低分的个数")
            rules.maxMark = integer(maxMark, "评委打分满分")
        }
        var exam: Int64?
        var questions: [String] = []
        if roundStyle == .written {
            exam = Int64(examId)
            if exam == nil { problems.append("笔试轮须填写集中考核的考试编号") }
        } else {
            questions = ContestTeamForm.numbers(questionIds)
        }
        guard problems.isEmpty else { throw FormProblems(problems) }
        return RoundDraft(style: roundStyle, title: title, rules: rules, questionIds: questions, examId: exam)
    }
}
