import Foundation
import GRDB
import LianbingCore

/// A session opened without a login, for a load or durability benchmark to act as one candidate.
public struct LoadSession: Sendable, Equatable {
    public var staffNumber: String
    /// The `lb_session` cookie value.
    public var token: String
    public var csrfToken: String
}

extension AppDatabase {
    /// Opens one session for each of these staff members, giving any without an account a staff account (username
    /// the staff number) that has no usable password. Benchmarks sign in tens of thousands of candidates, and that
    /// many bcrypt logins would take hours. Operator (CLI) only, in one transaction.
    public func openLoadSessions(forStaff numbers: [String], by principal: Principal) async throws -> [LoadSession] {
        guard case .operator = principal.kind else { throw LianbingError.forbidden("只有服务器上的操作员可以直接开启会话") }
        let now = clock()
        let sessions = numbers.map { LoadSession(staffNumber: $0, token: Self.randomToken(), csrfToken: Self.randomToken()) }
        try await writer.write { db in
            for session in sessions {
                guard let staff = try StaffRecord.fetchOne(db, key: session.staffNumber) else {
                    throw LianbingError.notFound("工作人员 \(session.staffNumber)")
                }
                var account = try AccountRecord.filter(Column("staffNumber") == staff.number).fetchOne(db)
                if account == nil {
                    // "!" is no bcrypt hash, so no password ever verifies against it.
                    var created = AccountRecord(
                        id: nil, username: staff.number, passwordHash: "!", role: Role.staff.rawValue, unitCode: staff.unitCode,
                        staffNumber: staff.number, mustChangePassword: false, isDisabled: false, createdAt: now)
                    try created.insert(db)
                    account = created
                }
                try SessionRecord(
                    tokenHash: Self.hashToken(session.token), accountId: account!.id!, csrfToken: session.csrfToken, createdAt: now,
                    lastSeenAt: now, address: nil, userAgent: "lianbing-bench"
                ).insert(db)
            }
            try db.audit(principal, "session.load-open", "\(sessions.count) 个会话", "基准测试", at: now)
        }
        return sessions
    }
}
