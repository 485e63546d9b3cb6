import ArgumentParser
import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

struct BankCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bank", abstract: "业务题库：校验、导入、导出、浏览与统计。",
        subcommands: [Validate.self, Import.self, Export.self, List.self, Show.self, Stats.self, New.self, Template.self])
}

extension BankCommand {
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "校验题库文件（不写数据库）：有错误则以非零状态退出，警告只提示。")

        @Argument(help: "题库文件或目录。", completion: .file())
        var path = "QuestionBank"

        @Option(help: "文件格式：bank、csv、gift、moodle-xml；省略则按扩展名判断，.txt 等再按内容判断。")
        var format: QuestionFormat?

        func run() async throws {
            try await reportingErrors {
                let read = try BankFiles.read(path, format: format)
                let report = BankValidator.validate(read.questions)
                let errors = (read.issues + report.errors).sorted()
                for warning in (read.notes + report.warnings).sorted() { Console.error("警告：\(warning)") }
                for unsupported in read.unsupported { Console.error("错误：\(unsupported)") }
                for error in errors { Console.error("错误：\(error)") }
                let failed = errors.count + read.unsupported.count
                Console.out("共 \(read.questions.count) 道题：\(failed) 处错误，\(report.warnings.count) 处警告。")
                if failed > 0 { throw ExitCode.failure }
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "导入题库文件或目录，生成新的题库版本；有任何错误则全部不导入。内容未变的题目不会产生新版本。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "题库文件或目录。", completion: .file())
        var path: String

        @Option(help: "文件格式：bank、csv、gift、moodle-xml；省略则按扩展名判断，.txt 等再按内容判断。")
        var format: QuestionFormat?

        @Flag(help: "只校验并报告将新增、修改多少道题，不写入数据库。")
        var dryRun = false

        @Flag(help: "跳过本系统不支持的题型（如匹配题、数值题），导入其余题目并列出跳过的题。")
        var skipUnsupported = false

        @Flag(help: "覆盖在网页上修改过的题目。默认拒绝导入与网页修改内容不同的题目，并列出题号和修改人，以免文件悄悄改回网页上的修改。")
        var force = false

        func run() async throws {
            try await reportingErrors {
                let read = try BankFiles.read(path, format: format)
                let db = try database.open()
                let result = try await db.importQuestions(
                    read, note: path, skipUnsupported: skipUnsupported, force: force, dryRun: dryRun, by: try await db.operatorPrincipal()
                ) { done, total in Console.progress(done, of: total, "正在写入试题") }
                for warning in result.warnings { Console.error("警告：\(warning)") }
                for skipped in result.skipped { Console.error("已跳过：\(skipped)") }
                Console.out(result.summary(dryRun: dryRun))
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "导出当前题库（每道题的最新版本）。")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "导出格式：bank、csv、gift、moodle-xml。")
        var format: QuestionFormat = .bank

        @Option(
            help: "输出文件；省略则写到标准输出。bank 格式时若为目录（已存在或无扩展名），则按 QuestionBank/ 的布局每个知识领域写一个文件。",
            completion: .file())
        var out: String?

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let listings = try await db.questions(QuestionFilter(), for: try await db.operatorPrincipal()).items
                let questions = listings.map(\.question)
                if format == .bank, let out, BankFolder.isFolder(out) {
                    let written = try BankFolder.write(questions, to: out)
                    Console.out("已导出 \(questions.count) 道题到 \(out)（\(written) 个文件）。")
                    return
                }
                let data = format.write(questions)
                if let out { try writeOutput(data, to: out) } else { FileHandle.standardOutput.write(data) }
            }
        }
    }

    /// Filters shared by `list` and `stats`.
    struct FilterOptions: ParsableArguments {
        @Option(help: "知识点（含其下级），如 队伍建设/常态化培训。")
        var knowledgePoint: String?

        @Option(help: "题型：单选、多选、判断、填空、简答。")
        var type: String?

        @Option(help: "难度 1–5。")
        var difficulty: Int?

        @Option(help: "用途：考试、练习、通用。")
        var usage: String?

        @Option(help: "状态：草稿、启用、停用。")
        var status: String?

        @Option(help: "题干或题号中包含的文字。")
        var query: String?

        func validate() throws {
            if let type, QuestionKind(label: type) == nil { throw ValidationError("未知题型：\(type)") }
            if let usage, QuestionUsage(label: usage) == nil { throw ValidationError("未知用途：\(usage)") }
            if let status, QuestionStatus(label: status) == nil { throw ValidationError("未知状态：\(status)") }
            if let difficulty, !(1...5).contains(difficulty) { throw ValidationError("难度须在 1 到 5 之间") }
        }

        var filter: QuestionFilter {
            QuestionFilter(
                knowledgePoint: knowledgePoint, kind: type.flatMap(QuestionKind.init(label:)), difficulty: difficulty,
                usage: usage.flatMap(QuestionUsage.init(label:)), status: status.flatMap(QuestionStatus.init(label:)), text: query)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出题目（当前版本），可按知识点、题型、难度、用途、状态筛选。")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var filters: FilterOptions

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let page = try await db.questions(filters.filter, for: try await db.operatorPrincipal())
                for item in page.items {
                    let q = item.question
                    let stem = q.stem.replacingOccurrences(of: "\n", with: " ")
                    Console.out("\(q.id)\t\(q.kind.label)\t难度\(q.difficulty)\t\(q.usage.label)\t\(q.status.label)\t\(stem.prefix(40))")
                }
                Console.out("共 \(page.total) 道题。")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "显示一道题（题库文件格式），默认最新版本。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "题号。")
        var id: String

        @Option(help: "显示指定版本。")
        var revision: Int?

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let principal = try await db.operatorPrincipal()
                let (listing, revisions) = try await db.question(id, revision: revision, for: principal)
                Console.out("# 第 \(listing.revision) 版（题库版本 \(listing.bankRevision)）；全部版本：\(revisions.map(String.init).joined(separator: "、"))")
                if let entry = try await db.questionHistory(id, for: principal).revisions.first(where: { $0.revision == listing.revision }) {
                    let source = entry.source == "browser" ? "网页编辑" : "导入"
                    Console.out("# \(source)：\(entry.author)，\(ChinaTime.format(entry.at))；原因：\(entry.reason)")
                }
                FileHandle.standardOutput.write(BankText.write([listing.question]))
            }
        }
    }

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "双向细目表：知识点 × 题型 × 难度的启用题数，以及按题型、状态的合计。")

        @OptionGroup var database: DatabaseOptions

        @Flag(help: "以 JSON 输出。")
        var json = false

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let coverage = try await db.bankCoverage(for: try await db.operatorPrincipal())
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                    FileHandle.standardOutput.write(try encoder.encode(BankStatsJSON(coverage, bankRevision: try await db.currentBankRevision())))
                    Console.out("")
                } else {
                    Console.out(BankStatsTable.render(coverage))
                }
            }
        }
    }
}
