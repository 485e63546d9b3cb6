import ArgumentParser
import Foundation
import LianbingCore
import LianbingFormats

extension BankCommand {
    struct New: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "按参数生成一道题的题库文件格式草稿（状态为草稿），写到标准输出或追加到文件。")

        @Option(help: "题号（字母、数字、- 和 _）。")
        var id: String

        @Option(help: "题型：单选、多选、判断、填空、简答。")
        var type: String

        @Option(help: "知识点，多个用 ; 分隔。")
        var knowledgePoint: String

        @Option(help: "难度 1–5。")
        var difficulty = 3

        @Option(help: "用途：考试、练习、通用。")
        var usage = "通用"

        @Option(help: "出处：文件章节或法律条款。")
        var source: String

        @Option(help: "题干。")
        var stem = "（在此填写题干）"

        @Option(help: "追加到此题库文件（.txt）；省略则写到标准输出。", completion: .file(extensions: ["txt"]))
        var file: String?

        func validate() throws {
            guard Question.isValidID(id) else { throw ValidationError("题号只能使用字母、数字、- 和 _，最多 32 个字符") }
            guard QuestionKind(label: type) != nil else { throw ValidationError("未知题型：\(type)") }
            guard QuestionUsage(label: usage) != nil else { throw ValidationError("未知用途：\(usage)") }
            guard (1...5).contains(difficulty) else { throw ValidationError("难度须在 1 到 5 之间") }
        }

        func run() async throws {
            let kind = QuestionKind(label: type)!
            let question = Question(
                id: id, kind: kind, stem: kind == .fillBlank && !stem.contains("____") ? stem + "____" : stem,
                options: kind.hasOptions ? ["（选项一）", "（选项二）", "（选项三）", "（选项四）"] : [],
                answer: Self.placeholderAnswer(kind), explanation: "（在此填写解析）",
                knowledgePoints: knowledgePoint.split(whereSeparator: { $0 == ";" || $0 == "；" }).map { $0.trimmingCharacters(in: .whitespaces) },
                difficulty: difficulty, source: source, status: .draft, usage: QuestionUsage(label: usage)!)
            let data = BankText.write([question])
            guard let file else {
                FileHandle.standardOutput.write(data)
                return
            }
            guard let handle = FileHandle(forWritingAtPath: file) else {
                try writeOutput(data, to: file)
                return
            }
            handle.seekToEndOfFile()
            handle.write(Data("\n".utf8) + data)
            try handle.close()
            Console.out("已追加到 \(file)；请完善题干、选项、答案和解析后把状态改为“启用”。")
        }

        static func placeholderAnswer(_ kind: QuestionKind) -> Answer {
            switch kind {
            case .singleChoice: .choices([0])
            case .multipleChoice: .choices([0, 1])
            case .trueFalse: .trueFalse(true)
            case .fillBlank: .blanks([["（答案）"]])
            case .shortAnswer: .shortAnswer(reference: "（参考答案）", points: ["（评分要点）"])
            }
        }
    }

    struct Template: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "输出题目模板（含两行示例），可用 Excel 或 WPS 编辑后导入。",
            discussion: "默认为 CSV；--format xlsx（或 --out 的扩展名为 .xlsx）输出 Excel 工作簿：题型、难度、用途、状态为下拉选择，第二张表说明每一列的填法。")

        @Option(help: "输出文件；省略则写到标准输出。", completion: .file(extensions: ["csv", "xlsx"]))
        var out: String?

        @Option(help: "csv 或 xlsx；省略则按 --out 的扩展名，默认 csv。")
        var format: TableFormat?

        func run() async throws {
            try await reportingErrors {
                let data = switch TableFormat.forFile(out ?? "", asked: format) {
                case .csv: QuestionCSV.template()
                case .xlsx: try QuestionTemplateWorkbook.encode(exportedAt: Date())
                }
                if let out { try writeOutput(data, to: out) } else { FileHandle.standardOutput.write(data) }
            }
        }
    }
}
