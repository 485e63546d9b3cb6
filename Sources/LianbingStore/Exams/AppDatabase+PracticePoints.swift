import Foundation
import GRDB
import LianbingCore

/// A knowledge point that self-tests can draw on, with how many practice questions lie under it.
public struct PracticePoint: Sendable, Codable, Equatable {
    /// A full path such as `队伍建设/常态化培训`, or a top-level point such as `队伍建设`.
    public var knowledgePoint: String
    /// Distinct questions filed under this point or any point below it.
    public var questions: Int
}

extension AppDatabase {
    /// Every knowledge point of the current bank's practice questions (`practice` and `both`), each level of each
    /// path, in path order. A top-level point counts each question once even when two of its sub-points hold it, and
    /// the questions held back for the caller's open assessments are left out, so the number matches what a self-test
    /// on that point can draw.
    public func practicePoints(by principal: Principal) async throws -> [PracticePoint] {
        let number = try Self.ownStaffNumber(principal)
        let now = clock()
        return try await reader.read { db in
            var counts: [String: Int] = [:]
            let held = try Self.heldBackQuestions(for: number, now: now, db)
            for question in try Self.pool(db, bankRevision: Self.currentBankRevision(db))
            where PaperPurpose.selfTest.admits(question.usage) && !held.contains(question.id) {
                var levels: Set<String> = []
                for point in question.knowledgePoints {
                    let parts = point.split(separator: "/")
                    for depth in parts.indices { levels.insert(parts[...depth].joined(separator: "/")) }
                }
                for level in levels { counts[level, default: 0] += 1 }
            }
            return counts.sorted { $0.key < $1.key }.map { PracticePoint(knowledgePoint: $0.key, questions: $0.value) }
        }
    }
}
