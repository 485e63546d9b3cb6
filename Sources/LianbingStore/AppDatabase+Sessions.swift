import Crypto
import Foundation
import GRDB
import LianbingCore

/// A signed-in browser or API client.
public struct SessionInfo: Sendable, Equatable {
    public var principal: Principal
    public var account: Account
    /// The token every state-changing request must echo (form field or `X-CSRF-Token`).
    public var csrfToken: String
    /// Stored form of the cookie value; lets a password change keep this session while ending the others.
    public var tokenHash: String
}

/// What a successful login hands back: the cookie value (never stored) and the session it opens.
public struct NewSession: Sendable, Equatable {
    public var token: String
    public var session: SessionInfo
}

public struct SessionPolicy: Sendable {
    /// A session unused for this long is over.
    public var idleTimeout: TimeInterval
    /// `lastSeenAt` is written at most this often, so reads do not each turn into a write.
    public var touchInterval: TimeInterval

    public init(idleTimeout: TimeInterval = 2 * 3600, touchInterval: TimeInterval = 60) {
        self.idleTimeout = idleTimeout
        self.touchInterval = touchInterval
    }
}

extension AppDatabase {
    /// Checks a username and password and opens a session. Wrong usernames, wrong passwords and disabled
    /// accounts all answer `.unauthenticated` after the same bcrypt work, so none can be told apart.
    public func logIn(username: String, password: String, address: String?, userAgent: String?) async throws -> NewSession {
        let record = try await accountRecord(typed: username)
        guard let record else {
            await passwords.verifyAgainstNothing(password)
            throw LianbingError.unauthenticated
        }
        guard await passwords.verify(password, hash: record.passwordHash), !record.isDisabled else {
            throw LianbingError.unauthenticated
        }
        let token = Self.randomToken()
        let csrf = Self.randomToken()
        let now = clock()
        return try await writer.write { db in
            let session = SessionRecord(
                tokenHash: Self.hashToken(token), accountId: record.id!, csrfToken: csrf, createdAt: now, lastSeenAt: now,
                address: address, userAgent: userAgent.map { String($0.prefix(256)) })
            try session.insert(db)
            try db.execute(sql: "UPDATE account SET lastLoginAt = ? WHERE id = ?", arguments: [now, record.id])
            let principal = try Self.principal(for: record, db)
            return NewSession(token: token, session: SessionInfo(principal: principal, account: record.account, csrfToken: csrf, tokenHash: session.tokenHash))
        }
    }

    /// The stored spelling of the account a typed username names (the column ignores case), or `nil`: what login
    /// throttling counts against, so that one account is one count however its name is typed.
    public func accountUsername(typed: String) async throws -> String? {
        try await accountRecord(typed: typed)?.username
    }

    /// SQLite receives bound text as a C string, so `"admin\u{0}…"` would be looked up as `admin`: a name that
    /// could never have been created (`Account.isValidUsername`) is refused before it reaches a query.
    private func accountRecord(typed: String) async throws -> AccountRecord? {
        guard Account.isValidUsername(typed) else { return nil }
        return try await reader.read { db in try AccountRecord.filter(Column("username") == typed).fetchOne(db) }
    }

    /// The session a cookie names, if it is still open; marks it used.
    public func session(token: String, policy: SessionPolicy) async throws -> SessionInfo? {
        let tokenHash = Self.hashToken(token)
        let now = clock()
        // Every request comes here: cached statements spare building and compiling the same SQL each time.
        let found = try await reader.read { db -> (SessionRecord, AccountRecord, Principal)? in
            guard let session = try SessionRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM session WHERE tokenHash = ?"), arguments: [tokenHash]),
                let account = try AccountRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM account WHERE id = ?"), arguments: [session.accountId]),
                !account.isDisabled
            else { return nil }
            return (session, account, try Self.principal(for: account, db))
        }
        guard let (session, account, principal) = found else { return nil }
        if now.timeIntervalSince(session.lastSeenAt) > policy.idleTimeout {
            try await endSession(token: token)
            return nil
        }
        if now.timeIntervalSince(session.lastSeenAt) > policy.touchInterval {
            try await batcher.write { db in
                try db.execute(sql: "UPDATE session SET lastSeenAt = ? WHERE tokenHash = ?", arguments: [now, tokenHash])
            }
        }
        return SessionInfo(principal: principal, account: account.account, csrfToken: session.csrfToken, tokenHash: tokenHash)
    }

    public func endSession(token: String) async throws {
        try await writer.write { db in _ = try SessionRecord.deleteOne(db, key: Self.hashToken(token)) }
    }

    /// Removes sessions idle past the policy; run now and then by the server.
    public func purgeSessions(policy: SessionPolicy) async throws -> Int {
        let cutoff = clock().addingTimeInterval(-policy.idleTimeout)
        return try await writer.write { db in try SessionRecord.filter(Column("lastSeenAt") < cutoff).deleteAll(db) }
    }

    static func principal(for account: AccountRecord, _ db: Database) throws -> Principal {
        guard let unit = try UnitRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM unit WHERE code = ?"), arguments: [account.unitCode]) else { throw LianbingError.notFound("单位 \(account.unitCode)") }
        return Principal(
            kind: .account(id: account.id!, username: account.username, role: Role(rawValue: account.role)!, staffNumber: account.staffNumber),
            scope: unit.unitPath)
    }

    /// 256 bits from the system's secure generator, URL-safe.
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Lower-case hex, by table: every request hashes its cookie, and `String(format:)` per byte was a visible
    /// part of a request's cost.
    static func hashToken(_ token: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(2 * SHA256.byteCount)
        for byte in SHA256.hash(data: Data(token.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
