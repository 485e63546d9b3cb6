import Crypto
import Foundation
import GRDB
import LianbingCore

/// Rating addresses (`/rate/<token>`), who is listed on them, and the signed cookies of the public form.
///
/// An address is made the first time an administrator opens the unit's rating page, and replaced on demand (a
/// defaced or leaked poster): the old address then answers "not found". Administrators manage their subtree only.
extension AppDatabase {
    /// The unit's rating address, made now if it has none.
    public func ratingStation(_ unitCode: String, by principal: Principal) async throws -> RatingStation {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以管理评价地址") }
        let now = clock()
        return try await writer.write { db in
            let unit = try Self.unitInScope(unitCode, for: principal, db)
            if try String.fetchOne(db, sql: "SELECT token FROM ratingStation WHERE unitCode = ?", arguments: [unit.code]) == nil {
                try Self.insertRatingStation(unit.code, by: principal.auditName, at: now, db)
                try db.audit(principal, "rating.station", "评价地址 \(unit.code)", "\(unit.name)：生成评价地址", unitCode: unit.code, at: now)
            }
            return try Self.ratingStation(unit, db)
        }
    }

    /// A new address for the unit; the old one, its posters and its counter key stop working.
    public func replaceRatingToken(_ unitCode: String, by principal: Principal) async throws -> RatingStation {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以管理评价地址") }
        let now = clock()
        return try await writer.write { db in
            let unit = try Self.unitInScope(unitCode, for: principal, db)
            try db.execute(sql: "DELETE FROM ratingStation WHERE unitCode = ?", arguments: [unit.code])
            try Self.insertRatingStation(unit.code, by: principal.auditName, at: now, db)
            try db.audit(principal, "rating.token", "评价地址 \(unit.code)", "\(unit.name)：更换评价地址，旧海报失效", unitCode: unit.code, at: now)
            return try Self.ratingStation(unit, db)
        }
    }

    /// Lists (or unlists) a member of staff on their unit's public form. Their administrators may, and so may they.
    public func setRatingListing(_ staffNumber: String, listed: Bool, by principal: Principal) async throws {
        let now = clock()
        try await writer.write { db in
            guard let staff = try StaffRecord.fetchOne(db, key: staffNumber) else { throw LianbingError.notFound("工作人员 \(staffNumber)") }
            let unit = try UnitRecord.fetchOne(db, key: staff.unitCode)
            let own = principal.staffNumber == staff.number
            guard own || (principal.has(.admin) && unit.map { principal.covers($0.unitPath) } == true) else {
                throw LianbingError.notFound("工作人员 \(staffNumber)")
            }
            if listed {
                try db.execute(
                    sql: "INSERT INTO ratingStaffListing (staffNumber, listedAt, listedBy) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    arguments: [staff.number, now, principal.auditName])
            } else {
                try db.execute(sql: "DELETE FROM ratingStaffListing WHERE staffNumber = ?", arguments: [staff.number])
            }
            try db.audit(
                principal, "rating.listing", "工作人员 \(staff.number)", "\(staff.name)：\(listed ? "列入" : "移出")评价页可选人员", unitCode: staff.unitCode, at: now)
        }
    }

    /// What the public form at `/rate/<token>` shows; "not found" for an unknown or replaced token.
    public func publicRatingStation(token: String) async throws -> PublicRatingStation {
        try await reader.read { db in
            let unit = try Self.unitForRatingToken(token, db)
            return PublicRatingStation(unitName: unit.name, staff: try Self.publicStaffChoices(unit.code, token: token, db))
        }
    }

    /// The unit code behind a token, for the server's per-unit limits; "not found" for an unknown token.
    public func ratingUnitCode(token: String) async throws -> String {
        try await reader.read { db in try Self.unitForRatingToken(token, db).code }
    }

    // MARK: - Signed cookies

    /// A new device cookie for the public form: a random id and its signature. The id identifies the device for "one
    /// rating per device per unit per day"; the signature lets the form's double-submit token be checked without
    /// storing anything, and stops a cookie set from elsewhere (a sibling domain) from naming an id of its choosing.
    public func newRatingDevice() async throws -> String {
        let id = Self.randomToken()
        return id + "." + (try await ratingSignature("device:" + id))
    }

    /// The device id of a cookie this database signed, else `nil`.
    public func verifiedRatingDevice(_ cookie: String) async throws -> String? {
        let parts = cookie.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, (20...64).contains(parts[0].count) else { return nil }
        let expected = try await ratingSignature("device:" + parts[0])
        return Self.constantTimeEquals(expected, String(parts[1])) ? String(parts[0]) : nil
    }

    /// Whether `key` opens the counter mode of the unit at `token`.
    public func isRatingCounterKey(_ key: String, token: String) async throws -> Bool {
        _ = try await ratingUnitCode(token: token)
        return Self.constantTimeEquals(try await ratingSignature("counter:" + token), key)
    }

    private func ratingSignature(_ message: String) async throws -> String {
        let secret = try await reader.read { db in try Data.fetchOne(db, sql: "SELECT secret FROM ratingKey WHERE id = 1") }
        guard let secret else { throw LianbingError.conflict("评价签名密钥缺失") }
        return Self.ratingSignature(message, secret: secret)
    }

    static func ratingSignature(_ message: String, secret: Data) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: SymmetricKey(data: secret))
        return Data(mac).prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    // MARK: - Helpers

