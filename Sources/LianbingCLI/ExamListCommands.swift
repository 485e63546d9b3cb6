import ArgumentParser
import LianbingStore

extension ExamCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出全部集中考核，开始时间最近的在前。")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let exams = try await db.exams(by: try await db.operatorPrincipal())
                Console.out(["编号", "名称", "单位", "考试窗口（北京时间）", "状态", "考生"].joined(separator: "\t"))
                for exam in exams { Console.out(ExamText.row(exam)) }
                Console.out("共 \(exams.count) 场考试。")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "显示一场考试的全部设置，含组卷规则版本、题库版本和随机种子。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "考试编号。")
        var id: Int64

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                for line in ExamText.detail(try await db.exam(id, by: try await db.operatorPrincipal())) { Console.out(line) }
            }
        }
    }
}
