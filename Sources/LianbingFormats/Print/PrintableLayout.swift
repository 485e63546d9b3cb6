import LianbingCore

/// A paper resolved for printing: its sections in order, each question numbered through the whole paper and
/// paired with its content.
struct PrintableLayout {
    struct Item {
        let number: Int
        let item: PaperItem
        let question: Question

        /// The letter a candidate sees for the question's option `original`.
        func shownLetter(ofOriginal original: Int) -> Character {
            let shown = item.optionOrder.isEmpty ? original : item.optionOrder.firstIndex(of: original) ?? original
            return Question.letters[shown]
        }
    }

    struct Section {
        let ordinal: Int
        let kind: QuestionKind
        let items: [Item]

        var points: Double { items.reduce(0) { $0 + $1.item.points } }

        /// `一、单选题（共 16 题，每题 2 分，共 32 分）`: each question's points when they are all equal.
        var heading: String {
            let each = Set(items.map(\.item.points))
            let perQuestion = each.count == 1 ? "，每题 \(PrintableLayout.number(each.first!)) 分" : ""
            return "\(PrintableLayout.chineseOrdinal(ordinal))、\(kind.label)题（共 \(items.count) 题\(perQuestion)，共 \(PrintableLayout.number(points)) 分）"
        }
    }

    let title: String
    let form: String
    let sections: [Section]
    let totalPoints: Double
    let questionCount: Int

    /// Throws `LianbingError.invalid` when a question of the paper is missing from `questions` or its options do not
    /// match the paper's option order: a form printed from the wrong bank would carry wrong keys.
    init(paper: Paper, questions: [String: Question], blueprint: Blueprint, form: String) throws {
        var bySection: [(section: Int, items: [Item])] = []
        for (index, item) in paper.items.enumerated() {
            guard let question = questions[item.questionId] else { throw LianbingError.invalid("试卷中的题目 \(item.questionId) 不在所给的题目中") }
            guard item.optionOrder.isEmpty || item.optionOrder.sorted() == Array(question.options.indices) else {
                throw LianbingError.invalid("题目 \(item.questionId) 有 \(question.options.count) 个选项，与试卷的选项顺序不符：请用组卷时的题库版本打印")
            }
            let entry = Item(number: index + 1, item: item, question: question)
            if bySection.last?.section == item.section {
                bySection[bySection.count - 1].items.append(entry)
            } else {
                bySection.append((item.section, [entry]))
            }
        }
        title = blueprint.title
        self.form = form
        sections = bySection.enumerated().map { ordinal, group in
            Section(ordinal: ordinal + 1, kind: group.items[0].question.kind, items: group.items)
        }
        totalPoints = paper.maxScore
        questionCount = paper.items.count
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    static func chineseOrdinal(_ value: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        switch value {
        case 1...9: return digits[value]
        case 10: return "十"
        case 11...19: return "十" + digits[value - 10]
        default: return String(value)
        }
    }
}
