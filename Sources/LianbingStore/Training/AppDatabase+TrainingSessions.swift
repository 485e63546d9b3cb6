import Foundation
import GRDB
import LianbingCore

/// Which sessions a list shows.
public struct TrainingSessionFilter: Sendable, Equatable {
    public var unit: String?
    public var status: TrainingSessionStatus?
    public var from: CivilDate?
    public var to: CivilDate?

    public init(unit: String? = nil, status: TrainingSessionStatus? = nil, from: CivilDate? = nil, to: CivilDate? = nil) {
        self.unit = unit
        self.status = status
        self.from = from
        self.to = to
    }
}

extension AppDatabase {
    /// Creates a draft session organised by a unit in the caller's subtree, with its invitees (all of them must be
    /// in the audience).
    public func createTrainingSession(_ draft: TrainingSessionDraft, invitees: [String] = [], by principal: Principal) async throws -> TrainingSession {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以安排培训") }
        let draft = try draft.validated()
        let now = clock()
        return try await writer.write { db in
            let record = try Self.insertTrainingSession(draft, invitees: invitees, by: principal, at: now, db)
            return try Self.trainingSession(record, for: principal, db)
        }
    }

    /// Stores a validated draft as a new session of a unit in the caller's subtree, with its trainers and invitees.
    static func insertTrainingSession(
        _ draft: TrainingSessionDraft, invitees: [String], by principal: Principal, at now: Date, _ db: Database
    ) throws -> TrainingSessionRecord {
        try checkPlacement(draft, for: principal, db)
        var record = TrainingSessionRecord(draft, createdBy: principal.auditName, at: now)
        try record.insert(db)
        let id = record.id!
        try saveTrainers(draft.trainers, session: id, db)
        try invite(invitees, to: record, db)
        try db.audit(principal, "training.create", "培训 \(id)", record.title, unitCode: record.unitCode, at: now)
        return record
    }

    /// Changes a session that is not yet closed. The organiser stays; invitees outside the new audience are refused.
    public func updateTrainingSession(_ id: Int64, _ draft: TrainingSessionDraft, by principal: Principal) async throws -> TrainingSession {
        let draft = try draft.validated()
        let now = clock()
        return try await writer.write { db in
            var record = try Self.managedSession(id, for: principal, db)
            guard record.sessionStatus != .closed else { throw LianbingError.conflict("培训已结束，不能再修改；出勤更正请填写更正原因") }
            guard draft.unitCode == record.unitCode else { throw LianbingError.invalid("不能更改培训的主办单位") }
            try Self.checkPlacement(draft, for: principal, db)
            if record.sessionStatus != .draft {
                let recorded = try String.fetchAll(db, sql: "SELECT DISTINCT day FROM trainingAttendance WHERE sessionId = ?", arguments: [id])
                let days = Set(draft.days.map(\.description))
                if let outside = recorded.first(where: { !days.contains($0) }) {
                    throw LianbingError.conflict("\(outside) 已有出勤记录，培训日期须包含这一天")
                }
            }
            record.apply(draft)
            try record.update(db)
            try db.execute(sql: "DELETE FROM trainingTrainer WHERE sessionId = ?", arguments: [id])
            try Self.saveTrainers(draft.trainers, session: id, db)
            let outside = try Self.invitees(of: id, db).filter { !(try Self.isInAudience($0, of: record, db)) }
            if !outside.isEmpty {
                throw LianbingError.invalid("已邀请的 \(outside.count) 人不在新的培训对象范围内（如 \(outside[0])），请先取消邀请")
            }
            try db.audit(principal, "training.edit", "培训 \(id)", record.title, unitCode: record.unitCode, at: now)
            return try Self.trainingSession(record, for: principal, db)
        }
    }

    /// Invites people of the audience; `nil` invites everyone in it who is in post. Capacity is respected.
    public func inviteToTraining(_ id: Int64, staff numbers: [String]?, by principal: Principal) async throws -> TrainingSession {
        let now = clock()
        return try await writer.write { db in
            let record = try Self.managedSession(id, for: principal, db)
            guard record.sessionStatus != .closed else { throw LianbingError.conflict("培训已结束，不能再邀请") }
            let numbers = try numbers ?? Self.audience(of: record, db)
            let added = try Self.invite(numbers, to: record, db)
            try db.audit(principal, "training.invite", "培训 \(id)", "邀请 \(added) 人", unitCode: record.unitCode, at: now)
            return try Self.trainingSession(record, for: principal, db)
        }
    }

