import ArgumentParser
import LianbingCore
import LianbingStore

extension ExamCommand {
    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "发布考试：冻结考生名单，按随机种子和当前题库为每位考生组卷；任何一份组不出则全部不保存。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "考试编号。")
        var id: Int64

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                if Console.showsProgress { Console.error("正在为考生组卷……") }
                let exam = try await db.publishExam(id, by: try await db.operatorPrincipal())
                Console.out("已发布考试 \(exam.id)：考生 \(exam.candidateCount) 人，题库版本 \(exam.bankRevision.map(String.init) ?? "—")，每人一份试卷。")
                Console.out(
                    "试卷用到此前考试已公开答案的试题 \(exam.revealedOnPapers ?? 0) 道"
                        + (exam.withheldCount > 0 ? "；按组卷规则已排除 \(exam.withheldCount) 道。" : "（组卷规则可写“排除已公开答案的试题: 是”）。"))
            }
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "立即结束考试：所有人的考试窗口到此为止，作答中的试卷按现状自动交卷。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "考试编号。")
        var id: Int64

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let exam = try await db.closeExam(id, by: try await db.operatorPrincipal())
                Console.out("已结束考试 \(exam.id)（\(exam.title)），结束时间 \(ChinaTime.format(exam.closesAt))。")
            }
        }
    }

    struct Release: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "发布成绩：须考试已结束（含个人延长时间）且简答题全部阅完；同时把实测难度和区分度写回题库。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "考试编号。")
        var id: Int64

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let exam = try await db.releaseResults(id, by: try await db.operatorPrincipal())
                Console.out("已发布考试 \(exam.id)（\(exam.title)）的成绩，考生 \(exam.candidateCount) 人。")
            }
        }
    }

    struct Regrade: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "更正一道题的答案（导入新版本）后，按新答案为所有已交试卷重新评该题；人工评的分保留。")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "题号。")
        var question: String

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let changed = try await db.regrade(question: question, by: try await db.operatorPrincipal())
                Console.out("已按 \(question) 的当前答案重新评分：\(changed) 份试卷的分数有变化。")
            }
        }
    }
}
