import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

extension ContestCommand {
    struct AddTeam: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "报名一支参赛队（比赛筹备中）；个人赛每人单独报名，队名即其姓名。",
            discussion: "队员须为举办单位范围内的在岗人员，每人在一场比赛中只能参加一队。抽签号按报名先后排定。")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "比赛编号。")
        var id: Int64

        @Option(help: "队员工号（可重复；团体赛 1–10 人，个人赛 1 人）。")
        var member: [String] = []

        @Option(help: "队名（团体赛必填，不超过 50 个字；个人赛省略，用选手姓名）。")
        var name: String = ""

        @Option(help: "队长工号（须为本队队员）；省略则为第一位队员。")
        var captain: String?

        @Option(help: "参赛队代表的单位编码（须在举办单位范围内）；省略则为队长所在单位。")
        var unit: String?

        func validate() throws {
            let members = member.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !members.isEmpty else { throw ValidationError("请用 --member 至少写一名队员的工号") }
            guard members.count <= ContestBounds.members.upperBound else {
                throw ValidationError("--member 最多 \(ContestBounds.members.upperBound) 人")
            }
            guard Set(members).count == members.count else { throw ValidationError("--member 队员不能重复") }
            if let captain, !members.contains(captain.trimmingCharacters(in: .whitespaces)) { throw ValidationError("--captain 须是本队队员（--member 之一）") }
            if name.count > 50 { throw ValidationError("--name 不超过 50 个字") }
            if let unit, unit.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--unit 不能为空") }
        }

        func run() async throws {
            try await reportingErrors {
                let draft = TeamDraft(name: name, members: member, captain: captain, unitCode: unit?.trimmingCharacters(in: .whitespaces))
                let db = try database.open()
                let team = try await db.addContestTeam(id, draft, by: try await db.operatorPrincipal())
                let members = team.members.map { "\($0.name)（\($0.staffNumber)）" }.joined(separator: "、")
                Console.out("已报名参赛队 \(team.id)：\(team.name)（\(team.unitName)，抽签号 \(team.draw)），队员：\(members)。")
            }
        }
    }
}
