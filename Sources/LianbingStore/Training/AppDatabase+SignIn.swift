import Crypto
import Foundation
import GRDB
import LianbingCore

/// The code an organiser's screen shows for attendees to sign in with; it changes every minute.
public struct SignInCode: Sendable, Codable, Equatable {
    public var sessionId: Int64
    public var code: String
    /// When the screen should fetch the next one.
    public var changesAt: Date
    /// The day being signed in for, and when that day's window closes; `nil` outside every window.
    public var day: CivilDate?
    public var windowCloses: Date?
}

public struct SignInReceipt: Sendable, Codable, Equatable {
    public var sessionId: Int64
    public var title: String
    public var day: CivilDate
    public var isWalkIn: Bool
}

/// A session open for signing in now, for the attendee's own page.
public struct OpenSignIn: Sendable, Codable, Equatable {
    public var sessionId: Int64
    public var title: String
    public var unitName: String
    public var day: CivilDate
    public var signedIn: Bool
}

extension AppDatabase {
    /// How long a code lives, and how long after it changes the previous one is still taken (for someone typing it).
    static let signInPeriod: TimeInterval = 60
    static let signInGrace: TimeInterval = 15

    /// The current code of a session the caller organises.
    public func signInCode(_ id: Int64, for principal: Principal) async throws -> SignInCode {
        let now = clock()
        return try await reader.read { db in
            let record = try Self.managedSession(id, for: principal, db)
            guard record.sessionStatus == .published || record.sessionStatus == .held else {
                throw LianbingError.conflict("培训当前为“\(record.sessionStatus.label)”，不能签到")
            }
            let period = Self.period(at: now)
            let day = SignInWindow.day(at: now, startsAt: record.startsAt, endsAt: record.endsAt)
            return SignInCode(
                sessionId: id, code: Self.code(record.signInSecret, session: id, period: period),
                changesAt: Date(timeIntervalSince1970: Double(period + 1) * Self.signInPeriod), day: day,
                windowCloses: day.flatMap { SignInWindow.window(on: $0, startsAt: record.startsAt, endsAt: record.endsAt)?.upperBound })
        }
    }

    /// Signs the caller in with a code from the organiser's screen: only inside that day's window, only for someone
    /// invited or in the audience (then a walk-in), once a day. With no session named, the code finds its session
    /// among those open for the caller now.
    public func signIn(code: String, session: Int64?, by principal: Principal) async throws -> SignInReceipt {
        guard let number = principal.staffNumber else { throw LianbingError.forbidden("只有关联了工作人员的账号可以签到") }
        let code = code.filter { !$0.isWhitespace }
        guard code.count == 6, code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber) else { throw LianbingError.invalid("签到码为 6 位数字") }
        let now = clock()
        return try await writer.write { db in
            let candidates = try session.map { [$0] } ?? Self.openSessions(for: number, at: now, db).map(\.id!)
            for id in candidates {
                guard let record = try TrainingSessionRecord.fetchOne(db, key: id),
                    record.sessionStatus == .published || record.sessionStatus == .held,
                    Self.accepts(code, record, at: now)
                else { continue }
                guard let day = SignInWindow.day(at: now, startsAt: record.startsAt, endsAt: record.endsAt) else {
                    throw LianbingError.conflict("不在签到时间内：每天开始前 30 分钟至结束时可签到")
                }
                let invited = try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM trainingInvitee WHERE sessionId = ? AND staffNumber = ?)", arguments: [id, number]) ?? false
                let inAudience = try Self.isInAudience(number, of: record, db)
                guard invited || inAudience else {
                    throw LianbingError.forbidden("您不在本次培训的对象范围内")
                }
                let already = try Bool.fetchOne(
                    db,
                    sql: "SELECT EXISTS (SELECT 1 FROM trainingAttendance WHERE sessionId = ? AND staffNumber = ? AND day = ? AND status = 'attended')",
                    arguments: [id, number, day.description]) ?? false
                guard !already else { throw LianbingError.conflict("您今天已签到") }
                _ = try Self.writeAttendance(
                    [AttendanceMark(staffNumber: number, day: day, status: .attended)], session: record, source: .code, amendmentReason: nil,
                    by: principal, at: now, db)
                return SignInReceipt(sessionId: id, title: record.title, day: day, isWalkIn: !invited)
            }
            throw LianbingError.invalid("签到码不正确或已过期，请扫描屏幕上最新的二维码")
        }
    }

    /// Sessions the caller could sign in to now: published, inside today's window, inviting them or with them in the
    /// audience.
    public func openSignIns(for principal: Principal) async throws -> [OpenSignIn] {
        guard let number = principal.staffNumber else { return [] }
        let now = clock()
        return try await reader.read { db in
            try Self.openSessions(for: number, at: now, db).compactMap { record in
                guard let day = SignInWindow.day(at: now, startsAt: record.startsAt, endsAt: record.endsAt) else { return nil }
                let signed = try Bool.fetchOne(
                    db,
                    sql: "SELECT EXISTS (SELECT 1 FROM trainingAttendance WHERE sessionId = ? AND staffNumber = ? AND day = ? AND status = 'attended')",
                    arguments: [record.id!, number, day.description]) ?? false
                let unitName = try String.fetchOne(db, sql: "SELECT name FROM unit WHERE code = ?", arguments: [record.unitCode]) ?? ""
                return OpenSignIn(sessionId: record.id!, title: record.title, unitName: unitName, day: day, signedIn: signed)
            }
        }
    }

    /// Published sessions running today that invite `number` or whose audience holds them.
    private static func openSessions(for number: String, at now: Date, _ db: Database) throws -> [TrainingSessionRecord] {
        let today = ChinaTime.civilDate(of: now)
        let earliest = today.adding(days: -TrainingSessionDraft.maximumDays) ?? today
        return try TrainingSessionRecord.fetchAll(
            db,
            sql: """
                SELECT * FROM trainingSession WHERE status IN ('published', 'held') AND startDate >= ? AND startDate <= ? AND endsAt > ?
                ORDER BY startsAt
                """, arguments: [earliest.description, today.description, now]
        ).filter { record in
            guard SignInWindow.day(at: now, startsAt: record.startsAt, endsAt: record.endsAt) != nil else { return false }
            let invited = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM trainingInvitee WHERE sessionId = ? AND staffNumber = ?)", arguments: [record.id!, number])
            return try invited == true || isInAudience(number, of: record, db)
        }
    }

    /// The current code, or the previous one within the grace after it changed.
    static func accepts(_ code: String, _ record: TrainingSessionRecord, at now: Date) -> Bool {
        let period = period(at: now)
        if code == Self.code(record.signInSecret, session: record.id!, period: period) { return true }
        let intoPeriod = now.timeIntervalSince1970 - Double(period) * signInPeriod
        return intoPeriod < signInGrace && code == Self.code(record.signInSecret, session: record.id!, period: period - 1)
    }

    static func period(at date: Date) -> Int64 { Int64((date.timeIntervalSince1970 / signInPeriod).rounded(.down)) }

    /// Six digits from an HMAC of the session and the minute, keyed by the session's secret (never shown).
    static func code(_ secret: Data, session: Int64, period: Int64) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(session):\(period)".utf8), using: SymmetricKey(data: secret))
        let value = mac.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) } % 1_000_000
        let digits = String(value)
        return String(repeating: "0", count: 6 - digits.count) + digits
    }
}
