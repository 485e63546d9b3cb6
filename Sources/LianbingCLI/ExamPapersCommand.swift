import ArgumentParser
import LianbingCore
import LianbingStore

extension ExamCommand {
    struct Papers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "查看已发布考试的试卷：--preview 显示前几位考生的试卷，--verify 按随机种子重新组卷并与已存的试卷逐份核对。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "考试编号。")
        var id: Int64

        @Option(help: "显示前 N 位考生（按组卷顺序）的试卷：工号，然后按卷面顺序列出题号、版本、分值和选项顺序（“CADB”表示卷面 A 是原题的选项 C，依此类推）。")
        var preview: Int?

        @Flag(help: "按考试的随机种子、组卷规则和题库版本重新组卷，与已存的试卷逐份比较；有任何不同则以非零状态退出。")
        var verify = false

        func validate() throws {
            guard preview != nil || verify else { throw ValidationError("请指定 --preview N 或 --verify") }
            if let preview, preview < 1 { throw ValidationError("--preview 须至少为 1") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let principal = try await db.operatorPrincipal()
                if let preview {
                    for candidate in try await db.papers(ofExam: id, limit: preview, by: principal) {
                        for line in Self.lines(candidate) { Console.out(line) }
                    }
                }
                if verify {
                    if Console.showsProgress { Console.error("正在重新组卷……") }
                    let regenerated = try await db.regeneratedPapers(ofExam: id, by: principal)
                    let stored = try await db.papers(ofExam: id, by: principal).filter { $0.sequence < regenerated.count }
                    let differing = stored.filter { $0.paper != regenerated[$0.sequence] }.map(\.staffNumber)
                    guard differing.isEmpty, stored.count == regenerated.count else {
                        Console.error("错误：重新组出的 \(regenerated.count) 份试卷与已存的 \(stored.count) 份不一致。")
                        if !differing.isEmpty { Console.error("不一致的考生：" + differing.joined(separator: "、")) }
                        throw ExitCode.failure
                    }
                    Console.out("已核对 \(stored.count) 份试卷：与按随机种子重新组出的完全一致（发布后增补的考生不在核对之列）。")
                }
            }
        }

        /// `GD0001（第 1 份，36 题，100 分）` and one line per question: number, id, revision, points, option order.
        static func lines(_ candidate: CandidatePaper) -> [String] {
            let paper = candidate.paper
            var lines = ["\(candidate.staffNumber)（第 \(candidate.sequence + 1) 份，\(paper.items.count) 题，\(AppDatabase.points(paper.maxScore)) 分）"]
            for (index, item) in paper.items.enumerated() {
                let order = item.optionOrder.isEmpty ? "" : "\t选项顺序 " + String(item.optionOrder.map { Question.letters[$0] })
                lines.append("  \(index + 1).\t\(item.questionId)\t第 \(item.revision) 版\t\(AppDatabase.points(item.points)) 分" + order)
            }
            return lines
        }
    }
}
