import ArgumentParser
import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

extension ExamCommand {
    struct Forms: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "纸笔考试：组出 A、B、C 等平行卷型，每套写出三个 A4 HTML 文件（试卷、答题卡、答案），用浏览器打印。",
            discussion: "已有考生作答或录入成绩后不能重新组卷。答案文件只给阅卷人。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "考试编号。")
        var id: Int64

        @Option(help: "平行卷型套数（1–26）。")
        var count: Int

        @Flag(help: "允许不同卷型共用试题（题库不够各卷型分别抽题时）。")
        var allowShared = false

        @Option(help: "输出目录：写入 试卷-A.html、答题卡-A.html、答案-A.html 等（不会覆盖已有文件）。", completion: .directory)
        var out: String

        func validate() throws {
            try ValidationError.bounded { try InputBounds.check(count, in: InputBounds.forms, "--count", unit: "套") }
            let existing = (0..<count).flatMap { Self.files(ParallelForms.letter($0)).map(\.name) }
                .filter { FileManager.default.fileExists(atPath: path($0)) }
            guard existing.isEmpty else { throw ValidationError("输出目录中已有文件，不会覆盖：\(existing.joined(separator: "、"))") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let principal = try await db.operatorPrincipal()
                let exam = try await db.exam(id, by: principal)
                _ = try await db.makeForms(ofExam: id, count: count, allowShared: allowShared, by: principal)
                let (forms, questions) = try await db.forms(ofExam: id, by: principal)
                var blueprint = exam.blueprint
                blueprint.title = exam.title
                for (index, form) in forms.enumerated() {
                    Console.progress(index + 1, of: forms.count, "正在写出平行卷")
                    for file in Self.files(form.letter) {
                        let html = try file.render(form.paper, questions, blueprint, form.letter)
                        try writeOutput(Data(html.utf8), to: path(file.name))
                    }
                }
                let letters = forms.map(\.letter).joined(separator: "、")
                Console.out("已组出 \(forms.count) 套平行卷（\(letters)），每套 \(exam.blueprint.questionCount) 题，文件写入 \(out)。")
            }
        }

        private func path(_ name: String) -> String { (out as NSString).appendingPathComponent(name) }

        typealias Render = (Paper, [String: Question], Blueprint, String) throws -> String

        /// The three documents of one form and how each is made.
        static func files(_ letter: String) -> [(name: String, render: Render)] {
            [
                ("试卷-\(letter).html", { try PrintableForm.paper($0, questions: $1, blueprint: $2, form: $3) }),
                ("答题卡-\(letter).html", { try PrintableForm.answerSheet($0, questions: $1, blueprint: $2, form: $3) }),
                ("答案-\(letter).html", { try PrintableForm.answerKey($0, questions: $1, blueprint: $2, form: $3) }),
            ]
        }
    }
}
