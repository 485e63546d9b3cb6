import LianbingCore

/// The add-team form (报名参赛队) as typed: members by staff number, the captain among them, the unit the team
/// represents. An individual contest takes one number and names the entry after the person.
struct ContestTeamForm: Sendable {
    var name = ""
    /// Staff numbers, one per line or separated by commas, spaces or 、
    var members = ""
    var captain = ""
    /// The unit the team represents; blank for the captain's own.
    var unitCode = ""

    init() {}

    init(_ fields: FormFields) {
        let text = { (name: String) in fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        name = text("name")
        members = fields["members"] ?? ""
        captain = text("captain")
        unitCode = text("unit_code")
    }

    /// Staff numbers typed one per line or separated by whitespace, commas, 、 or semicolons.
    static func numbers(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace || "，,、；;".contains($0) }).map(String.init)
    }

    var draft: TeamDraft {
        TeamDraft(name: name, members: Self.numbers(members), captain: captain.isEmpty ? nil : captain, unitCode: unitCode.isEmpty ? nil : unitCode)
    }
}
