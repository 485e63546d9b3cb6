import LianbingCore
import LianbingFormats
import LianbingStore

/// A contest's ranked list as the printable results page (成绩表) shows it: the same places, teams, members and
/// tie-breaker figures as the CSV download, with the tie-breaker columns in the contest's own order.
struct ContestResultsTable: Sendable {
    struct Row: Sendable {
        var rank: Int
        var team: String
        var unitName: String
        var members: String
        var points: String
        /// One cell per tie-breaker column, in `columns` order.
        var tieBreakers: [String]
        var playoff: String
    }

    var columns: [String]
    var rows: [Row]
    var hasPlayoff: Bool
    var isEmpty: Bool

    init(_ contest: Contest, lines: [ContestResultLine]) {
        columns = contest.tieBreakers.map(Self.heading)
        hasPlayoff = contest.rounds.contains { $0.round.style == .playoff }
        rows = lines.map { line in
            let standing = line.standing
            return Row(
                rank: standing.rank, team: line.team.name, unitName: line.team.unitName,
                members: line.team.members.map { $0.isCaptain && contest.format == .team ? "\($0.name)（队长）" : $0.name }
                    .joined(separator: ContestResultsCSV.memberSeparator),
                points: standing.points.text, tieBreakers: contest.tieBreakers.map { Self.cell($0, standing) }, playoff: standing.playoff.text)
        }
        isEmpty = rows.isEmpty
    }

    /// The column headings the CSV uses for the same figures.
    static func heading(_ tieBreaker: TieBreaker) -> String {
        switch tieBreaker {
        case .written: "笔试"
        case .fewerWrong: "答错题数"
        case .lessTime: "答题用时（秒）"
        }
    }

    static func cell(_ tieBreaker: TieBreaker, _ standing: ContestStanding) -> String {
        switch tieBreaker {
        case .written: standing.written.text
        case .fewerWrong: String(standing.wrongAnswers)
        case .lessTime: ContestResultsCSV.seconds(standing.answerMilliseconds)
        }
    }
}
