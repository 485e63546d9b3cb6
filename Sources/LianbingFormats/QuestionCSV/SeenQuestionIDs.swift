/// Ids already read from one file, so a second question with the same id is reported with the line of the first.
///
/// Within one file the second use is almost always a copy-and-paste slip; keeping the first and refusing the second
/// means the file's meaning does not depend on which one a later step happens to keep.
struct SeenQuestionIDs {
    private var firstLine: [String: Int] = [:]

    /// `nil` when `id` is new (it is then remembered), otherwise the reason to refuse the question at `line`.
    mutating func claim(_ id: String, line: Int) -> String? {
        if let first = firstLine[id] { return "编号 \(id) 重复（第 \(first) 行已出现）" }
        firstLine[id] = line
        return nil
    }
}
