import LianbingCore
import LianbingStore

/// The award certificates of a finished contest: one per team placed first to third. The award follows the rank,
/// so teams sharing a place share its award (two firsts, then a third).
enum ContestCertificates {
    static let awards = [1: "一等奖", 2: "二等奖", 3: "三等奖"]

    static func make(_ contest: Contest, lines: [ContestResultLine]) -> [PrintableCertificate] {
        lines.compactMap { line in
            guard let award = awards[line.standing.rank] else { return nil }
            let team = line.team
            let names = team.members.map(\.name).joined(separator: "、")
            let body =
                switch contest.format {
                case .team: "作为“\(team.name)”（\(team.unitName)）队员，参加\(contest.unitName)举办的“\(contest.title)”团体赛，成绩优异，荣获团体"
                case .individual: "代表\(team.unitName)参加\(contest.unitName)举办的“\(contest.title)”个人赛，成绩优异，荣获"
                }
            return PrintableCertificate(
                recipient: names.isEmpty ? team.name : names, body: body + "\(award)。特发此证，以资鼓励。", distinction: award,
                issuer: contest.unitName, date: CertificateDate.text(contest.heldOn), number: "LB-\(contest.id)-\(team.id)")
        }
    }
}
