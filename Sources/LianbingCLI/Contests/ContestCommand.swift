import ArgumentParser
import Foundation
import LianbingCore

/// `lianbing contest`: skills contests (练兵比武) — set up, run by hand when the network fails, replay, export, advance.
struct ContestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contest", abstract: "练兵比武：新建比赛、报名、设置轮次、开始与结束、手工记分、重放、导出成绩、晋级与奖牌榜。",
        discussion: """
            流程：create 新建（筹备中）→ add-team 报名、add-round 设置轮次 → start 开始（题目固定）→ record 记分 \
            （现场断网时按纸质记分表逐条录入）、written 录入笔试轮成绩 → finish 结束（名次确定）→ export 导出、advance 晋级。
            参赛队、记录均用编号指定：参赛队编号和记录序号见 contest show 与 contest replay。日期为 "YYYY-MM-DD"。
            轮次样式：笔试 written、必答题 compulsory、抢答题 buzzer、风险题 risk、评委打分 judged、加赛 playoff。
            """,
        subcommands: [
            Create.self, List.self, Show.self, AddTeam.self, AddRound.self, Start.self, Finish.self, Record.self, Written.self, Advance.self,
            Export.self, Replay.self, Medals.self,
        ])
}
