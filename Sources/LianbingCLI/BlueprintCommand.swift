import ArgumentParser
import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

struct BlueprintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blueprint", abstract: "组卷规则（双向细目表，格式见 Blueprints/README.md）：检查与查看。",
        subcommands: [Check.self, Show.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "检查组卷规则文件，并检查当前题库能否为给定人数组卷；有问题则逐条列出并以非零状态退出。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "组卷规则文件（.txt，UTF-8 或 GB18030）。", completion: .file(extensions: ["txt"]))
        var file: String

        @Option(help: "考生人数：按这么多份试卷检查曝光上限。")
        var candidates = 1

        func validate() throws {
            try ValidationError.bounded { try InputBounds.check(candidates, in: InputBounds.candidates, "--candidates", unit: "人") }
        }

        func run() async throws {
            try await reportingErrors {
                let blueprint = try BlueprintFile.read(file).blueprint
                let db = try database.open()
                let problems = try await db.checkBlueprint(blueprint, candidates: candidates, by: try await db.operatorPrincipal())
                guard problems.isEmpty else {
                    for problem in problems { Console.error("问题：\(problem)") }
                    Console.error("组卷规则不可行：共 \(problems.count) 个问题（按 \(candidates) 名考生、当前题库检查）。")
                    throw ExitCode.failure
                }
                for line in BlueprintFile.summary(blueprint) { Console.out(line) }
                Console.out("可行：当前题库可以为 \(candidates) 名考生组卷。")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "读取组卷规则文件，显示摘要和规范格式的全文（不访问数据库）。")

        @Argument(help: "组卷规则文件（.txt，UTF-8 或 GB18030）。", completion: .file(extensions: ["txt"]))
        var file: String

        func run() async throws {
            try await reportingErrors {
                let blueprint = try BlueprintFile.read(file).blueprint
                for line in BlueprintFile.summary(blueprint) { Console.out(line) }
                Console.out("")
                FileHandle.standardOutput.write(Data(BlueprintText.write(blueprint).utf8))
            }
        }
    }
}

/// A blueprint file read for a command: its problems are printed as `file:line: reason`.
enum BlueprintFile {
    static func read(_ path: String) throws -> (blueprint: Blueprint, text: String) {
        let decoded = CSVTextDecoder.decode(try readInput(path), file: path)
        switch decoded.flatMap({ decoded in BlueprintText.read(decoded.text, file: path).map { ($0, decoded.text) } }) {
        case .success(let read):
            return read
        case .failure(let failure):
            for issue in failure.issues { Console.error(issue.description) }
            Console.error("错误：组卷规则文件有 \(failure.issues.count) 处错误。")
            throw ExitCode.failure
        }
    }

    /// Questions and points per paper, the sections and the cells.
    static func summary(_ blueprint: Blueprint) -> [String] {
        var lines = [
            "\(blueprint.title)（\(blueprint.purpose.label)）：每份试卷 \(blueprint.questionCount) 题，总分 \(AppDatabase.points(blueprint.totalPoints)) 分，"
                + "\(blueprint.cells.count) 个细目",
            "目标难度 \(String(format: "%.2f", blueprint.targetDifficulty)) ± \(String(format: "%.2f", blueprint.difficultyTolerance))，"
                + "曝光上限 \(blueprint.exposureCap.map { "\(AppDatabase.points($0 * 100))%" } ?? "不限")，互斥组 \(blueprint.enemyGroups.count) 个",
        ]
        for section in blueprint.sections {
            let count = blueprint.cells.filter { $0.kind == section.kind }.reduce(0) { $0 + $1.count }
            lines.append(
                "  \(section.kind.label)：\(count) 题 × \(AppDatabase.points(section.pointsPerQuestion)) 分 = "
                    + AppDatabase.points(Double(count) * section.pointsPerQuestion) + " 分")
        }
        return lines
    }
}
