import LianbingCore
import LianbingStore

/// The substitution form (换人): the member leaving (`out` = `队伍编号|工号`, chosen from the teams), the member
/// coming in, and why.
struct ContestSubstitutionForm: Sendable {
    var out = ""
    var incoming = ""
    var reason = ""

    init() {}

    init(_ fields: FormFields) {
        let text = { (name: String) in fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        out = text("out")
        incoming = text("incoming")
        reason = text("reason")
    }

    /// The team and the staff number of the member leaving.
    func leaving() throws -> (team: Int64, number: String) {
        let parts = out.split(separator: "|", maxSplits: 1).map(String.init)
        guard parts.count == 2, let team = Int64(parts[0]), !parts[1].isEmpty else { throw LianbingError.invalid("请选择换下的队员") }
        guard !incoming.isEmpty else { throw LianbingError.invalid("请填写换上队员的工号") }
        return (team, parts[1])
    }

    /// Every member of every team, as the select offers them.
    func options(_ teams: [ContestTeam]) -> [SelectOption] {
        teams.flatMap { team in
            team.members.map { member in
                let value = "\(team.id)|\(member.staffNumber)"
                return SelectOption(
                    value: value, label: "\(team.name)：\(member.name)（\(member.staffNumber)）\(member.isCaptain ? " 队长" : "")",
                    selected: value == out)
            }
        }
    }
}
