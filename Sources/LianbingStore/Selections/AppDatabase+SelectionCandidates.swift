import Foundation
import GRDB
import LianbingCore

extension AppDatabase {
    /// Every eligible candidate of a selection with what the product recorded of them over its period: active staff of
    /// the rules' posts (and levels) in the subtree at `root`, still in service on the period's last day. `today`
    /// bounds what a period not yet over can read.
    static func selectionCandidates(_ rules: SelectionRules, root: UnitRecord, today: CivilDate, _ db: Database) throws -> [SelectionCandidate] {
        let lastDay = min(rules.through, today)
        var units: [String: (name: String, level: Int, path: String)] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT code, name, level, path FROM unit WHERE path >= ? AND path < ?", arguments: [root.unitPath.lowerBound, root.unitPath.upperBound])
        {
            units[row["code"]] = (row["name"], row["level"], row["path"])
        }
        let posts = rules.posts.map { _ in "?" }.joined(separator: ", ")
        let levels = rules.levels.isEmpty ? "" : "AND u.level IN (\(rules.levels.map { String($0.rawValue) }.joined(separator: ", ")))"
        let staff = try Row.fetchAll(
            db,
            sql: """
                SELECT s.number, s.name, s.unitCode FROM staff s JOIN unit u ON u.code = s.unitCode
                WHERE u.path >= ? AND u.path < ? AND s.isActive AND (s.leftOn IS NULL OR s.leftOn > ?) AND s.post IN (\(posts)) \(levels)
                ORDER BY s.number
                """,
            arguments: StatementArguments([root.unitPath.lowerBound, root.unitPath.upperBound, lastDay.description] + rules.posts))
        guard !staff.isEmpty else { return [] }
        let numbers = Set(staff.map { $0["number"] as String })
        let data = try SelectionData.read(rules.criteria.map(\.criterion), numbers: numbers, root: root, from: rules.from, lastDay: lastDay, db)
        return staff.map { row in
            let number: String = row["number"], unitCode: String = row["unitCode"]
            let quota = quotaUnit(of: unitCode, sharing: rules.quota.sharing, root: root, units: units)
            return SelectionCandidate(
                number: number, name: row["name"], unitCode: unitCode, unitName: units[unitCode]?.name ?? unitCode, quotaUnit: quota,
                quotaUnitName: units[quota]?.name ?? root.name, raw: rules.criteria.map { data.value($0.criterion, number) },
                ratingCount: data.ratingCounts[number] ?? 0, hasValidCertificate: data.certified.contains(number),
                trainingCovered: !data.uncovered.contains(number))
        }
    }

    /// The unit a candidate's place is counted against: the selection's own unit for one list, else the first unit
    /// below it on the candidate's path at the quota's level or deeper (a town directly under a city, as in Dongguan,
    /// counts as a county of its own).
    static func quotaUnit(
        of unitCode: String, sharing: SelectionQuota.Sharing, root: UnitRecord, units: [String: (name: String, level: Int, path: String)]
    ) -> String {
        guard let level = sharing.level, let path = units[unitCode]?.path else { return root.code }
        let codes = UnitPath(rawValue: path).codes.drop { $0 != root.code }.dropFirst()
        return codes.first { (units[$0]?.level ?? Int.max) >= level.rawValue } ?? root.code
    }
}

/// What a selection reads for its candidates, one query per criterion for all of them.
struct SelectionData {
    var assessment: [String: Double] = [:]
    var contest: [String: Double] = [:]
    var hours: [String: Double] = [:]
    var curriculum: [String: Double] = [:]
    var satisfaction: [String: Double] = [:]
    var ratingCounts: [String: Int] = [:]
    var certified: Set<String> = []
    var uncovered: Set<String> = []

    func value(_ criterion: SelectionCriterion, _ number: String) -> Double? {
        switch criterion {
        case .assessment: assessment[number]
        case .contest: contest[number]
        case .trainingHours: hours[number] ?? 0
        case .curriculum: curriculum[number]
        case .satisfaction: satisfaction[number]
        case .certificate: certified.contains(number) ? 100 : 0
        }
    }

