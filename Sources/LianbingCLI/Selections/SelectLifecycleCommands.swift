import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

extension SelectCommand {
    struct Compute: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "按规则计算排名和入选名单（规则从此锁定）；公示前可重新计算，以当时的记录为准。",
            discussion: "重新计算不会清除名单调整：增列、撤下仍按工号作用于新的结果。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "遴选编号。")
        var id: Int64

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let selection = try await db.computeSelection(id, by: try await db.operatorPrincipal())
                guard let outcome = selection.outcome else { return }
                let ranked = outcome.lines.filter { $0.rank != nil }.count
                Console.out(
                    "已计算遴选 \(selection.id)：候选 \(outcome.lines.count) 人，排名 \(ranked) 人，按排名入选 \(outcome.placesGiven) 人（名额 \(selection.rules.quota.places) 个）。")
                if outcome.placesGiven < selection.rules.quota.places { Console.out("注意：符合条件的候选人不足，名额未用完。") }
                Console.out("查看：lianbing select show \(selection.id)；公示：lianbing select publish \(selection.id)")
            }
        }
    }

    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "公示拟入选名单：公示期内遴选范围内的人员可以提出异议，名单不能再调整。",
            discussion: "公示期按工作日（周一至周五）计，从今天起算；法定节假日不能识别，跨节假日公示时请多给几天。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "遴选编号。")
        var id: Int64

        @Option(help: "公示期（1 到 30 个工作日）。")
        var days = NoticePeriod.defaultWorkingDays

        func validate() throws {
            try ValidationError.bounded { try InputBounds.check(days, in: NoticePeriod.workingDays, "--days", unit: "个工作日") }
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let selection = try await db.publishSelection(id, workingDays: days, by: try await db.operatorPrincipal())
                Console.out("已公示遴选 \(selection.id)：\(selection.title)，拟入选 \(selection.nominees.count) 人，公示 \(days) 个工作日，至 \(selection.noticeEndsOn?.description ?? "—") 止。")
                Console.out("公示期满、异议均已答复后定稿：lianbing select finalise \(selection.id)")
            }
        }
    }

    struct Finalise: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "finalise", abstract: "定稿：公示期满且异议均已答复后锁定名单，奖项记入每位获奖人员的档案。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "遴选编号。")
        var id: Int64

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let selection = try await db.finaliseSelection(id, by: try await db.operatorPrincipal())
                Console.out("已定稿遴选 \(selection.id)：\(selection.nominees.count) 人获“\(selection.rules.award)”。")
                for line in SelectText.nominees(selection) { Console.out(line) }
            }
        }
    }
}
