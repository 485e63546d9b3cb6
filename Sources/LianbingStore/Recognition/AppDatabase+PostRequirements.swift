import Foundation
import GRDB
import LianbingCore

/// A post's certificate requirement as the settings page and `lianbing cert requirement list` show it.
public struct PostRequirementListing: Sendable, Codable, Equatable {
    public var requirement: PostRequirement
    /// The qualifications that satisfy it, in the requirement's order.
    public var qualifications: [Qualification]
    public var updatedAt: Date
    /// Who set it last (the audit log's name).
    public var actor: String

    public var post: String { requirement.post }
    /// 服务中心（站）岗位练兵考核合格、退役军人事务员（国家职业技能等级）.
    public var qualificationNames: String { qualifications.map(\.name).joined(separator: "、") }

    /// 岗位, 认可的资格, 宽限期（天）, 设定人, 设定时间: the list as text.
    public static func table(_ listings: [PostRequirementListing]) -> ReportTable {
        ReportTable(
            title: "持证上岗岗位（\(listings.count) 个）", columns: ["岗位", "认可的资格", "宽限期（天）", "设定人", "设定时间"],
            rows: listings.map {
                [$0.post, $0.qualificationNames, String($0.requirement.graceDays), $0.actor, ChinaTime.format($0.updatedAt)]
            },
            kinds: [.text, .text, .number, .text, .date])
    }
}

extension AppDatabase {
    /// Whether `principal` may set or remove post requirements: posts are province-wide, so only the operator and the
    /// administrators of the root unit, as for curriculum standards.
    public func mayEditPostRequirements(_ principal: Principal) async throws -> Bool {
        try await maySetCurriculumStandards(principal)
    }

    /// Requires a certificate for `post`: one of `qualificationIds` (internal or national, 1–20 of them), with
    /// `graceDays` (0–3,650) for someone new to the post. Replaces the post's requirement if it had one. Audited.
    @discardableResult
    public func setPostRequirement(post: String, qualificationIds: [Int64], graceDays: Int, by principal: Principal) async throws
        -> PostRequirementListing
    {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以设定持证上岗要求") }
        try InputBounds.check(graceDays, in: PostRequirement.graceDayRange, "宽限期", unit: "天")
        var unique: [Int64] = []
        for id in qualificationIds where !unique.contains(id) { unique.append(id) }
        let ids = unique
        guard PostRequirement.qualificationCount.contains(ids.count) else {
            throw LianbingError.invalid("请选择 1 到 \(PostRequirement.qualificationCount.upperBound) 个认可的资格")
        }
        let post = post.trimmingCharacters(in: .whitespaces)
        let now = clock()
        return try await writer.write { db in
            guard try Self.maySetCurriculumStandards(principal, db) else {
                throw LianbingError.forbidden("持证上岗要求适用于全省，只有省级管理员可以设定")
            }
            guard try Self.postExists(post, db) else { throw LianbingError.notFound("岗位“\(post)”") }
            let known = try Dictionary(uniqueKeysWithValues: Self.allQualifications(db).map { ($0.id, $0) })
            if let unknown = ids.first(where: { known[$0] == nil }) { throw LianbingError.invalid("资格 \(unknown) 不存在") }
            try db.execute(
                sql: """
                    INSERT INTO postRequirement (post, qualifications, graceDays, updatedAt, actor) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (post) DO UPDATE SET qualifications = excluded.qualifications, graceDays = excluded.graceDays,
                        updatedAt = excluded.updatedAt, actor = excluded.actor
                    """,
                arguments: [post, PostCompliance.bars(ids), graceDays, now, principal.auditName])
            let names = ids.compactMap { known[$0]?.name }.joined(separator: "、")
            try db.audit(principal, "post.requirement.set", "岗位 \(post)", "认可 \(names)；宽限期 \(graceDays) 天", at: now)
            return try Self.postRequirementListings(db).first { $0.post == post }!
        }
    }

    /// The post no longer requires a certificate. Audited.
    public func removePostRequirement(post: String, by principal: Principal) async throws {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以设定持证上岗要求") }
        let post = post.trimmingCharacters(in: .whitespaces)
        let now = clock()
        try await writer.write { db in
            guard try Self.maySetCurriculumStandards(principal, db) else {
                throw LianbingError.forbidden("持证上岗要求适用于全省，只有省级管理员可以设定")
            }
            try db.execute(sql: "DELETE FROM postRequirement WHERE post = ?", arguments: [post])
            guard db.changesCount > 0 else { throw LianbingError.notFound("岗位“\(post)”的持证上岗要求") }
            try db.audit(principal, "post.requirement.remove", "岗位 \(post)", "不再要求持证上岗", at: now)
        }
    }

    /// Every post's requirement, in the posts' order. Anyone signed in may read them: they are what each post needs.
    public func postRequirements() async throws -> [PostRequirementListing] {
        try await reader.read { db in try Self.postRequirementListings(db) }
    }

    static func postRequirementListings(_ db: Database) throws -> [PostRequirementListing] {
        let known = try Dictionary(uniqueKeysWithValues: allQualifications(db).map { ($0.id, $0) })
        return try Row.fetchAll(
            db,
            sql: """
                SELECT r.* FROM postRequirement r LEFT JOIN post p ON p.name = r.post
                ORDER BY COALESCE(p.position, 1000000), r.post
                """
        ).map { row in
            let ids = PostCompliance.unbars(row["qualifications"])
            return PostRequirementListing(
                requirement: PostRequirement(post: row["post"], qualificationIds: ids, graceDays: row["graceDays"]),
                qualifications: ids.compactMap { known[$0] }, updatedAt: row["updatedAt"], actor: row["actor"])
        }
    }

    static func allQualifications(_ db: Database) throws -> [Qualification] {
        try QualificationRecord.order(Column("kind").desc, Column("id")).fetchAll(db).map {
            Qualification(id: $0.id!, name: $0.name, kind: Qualification.Kind(rawValue: $0.kind) ?? .internal, validityYears: $0.validityYears)
        }
    }

    static func postExists(_ post: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM post WHERE name = ?)", arguments: [post]) ?? false
    }
}
