import ArgumentParser
import LianbingCore
import LianbingStore

/// 网校+微课 (item 19): the lessons in `Courseware/`.
struct CourseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course", abstract: "网校微课：校验、导入、列出和显示 Courseware/ 中的微课。",
        subcommands: [Validate.self, Import.self, List.self, Show.self, Assign.self, StudyDay.self, Report.self])

    /// The lessons under `path` with every problem, against the bank under `bank`: what `validate` reports and
    /// `import` refuses on.
    static func check(_ path: String, bank: String) throws -> (lessons: [CoursewareCheck.Located], issues: [ImportIssue]) {
        let read = try CoursewareFiles.read(path)
        let questions = try BankFiles.read(bank, format: .bank).questions.map(\.question)
        return (read.lessons, (read.issues + CoursewareCheck.issues(read.lessons, bank: questions, posts: Post.seeded)).sorted())
    }

    /// Imports checked lessons with the files beside them, as the operator.
    static func importLessons(_ lessons: [CoursewareCheck.Located], into db: AppDatabase, dryRun: Bool = false) async throws -> LessonImportResult {
        let files = Dictionary(lessons.map { ($0.lesson.id, $0.files) }) { first, _ in first }
        return try await db.importLessons(lessons.map(\.lesson), files: files, dryRun: dryRun, by: try await db.operatorPrincipal())
    }

    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "校验微课文件（不写数据库）：格式、三节正文、引用的本地文件（图片和 PDF 的类型、内容与大小）、音视频文件名，以及每个知识点在题库中至少有 3 道练习或通用题；有错误则以非零状态退出。")

        @Argument(help: "微课文件或目录。", completion: .file())
        var path = "Courseware"

        @Option(help: "题库目录：微课的知识点和小测题从这里核对。", completion: .directory)
        var bank = "QuestionBank"

        func run() async throws {
            try await reportingErrors {
                let read = try CourseCommand.check(path, bank: bank)
                let issues = read.issues
                for issue in issues { Console.error("错误：\(issue)") }
                let minutes = read.lessons.reduce(0) { $0 + $1.lesson.minutes }
                Console.out("共 \(read.lessons.count) 节微课（\(minutes) 分钟）：\(issues.count) 处错误。")
                if !issues.isEmpty { throw ExitCode.failure }
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "校验并导入微课文件或目录；有任何错误则全部不导入。内容变了的微课成为新版本，未变的不动。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "微课文件或目录。", completion: .file())
        var path = "Courseware"

        @Option(help: "题库目录：微课的知识点和小测题从这里核对。", completion: .directory)
        var bank = "QuestionBank"

        @Flag(help: "只校验并报告将新增、修改多少节微课，不写入数据库。")
        var dryRun = false

        func run() async throws {
            try await reportingErrors {
                let read = try CourseCommand.check(path, bank: bank)
                guard read.issues.isEmpty else {
                    for issue in read.issues { Console.error("错误：\(issue)") }
                    Console.error("共 \(read.issues.count) 处错误，未导入任何微课。")
                    throw ExitCode.failure
                }
                let db = try database.open()
                let result = try await CourseCommand.importLessons(read.lessons, into: db, dryRun: dryRun)
                let counts = "新增 \(result.added)，修改 \(result.changed)，未变 \(result.unchanged)"
                Console.out(dryRun ? "试运行（未写入）：\(counts)。" : "已导入微课：\(counts)。")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出已导入的微课（最新版本）。")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "只列出这个知识点（或其下级）的微课，如“队伍建设”。")
        var knowledgePoint: String?

        @Flag(help: "也列出已停用和草稿状态的微课。")
        var all = false

        func run() async throws {
            try await reportingErrors {
                let lessons = try await database.open().lessons(knowledgePoint: knowledgePoint, includeRetired: all)
                let rows = lessons.map {
                    [$0.lesson.id, $0.lesson.title, String($0.lesson.minutes), $0.lesson.knowledgePoints.joined(separator: "；"), String($0.revision), $0.lesson.status.label]
                }
                for line in TableText.render(columns: ["编号", "标题", "时长（分钟）", "知识点", "版本", "状态"], rows: rows) { Console.out(line) }
                Console.out("共 \(lessons.count) 节微课，\(lessons.reduce(0) { $0 + $1.lesson.minutes }) 分钟。")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "显示一节微课的信息和正文（Markdown），默认最新版本。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "微课编号。")
        var id: String

        @Option(help: "显示指定版本（从 1 起）。")
        var revision: Int?

        func run() async throws {
            try await reportingErrors {
                let stored = try await database.open().lesson(id, revision: revision)
                let lesson = stored.lesson
                Console.out("# \(lesson.id) \(lesson.title)（第 \(stored.revision) 版，最新第 \(stored.currentRevision) 版）")
                Console.out("知识点：\(lesson.knowledgePoints.joined(separator: "；"))　时长：\(lesson.minutes) 分钟　状态：\(lesson.status.label)")
                Console.out("出处：\(lesson.source)")
                Console.out("")
                Console.out(lesson.body)
            }
        }
    }
}
