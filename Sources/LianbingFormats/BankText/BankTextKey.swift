/// The keys of a question block, in the order of the table in `QuestionBank/README.md`.
///
/// The writer emits them in this order (with the options between `题干` and `答案`), so that every file
/// written by the tool diffs cleanly against the next; the reader accepts them in any order after `题号`.
///
/// Plain integers underneath, not the Chinese names: a block's values are kept in a small array indexed by
/// key, which costs nothing, where hashing the names would cost Unicode normalisation on every line.
enum BankTextKey: Int, CaseIterable, Sendable {
    case id, kind, knowledgePoints, difficulty, usage, status, tags, source, quote, stem, answer, reference, scoringPoints,
        explanation

    private static let labels = ["题号", "题型", "知识点", "难度", "用途", "状态", "标签", "出处", "原文", "题干", "答案", "参考答案", "评分要点", "解析"]

    var label: String { Self.labels[rawValue] }

    /// The key written `name`, compared byte for byte (no key has another Unicode spelling).
    init?(name: Substring) {
        let bytes = name.utf8
        let count = bytes.count
        for (index, label) in Self.labelBytes.enumerated() where label.count == count && bytes.elementsEqual(label) {
            self.init(rawValue: index)
            return
        }
        return nil
    }

    private static let labelBytes = labels.map { Array($0.utf8) }

    /// Keys are short words; anything longer before a colon is a line of text that lost its indentation,
    /// and saying "unknown key" about half a sentence would only confuse.
    static let maxNameLength = 8
}
