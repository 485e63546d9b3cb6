import ArgumentParser
import Foundation
import LianbingCore

struct ExamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exam", abstract: "集中考核：创建、发布、试卷、纸笔考试、考生调整、结束、成绩与统计。",
        discussion: "时间一律按北京时间输入和显示，格式 \"YYYY-MM-DD HH:MM\"。",
        subcommands: [
            Create.self, Edit.self, Delete.self, List.self, Show.self, Publish.self, Papers.self, Forms.self, Marks.self, Candidates.self, Override.self,
            Reopen.self, Excuse.self, Close.self, Release.self, Results.self, Stats.self, Regrade.self,
        ])
}

/// The exam and the candidate a per-candidate command acts on.
struct CandidateOptions: ParsableArguments {
    @Argument(help: "考试编号。")
    var id: Int64

    @Option(help: "考生工号。")
    var staff: String
}

/// Times on the command line are China time, `YYYY-MM-DD HH:MM`.
enum ChinaTimeOption {
    static func parse(_ text: String, option: String) throws -> Date {
        guard let date = ChinaTime.parse(text) else {
            throw ValidationError("\(option) 须为北京时间 \"YYYY-MM-DD HH:MM\"，如 \"2026-11-25 09:00\"；收到：\(text)")
        }
        try ValidationError.bounded { try InputBounds.check(date: date, option) }
        return date
    }
}

extension ValidationError {
    /// A service-layer bound checked up front, in the service's own words, so a bad option stops the command before
    /// it opens the database.
    static func bounded(_ check: () throws -> Void) throws {
        do { try check() } catch let error as LianbingError { throw ValidationError(error.message) }
    }
}

extension ReviewPolicy.Content: ExpressibleByArgument {}
extension ReviewPolicy.Timing: ExpressibleByArgument {}
