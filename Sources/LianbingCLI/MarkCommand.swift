import ArgumentParser
import LianbingCore
import LianbingStore

struct MarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark", abstract: "阅卷：简答题的待阅列表与评分。", subcommands: [List.self, SetScore.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出已交试卷中待人工评分的简答题（交卷早的在前），附参考答案、评分要点和考生作答。")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "只列这场考试的（考试编号）。")
        var exam: Int64?

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let queue = try await db.markingQueue(exam: exam, by: try await db.operatorPrincipal())
                for item in queue {
                    for line in Self.lines(item) { Console.out(line) }
                    Console.out("")
                }
                Console.out("共 \(queue.count) 道待阅。评分：lianbing mark set --attempt 作答编号 --position 题号 --score 得分")
            }
        }

        static func lines(_ item: MarkingItem) -> [String] {
            [
                "作答 \(item.attemptId) 第 \(item.position + 1) 题（满分 \(AppDatabase.points(item.points)) 分）｜考试 \(item.examId) \(item.examTitle)｜\(item.questionId)",
                "题目：\(item.stem)",
                "参考答案：\(item.reference)",
                "评分要点：" + item.scoringPoints.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "；"),
                "考生作答：\(item.response)",
            ]
        }
    }

    struct SetScore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "给一道简答题评分（或在成绩复核时改分）；该试卷总分随之更新。")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "作答编号（mark list 中“作答”后的数字）。")
        var attempt: Int64

        @Option(help: "题号：卷面上的第几题，从 1 起（mark list 中“第 N 题”）。")
        var position: Int

        @Option(help: "得分：0 到该题满分之间，可为小数。")
        var score: Double

        @Option(help: "评语（可选）。")
        var comment: String?

        @Option(help: "成绩复核申请编号：成绩发布后，只能在考生申请的复核中改分。")
        var review: Int64?

        func validate() throws {
            guard position >= 1 else { throw ValidationError("--position 是卷面题号，从 1 起") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                try await db.markAnswer(
                    attempt: attempt, position: position - 1, score: score, comment: comment, review: review, by: try await db.operatorPrincipal())
                Console.out("已评分：作答 \(attempt) 第 \(position) 题 \(AppDatabase.points(score)) 分。")
            }
        }
    }
}