    public func uninviteFromTraining(_ id: Int64, staff number: String, by principal: Principal) async throws {
        let now = clock()
        try await writer.write { db in
            let record = try Self.managedSession(id, for: principal, db)
            guard record.sessionStatus != .closed else { throw LianbingError.conflict("培训已结束，不能取消邀请") }
            try db.execute(sql: "DELETE FROM trainingInvitee WHERE sessionId = ? AND staffNumber = ?", arguments: [id, number])
            guard db.changesCount > 0 else { throw LianbingError.notFound("受邀人员 \(number)") }
            try db.audit(principal, "training.uninvite", "培训 \(id)", number, unitCode: record.unitCode, at: now)
        }
    }

    /// Draft → published: invitees see it, and sign-in opens in each day's window.
    public func publishTrainingSession(_ id: Int64, by principal: Principal) async throws -> TrainingSession {
        try await changeStatus(id, from: [.draft], to: .published, action: "training.publish", by: principal)
    }

    /// Locks attendance: later corrections are amendments with a reason.
    public func closeTrainingSession(_ id: Int64, by principal: Principal) async throws -> TrainingSession {
        try await changeStatus(id, from: [.published, .held], to: .closed, action: "training.close", by: principal)
    }

    /// A draft that was never published leaves no record behind.
    public func deleteTrainingSession(_ id: Int64, by principal: Principal) async throws {
        let now = clock()
        try await writer.write { db in
            let record = try Self.managedSession(id, for: principal, db)
            guard record.sessionStatus == .draft else { throw LianbingError.conflict("培训已发布，不能删除") }
            try db.audit(principal, "training.delete", "培训 \(id)", record.title, unitCode: record.unitCode, at: now)
            _ = try TrainingSessionRecord.deleteOne(db, key: id)
        }
    }

    private func changeStatus(
        _ id: Int64, from: Set<TrainingSessionStatus>, to: TrainingSessionStatus, action: String, by principal: Principal
    ) async throws -> TrainingSession {
        let now = clock()
        return try await writer.write { db in
            var record = try Self.managedSession(id, for: principal, db)
            guard from.contains(record.sessionStatus) else {
                throw LianbingError.conflict("培训当前为“\(record.sessionStatus.label)”，不能改为“\(to.label)”")
            }
            record.status = to.rawValue
            if to == .published { record.publishedAt = now }
            if to == .closed { record.closedAt = now }
            try record.update(db)
            try db.audit(principal, action, "培训 \(id)", record.title, unitCode: record.unitCode, at: now)
            return try Self.trainingSession(record, for: principal, db)
        }
    }

    /// Sessions the caller manages (organised in their subtree) and, read-only, sessions of ancestor units their
    /// staff are invited to; newest first.
    public func trainingSessions(_ filter: TrainingSessionFilter = .init(), page: PageRequest, for principal: Principal) async throws -> Page<TrainingSession> {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以管理培训") }
        return try await reader.read { db in
            let root = try filter.unit.map { try Self.unitInScope($0, for: principal, db).unitPath } ?? principal.scope
            var conditions = [
                """
                ((u.path >= ? AND u.path < ?) OR EXISTS (
                    SELECT 1 FROM trainingInvitee i JOIN staff st ON st.number = i.staffNumber JOIN unit su ON su.code = st.unitCode
                    WHERE i.sessionId = t.id AND su.path >= ? AND su.path < ?))
                """
            ]
            var arguments: StatementArguments = [root.lowerBound, root.upperBound, root.lowerBound, root.upperBound]
            if let status = filter.status {
                conditions.append("t.status = ?")
                arguments += [status.rawValue]
            }
            if let from = filter.from {
                conditions.append("t.startDate >= ?")
                arguments += [from.description]
            }
            if let to = filter.to {
                conditions.append("t.startDate <= ?")
                arguments += [to.description]
            }
            let whereClause = conditions.joined(separator: " AND ")
            let total = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM trainingSession t JOIN unit u ON u.code = t.unitCode WHERE \(whereClause)", arguments: arguments) ?? 0
            let records = try TrainingSessionRecord.fetchAll(
                db,
                sql: """
                    SELECT t.* FROM trainingSession t JOIN unit u ON u.code = t.unitCode WHERE \(whereClause)
                    ORDER BY t.startsAt DESC, t.id DESC LIMIT ? OFFSET ?
                    """, arguments: arguments + [page.perPage, page.offset])
            return Page(items: try records.map { try Self.trainingSession($0, for: principal, db) }, page: page.page, perPage: page.perPage, total: total)
        }
    }

