import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

extension ExamCommand {
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "按组卷规则创建一场集中考核（草稿）。规则须对当前题库和考生名单可行，否则列出全部问题、不创建。")

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var settings: ExamSettingsOptions

        func run() async throws {
            try await reportingErrors {
                let draft = try settings.draft()
                let db = try database.open()
                let exam = try await db.createExam(draft, by: try await db.operatorPrincipal())
                Console.out("已创建考试 \(exam.id)（草稿）。发布后冻结考生名单并为每人组卷：lianbing exam publish \(exam.id)")
                for line in ExamText.detail(exam) { Console.out("  " + line) }
            }
        }
    }
}

extension ExamCommand {
    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "修改考试草稿的全部设置（与 create 的选项相同），检查同 create；已发布的考试不能修改。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "考试编号（草稿）。")
        var exam: Int64

        @OptionGroup var settings: ExamSettingsOptions

        func run() async throws {
            try await reportingErrors {
                let draft = try settings.draft()
                let db = try database.open()
                let exam = try await db.updateExam(exam, draft, by: try await db.operatorPrincipal())
                Console.out("已修改考试 \(exam.id)（草稿）。")
                for line in ExamText.detail(exam) { Console.out("  " + line) }
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "删除考试草稿；已发布的考试不能删除。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "考试编号（草稿）。")
        var exam: Int64

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                try await db.deleteExam(exam, by: try await db.operatorPrincipal())
                Console.out("已删除考试草稿 \(exam)。")
            }
        }
    }
}
