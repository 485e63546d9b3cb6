import Foundation
import GRDB
import LianbingCore

/// What a candidate is told of an exam's rules before and after sitting it: what of the result they will see and
/// from when, the pass mark, and whether passing certifies.
public struct CandidateRules: Sendable, Equatable {
    public var examId: Int64
    public var review: ReviewPolicy
    public var passMark: Double
    public var certifies: Bool
    public var reviewRequestDays: Int
}

extension AppDatabase {
    /// The rules of every published exam the caller is a candidate in, by exam id.
    public func candidateRules(by principal: Principal) async throws -> [Int64: CandidateRules] {
        let number = try Self.ownStaffNumber(principal)
        return try await reader.read { db in
            let exams = try ExamRecord.fetchAll(
                db,
                sql: """
                    SELECT e.* FROM examCandidate c JOIN exam e ON e.id = c.examId
                    WHERE c.staffNumber = ? AND e.status != 'draft'
                    """, arguments: [number])
            return Dictionary(
                uniqueKeysWithValues: exams.map {
                    ($0.id!, CandidateRules(
                        examId: $0.id!, review: $0.reviewPolicy, passMark: $0.passMark, certifies: $0.certifies,
                        reviewRequestDays: $0.reviewRequestDays))
                })
        }
    }
}