    /// Minimum requirements read certificates, coverage and rating counts whatever the criteria, so all are read.
    static func read(
        _ criteria: [SelectionCriterion], numbers: Set<String>, root: UnitRecord, from: CivilDate, lastDay: CivilDate, _ db: Database
    ) throws -> SelectionData {
        var data = SelectionData()
        let (first, last) = (from.description, lastDay.description)
        let (lower, upper) = (root.unitPath.lowerBound, root.unitPath.upperBound)
        let inSubtree = "staffNumber IN (SELECT s.number FROM staff s JOIN unit u ON u.code = s.unitCode WHERE u.path >= ? AND u.path < ?)"

        if criteria.contains(.assessment) {
            // Released centralised assessments that closed in the period, each as a percentage of its paper's total.
            let start = ChinaTime.parse("\(first) 00:00")!, end = ChinaTime.parse("\(last) 00:00")!.addingTimeInterval(86_400)
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT a.staffNumber, AVG(a.score * 100.0 / a.maxScore) AS percent FROM attempt a JOIN exam e ON e.id = a.examId
                    WHERE e.status = 'released' AND e.closesAt >= ? AND e.closesAt < ? AND a.score IS NOT NULL AND a.maxScore > 0
                        AND a.\(inSubtree)
                    GROUP BY a.staffNumber
                    """, arguments: [start, end, lower, upper])
            where numbers.contains(row["staffNumber"]) {
                data.assessment[row["staffNumber"]] = row["percent"]
            }
        }
        if criteria.contains(.contest) {
            data.contest = try AppDatabase.contestPlacings(where: "m.\(inSubtree)", [lower, upper], from: from, through: lastDay, db)
                .filter { numbers.contains($0.key) }.compactMapValues(ContestPercentile.best)
        }
        if criteria.contains(.trainingHours) {
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT staffNumber, SUM(hours) AS hours FROM trainingAttendance
                    WHERE status = 'attended' AND day BETWEEN ? AND ? AND \(inSubtree) GROUP BY staffNumber
                    """, arguments: [first, last, lower, upper])
            where numbers.contains(row["staffNumber"]) {
                data.hours[row["staffNumber"]] = row["hours"]
            }
        }
        if criteria.contains(.curriculum) {
            let cycle = try AppDatabase.trainingSettings(db).cycle(containing: lastDay)
            try AppDatabase.forEachCurriculumGap(under: root.unitPath, cycle: cycle, today: lastDay, db) { entry, standard, gap in
                guard numbers.contains(entry.number), let standard, let gap, !standard.isWithdrawal else { return }
                var parts: [Double] = []
                if standard.hours > 0 { parts.append((standard.hours - gap.missingHours) / standard.hours) }
                if !standard.topics.isEmpty { parts.append(Double(standard.topics.count - gap.missingTopics.count) / Double(standard.topics.count)) }
                data.curriculum[entry.number] = parts.reduce(0, +) / Double(parts.count) * 100
            }
        }
        // Ratings naming a candidate: counted for the minimum, averaged (Bayesian, towards all candidates' mean) for
        // the criterion.
        var summaries: [SatisfactionSummary] = []
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT staffNumber, COUNT(*) AS count, SUM(overall) AS sum FROM satisfactionRating
                WHERE staffNumber IS NOT NULL AND day BETWEEN ? AND ? AND \(inSubtree) GROUP BY staffNumber
                """, arguments: [first, last, lower, upper])
        where numbers.contains(row["staffNumber"]) {
            data.ratingCounts[row["staffNumber"]] = row["count"]
            summaries.append(SatisfactionSummary(key: row["staffNumber"], name: "", count: row["count"], sum: row["sum"]))
        }
        if criteria.contains(.satisfaction), let prior = BayesianAverage.prior(of: summaries) {
            for summary in summaries {
                data.satisfaction[summary.key] = BayesianAverage.value(sum: summary.sum, count: summary.count, prior: prior)
            }
        }
        for number in try String.fetchAll(
            db,
            sql: """
                SELECT DISTINCT staffNumber FROM certificate
                WHERE issuedOn <= ? AND expiresOn >= ? AND revokedAt IS NULL AND \(inSubtree)
                """, arguments: [last, last, lower, upper])
        where numbers.contains(number) {
            data.certified.insert(number)
        }
        let settings = try AppDatabase.trainingSettings(db)
        let roster = try AppDatabase.coverageRoster(
            under: root.unitPath, settings: settings, cycle: settings.cycle(containing: lastDay), today: lastDay, db)
        for entry in roster.entries {
            if case .uncovered = entry.standing { data.uncovered.insert(roster.numbers.key(at: entry.person)) }
        }
        return data
    }
}