    public func trainingSession(_ id: Int64, for principal: Principal) async throws -> TrainingSession {
        try await reader.read { db in try Self.trainingSession(Self.visibleSession(id, for: principal, db), for: principal, db) }
    }

    /// The invitees of a session the caller may see, with each one's unit: the organiser's list and sign-in sheet.
    public func trainingInvitees(_ id: Int64, for principal: Principal) async throws -> [StaffListing] {
        try await reader.read { db in
            let record = try Self.visibleSession(id, for: principal, db)
            let managed = principal.covers(try Self.unitPath(record.unitCode, db))
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.*, u.name AS unitName, u.path AS unitPath, a.username AS username
                    FROM trainingInvitee i JOIN staff s ON s.number = i.staffNumber JOIN unit u ON u.code = s.unitCode
                    LEFT JOIN account a ON a.staffNumber = s.number
                    WHERE i.sessionId = ? ORDER BY u.path, s.number
                    """, arguments: [id])
            // Read-only viewers of an ancestor's session see only their own people.
            return try rows.filter { managed || principal.covers(UnitPath(rawValue: $0["unitPath"])) }.map {
                StaffListing(staff: try StaffRecord(row: $0).staff, unitName: $0["unitName"], username: $0["username"])
            }
        }
    }

    // MARK: - Rules shared by the training methods

    /// A session the caller organises (its unit in their subtree), as trainer or administrator.
    static func managedSession(_ id: Int64, for principal: Principal, _ db: Database) throws -> TrainingSessionRecord {
        guard principal.has(.trainer), let record = try TrainingSessionRecord.fetchOne(db, key: id),
            principal.covers(try unitPath(record.unitCode, db))
        else { throw LianbingError.notFound("培训 \(id)") }
        return record
    }

    /// A session the caller may look at: one they manage, or one inviting someone of their subtree.
    static func visibleSession(_ id: Int64, for principal: Principal, _ db: Database) throws -> TrainingSessionRecord {
        guard principal.has(.trainer), let record = try TrainingSessionRecord.fetchOne(db, key: id) else {
            throw LianbingError.notFound("培训 \(id)")
        }
        if principal.covers(try unitPath(record.unitCode, db)) { return record }
        let invitesOwn = try Bool.fetchOne(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM trainingInvitee i JOIN staff s ON s.number = i.staffNumber JOIN unit u ON u.code = s.unitCode
                WHERE i.sessionId = ? AND u.path >= ? AND u.path < ?)
                """, arguments: [id, principal.scope.lowerBound, principal.scope.upperBound]) ?? false
        guard invitesOwn else { throw LianbingError.notFound("培训 \(id)") }
        return record
    }

    static func unitPath(_ code: String, _ db: Database) throws -> UnitPath {
        guard let path = try String.fetchOne(db, sql: "SELECT path FROM unit WHERE code = ?", arguments: [code]) else {
            throw LianbingError.notFound("单位 \(code)")
        }
        return UnitPath(rawValue: path)
    }

    /// The organiser in the caller's subtree; the audience inside the organiser's; posts and experts that exist.
    private static func checkPlacement(_ draft: TrainingSessionDraft, for principal: Principal, _ db: Database) throws {
        let organiser = try unitInScope(draft.unitCode, for: principal, db)
        guard let audience = try UnitRecord.fetchOne(db, key: draft.audienceUnit), organiser.unitPath.contains(audience.unitPath) else {
            throw LianbingError.invalid("培训对象须为主办单位 \(draft.unitCode) 或其下级单位")
        }
        let posts = try Set(String.fetchAll(db, sql: "SELECT name FROM post"))
        if let unknown = draft.audiencePosts.first(where: { !posts.contains($0) }) { throw LianbingError.invalid("岗位“\(unknown)”不存在") }
        for case .expert(let id) in draft.trainers {
            // An expert of the caller's pools or of an ancestor's: the pools a unit may draw trainers from.
            guard let path = try String.fetchOne(
                db, sql: "SELECT u.path FROM expert e JOIN unit u ON u.code = e.unitCode WHERE e.id = ?", arguments: [id]),
                UnitPath(rawValue: path).contains(organiser.unitPath) || organiser.unitPath.contains(UnitPath(rawValue: path))
            else { throw LianbingError.invalid("专家 \(id) 不存在或不在可选范围内") }
        }
    }

