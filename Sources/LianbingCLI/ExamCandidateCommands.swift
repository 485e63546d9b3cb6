import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

extension ExamCommand {
    struct Candidates: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "candidates", abstract: "发布后调整考生名单。", subcommands: [Add.self, Remove.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "增补一名考生：从曝光上限剩余的题中为其组一份试卷。")

            @OptionGroup var database: DatabaseOptions
            @OptionGroup var candidate: CandidateOptions

            func run() async throws {
                try await reportingErrors {
                    let db = try database.open()
                    try await db.addCandidate(candidate.staff, toExam: candidate.id, by: try await db.operatorPrincipal())
                    Console.out("已将 \(candidate.staff) 加入考试 \(candidate.id) 的考生名单，并为其组卷。")
                }
            }
        }

        struct Remove: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "移出一名尚未开始作答的考生；已开始的请用 exam excuse 批准免考。")

            @OptionGroup var database: DatabaseOptions
            @OptionGroup var candidate: CandidateOptions

            func run() async throws {
                try await reportingErrors {
                    let db = try database.open()
                    try await db.removeCandidate(candidate.staff, fromExam: candidate.id, by: try await db.operatorPrincipal())
                    Console.out("已将 \(candidate.staff) 移出考试 \(candidate.id) 的考生名单。")
                }
            }
        }
    }

    struct Override: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "为一名考生延长答题时间和/或设个人截止时间；正在作答的试卷立即按新时间计时。")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var candidate: CandidateOptions

        @Option(help: "在规定时长之外延长的分钟数（0–1440）。")
        var extraMinutes: Int?

        @Option(help: "个人截止时间（北京时间），如 \"2026-11-25 18:00\"，替代考试的结束时间。")
        var closes: String?

        @Flag(help: "确认本场考试的答案和解析已向考生公开，仍要开放个人截止时间（已公开时必须给出）。")
        var confirmKeysShown = false

        func validate() throws {
            guard extraMinutes != nil || closes != nil else { throw ValidationError("请至少指定 --extra-minutes 或 --closes") }
            if let extraMinutes {
                try ValidationError.bounded { try InputBounds.check(extraMinutes, in: InputBounds.extraMinutes, "--extra-minutes", unit: "分钟") }
            }
            if let closes { _ = try ChinaTimeOption.parse(closes, option: "--closes") }
        }

        func run() async throws {
            try await reportingErrors {
                let closesAt = try closes.map { try ChinaTimeOption.parse($0, option: "--closes") }
                let db = try database.open()
                try await db.overrideCandidate(
                    candidate.staff, inExam: candidate.id, extraMinutes: extraMinutes, closesAt: closesAt, confirmKeysShown: confirmKeysShown,
                    by: try await db.operatorPrincipal())
                let detail = [extraMinutes.map { "延长 \($0) 分钟" }, closes.map { "个人截止 \($0)" }].compactMap { $0 }
                Console.out("已调整考试 \(candidate.id) 考生 \(candidate.staff) 的时间：\(detail.joined(separator: "，"))。")
            }
        }
    }

    struct Reopen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "重新开放一名考生已交的试卷，从现在起给若干分钟继续作答；已作答内容保留。")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var candidate: CandidateOptions

        @Option(help: "从现在起可继续作答的分钟数（1–1440）。")
        var minutes: Int

        @Flag(help: "确认本场考试的答案和解析已向考生公开，仍要重新开放（已公开时必须给出）。")
        var confirmKeysShown = false

        func validate() throws {
            try ValidationError.bounded { try InputBounds.check(minutes, in: InputBounds.minutes, "--minutes", unit: "分钟") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                try await db.reopenAttempt(
                    of: candidate.staff, inExam: candidate.id, minutes: minutes, confirmKeysShown: confirmKeysShown,
                    by: try await db.operatorPrincipal())
                Console.out("已重新开放考试 \(candidate.id) 考生 \(candidate.staff) 的试卷 \(minutes) 分钟。")
            }
        }
    }

    struct Excuse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "批准一名考生免考（须填写原因）；成绩表中列为“免考”，不排名次。")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var candidate: CandidateOptions

        @Option(help: "免考原因。")
        var reason: String

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                try await db.excuseCandidate(candidate.staff, inExam: candidate.id, reason: reason, by: try await db.operatorPrincipal())
                Console.out("已批准考试 \(candidate.id) 考生 \(candidate.staff) 免考：\(reason)")
            }
        }
    }
}
