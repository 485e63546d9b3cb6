import ArgumentParser
import LianbingCore

/// 网校+微课 (item 19): the lessons in `Courseware/`.
struct CourseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course", abstract: "网校微课：校验 Courseware/ 中的微课文件。", subcommands: [Validate.self])

    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "校验微课文件（不写数据库）：格式、三节正文、引用的本地文件，以及每个知识点在题库中至少有 3 道练习或通用题；有错误则以非零状态退出。")

        @Argument(help: "微课文件或目录。", completion: .file())
        var path = "Courseware"

        @Option(help: "题库目录：微课的知识点和小测题从这里核对。", completion: .directory)
        var bank = "QuestionBank"

        func run() async throws {
            try await reportingErrors {
                let read = try CoursewareFiles.read(path)
                let questions = try BankFiles.read(bank, format: .bank).questions.map(\.question)
                let issues = (read.issues + CoursewareCheck.issues(read.lessons, bank: questions, posts: Post.seeded)).sorted()
                for issue in issues { Console.error("错误：\(issue)") }
                let minutes = read.lessons.reduce(0) { $0 + $1.lesson.minutes }
                Console.out("共 \(read.lessons.count) 节微课（\(minutes) 分钟）：\(issues.count) 处错误。")
                if !issues.isEmpty { throw ExitCode.failure }
            }
        }
    }
}