    private static func saveTrainers(_ trainers: [TrainerRef], session id: Int64, _ db: Database) throws {
        for (position, trainer) in trainers.enumerated() {
            switch trainer {
            case .expert(let expertId):
                let name = try String.fetchOne(db, sql: "SELECT name FROM expert WHERE id = ?", arguments: [expertId]) ?? ""
                try db.execute(
                    sql: "INSERT INTO trainingTrainer (sessionId, position, expertId, name) VALUES (?, ?, ?, ?)",
                    arguments: [id, position, expertId, name])
            case .name(let name):
                try db.execute(
                    sql: "INSERT INTO trainingTrainer (sessionId, position, expertId, name) VALUES (?, ?, NULL, ?)",
                    arguments: [id, position, name.trimmingCharacters(in: .whitespaces)])
            }
        }
    }

    /// Adds invitees; all must be in the audience and the total within capacity. Returns how many were new.
    @discardableResult static func invite(_ numbers: [String], to record: TrainingSessionRecord, _ db: Database) throws -> Int {
        let existing = Set(try invitees(of: record.id!, db))
        var seen = existing
        let new = numbers.filter { seen.insert($0).inserted }
        for number in new where !(try isInAudience(number, of: record, db)) {
            throw LianbingError.invalid("\(number) 不在本次培训的对象范围内")
        }
        if let capacity = record.capacity, existing.count + new.count > capacity {
            throw LianbingError.invalid("邀请人数 \(existing.count + new.count) 超过容量 \(capacity) 人")
        }
        for number in new {
            try db.execute(sql: "INSERT INTO trainingInvitee (sessionId, staffNumber) VALUES (?, ?)", arguments: [record.id!, number])
        }
        return new.count
    }

    static func invitees(of id: Int64, _ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT staffNumber FROM trainingInvitee WHERE sessionId = ? ORDER BY staffNumber", arguments: [id])
    }

    /// In post, in the audience subtree today, and of one of its posts if it names any.
    static func isInAudience(_ number: String, of record: TrainingSessionRecord, _ db: Database) throws -> Bool {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT s.post, s.isActive, u.path FROM staff s JOIN unit u ON u.code = s.unitCode WHERE s.number = ?", arguments: [number])
        else { return false }
        let posts = record.postList
        let audience = try unitPath(record.audienceUnit, db)
        return (row["isActive"] as Bool) && (posts.isEmpty || posts.contains(row["post"])) && audience.contains(UnitPath(rawValue: row["path"]))
    }

    static func audience(of record: TrainingSessionRecord, _ db: Database) throws -> [String] {
        try candidateNumbers(db, root: unitPath(record.audienceUnit, db), posts: record.postList)
    }

    static func trainingSession(_ record: TrainingSessionRecord, for principal: Principal, _ db: Database) throws -> TrainingSession {
        let id = record.id!
        let names = try Dictionary(
            uniqueKeysWithValues: Row.fetchAll(
                db, sql: "SELECT code, name FROM unit WHERE code IN (?, ?)", arguments: [record.unitCode, record.audienceUnit]
            ).map { ($0["code"] as String, $0["name"] as String) })
        let trainers = try Row.fetchAll(db, sql: "SELECT name, expertId FROM trainingTrainer WHERE sessionId = ? ORDER BY position", arguments: [id])
            .map { TrainingSession.Trainer(name: $0["name"], expertId: $0["expertId"]) }
        let invited = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM trainingInvitee WHERE sessionId = ?", arguments: [id]) ?? 0
        let attended = try Int.fetchOne(
            db, sql: "SELECT COUNT(DISTINCT staffNumber) FROM trainingAttendance WHERE sessionId = ? AND status = 'attended'", arguments: [id]) ?? 0
        return TrainingSession(
            id: id, unitCode: record.unitCode, unitName: names[record.unitCode] ?? record.unitCode, title: record.title,
            kind: record.trainingKind, isBusiness: record.isBusiness, startsAt: record.startsAt, endsAt: record.endsAt, hours: record.hours,
            topics: record.topicList, audienceUnit: record.audienceUnit, audienceUnitName: names[record.audienceUnit] ?? record.audienceUnit,
            audiencePosts: record.postList, capacity: record.capacity, place: record.place, status: record.sessionStatus, trainers: trainers,
            invited: invited, attended: attended, createdBy: record.createdBy, publishedAt: record.publishedAt, closedAt: record.closedAt,
            isManaged: try principal.has(.trainer) && principal.covers(unitPath(record.unitCode, db)))
    }
}
