import ArgumentParser
import Foundation
import LianbingCore

/// `lianbing select …`: excellence selections (遴选) from the server machine, over the same service as the pages.
struct SelectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "select", abstract: "遴选：优秀主任（站长）、优秀接访员、优秀工作者等评选的规则、计算、公示、异议与定稿。",
        discussion: """
            流程：create 新建（草稿，规则可改）→ compute 计算（规则从此锁定，公示前可重新计算）→ adjust 增列或撤下（须写理由）\
            → publish 公示（默认 5 个工作日）→ object 提出异议、answer 答复 → 公示期满且异议均已答复后 finalise 定稿（奖项记入获奖人员档案）。
            show 查看规则、名额分配和排名，show --candidate 工号 说明一个人的得分与是否入选；export 导出完整计算结果或名单。
            指标：\(SelectArgument.criterionNames)。日期为 "YYYY-MM-DD"。
            """,
        subcommands: [Create.self, List.self, Show.self, Compute.self, Adjust.self, Publish.self, Object.self, Answer.self, Finalise.self, Export.self])
}