    static func insertRatingStation(_ unitCode: String, by actor: String, at now: Date, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO ratingStation (unitCode, token, createdAt, createdBy) VALUES (?, ?, ?, ?)",
            arguments: [unitCode, randomToken(), now, actor])
    }

    static func unitForRatingToken(_ token: String, _ db: Database) throws -> UnitRecord {
        guard token.count <= 64,
            let unit = try UnitRecord.fetchOne(db, sql: "SELECT u.* FROM ratingStation r JOIN unit u ON u.code = r.unitCode WHERE r.token = ?", arguments: [token])
        else { throw LianbingError.notFound("评价地址") }
        return unit
    }

    static func ratingStation(_ unit: UnitRecord, _ db: Database) throws -> RatingStation {
        let row = try Row.fetchOne(db, sql: "SELECT token, createdAt FROM ratingStation WHERE unitCode = ?", arguments: [unit.code])!
        let token: String = row["token"]
        let secret = try Data.fetchOne(db, sql: "SELECT secret FROM ratingKey WHERE id = 1") ?? Data()
        let staff = try Row.fetchAll(
            db,
            sql: """
                SELECT s.number, s.name, s.post, l.staffNumber IS NOT NULL AS listed FROM staff s
                LEFT JOIN ratingStaffListing l ON l.staffNumber = s.number WHERE s.unitCode = ? AND s.isActive ORDER BY s.number
                """, arguments: [unit.code]
        ).map { RatingStaffListing(staffNumber: $0["number"], name: $0["name"], post: $0["post"], listed: $0["listed"]) }
        return RatingStation(
            unitCode: unit.code, unitName: unit.name, token: token, counterKey: ratingSignature("counter:" + token, secret: secret),
            createdAt: row["createdAt"], staff: staff)
    }

    /// Listed, active staff of the unit; each choice is a hash of the token and the number, so the page names nobody's
    /// staff number and a choice means nothing at another unit.
    static func publicStaffChoices(_ unitCode: String, token: String, _ db: Database) throws -> [PublicStaffChoice] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT s.number, s.name, s.post FROM staff s JOIN ratingStaffListing l ON l.staffNumber = s.number
                WHERE s.unitCode = ? AND s.isActive ORDER BY s.number
                """, arguments: [unitCode]
        ).map { row in
            PublicStaffChoice(choice: staffChoice(token: token, number: row["number"]), maskedName: HolderNameMask.mask(row["name"]), post: row["post"])
        }
    }

    static func staffChoice(token: String, number: String) -> String {
        String(hashToken(token + "\n" + number).prefix(12))
    }
}
