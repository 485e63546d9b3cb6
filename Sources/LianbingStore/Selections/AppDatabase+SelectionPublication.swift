import Foundation
import GRDB
import LianbingCore

/// An award on a member of staff's record, from a finalised selection.
public struct SelectionAward: Sendable, Codable, Equatable {
    public var selectionId: Int64
    public var title: String
    public var award: String
    public var unitName: String
    public var awardedOn: CivilDate
}

extension AppDatabase {
    public static let adjustmentReasonLength = 2...200
    public static let objectionLength = 2...500

    /// Adds a candidate to the computed list, or removes a nominee from it, with a reason; before publication only.
    /// Only an eligible candidate of the selection can be added. Logged with the selection and audited.
    public func adjustSelection(
        _ id: Int64, staffNumber: String, action: Selection.Adjustment.Action, reason: String, by principal: Principal
    ) async throws -> Selection {
        let reason = try Self.checkedText(reason, Self.adjustmentReasonLength, "调整理由")
        let now = clock()
        return try await writer.write { db in
            let (record, unit) = try Self.managedSelection(id, for: principal, db)
            guard record.status == .computed, let outcome = record.outcome else {
                throw LianbingError.conflict("只能在计算之后、公示之前调整名单")
            }
            guard let line = outcome.lines.first(where: { $0.candidate.number == staffNumber }) else {
                throw LianbingError.invalid("\(staffNumber) 不是本次遴选的候选人")
            }
            let current = try Self.selection(id, for: principal, db).nominees.contains { $0.number == staffNumber }
            switch action {
            case .add where current: throw LianbingError.conflict("\(line.candidate.name) 已在名单中")
            case .remove where !current: throw LianbingError.conflict("\(line.candidate.name) 不在名单中")
            default: break
            }
            try db.execute(
                sql: "INSERT INTO selectionAdjustment (selectionId, staffNumber, action, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [id, staffNumber, action.rawValue, reason, principal.auditName, now])
            try db.audit(
                principal, action == .add ? "selection.add" : "selection.remove", "遴选 \(id)",
                "\(action == .add ? "增列" : "撤下") \(line.candidate.name)（\(staffNumber)）：\(reason)", in: unit.unitPath, at: now)
            return try Self.selection(id, for: principal, db)
        }
    }

    /// Publishes the list for a notice period (公示) of `workingDays` working days from today, in the subtree.
    public func publishSelection(_ id: Int64, workingDays: Int = NoticePeriod.defaultWorkingDays, by principal: Principal) async throws -> Selection {
        try InputBounds.check(workingDays, in: NoticePeriod.workingDays, "公示期", unit: "个工作日")
        let now = clock()
        return try await writer.write { db in
            let (record, unit) = try Self.managedSelection(id, for: principal, db)
            guard record.status == .computed else { throw LianbingError.conflict("只有已计算、尚未公示的遴选可以公示") }
            let ends = NoticePeriod.lastDay(from: ChinaTime.civilDate(of: now), workingDays: workingDays)
            try db.execute(
                sql: "UPDATE selection SET status = 'published', publishedAt = ?, noticeEndsOn = ? WHERE id = ?", arguments: [now, ends.description, id])
            try db.audit(principal, "selection.publish", "遴选 \(id)", "公示 \(workingDays) 个工作日，至 \(ends)", in: unit.unitPath, at: now)
            return try Self.selection(id, for: principal, db)
        }
    }

    /// Records an objection during the notice period, about one nominee or the list as a whole, by anyone the
    /// published selection covers.
    public func objectToSelection(_ id: Int64, staffNumber: String?, text: String, by principal: Principal) async throws -> Selection {
        let text = try Self.checkedText(text, Self.objectionLength, "异议内容")
        let now = clock()
        return try await writer.write { db in
            guard let (record, unit) = try Self.selectionRow(id, db),
                Self.readable(record.status, unit, principal) || (principal.has(.admin) && principal.covers(unit.unitPath))
            else { throw LianbingError.notFound("遴选 \(id)") }
            guard record.status == .published, let ends = (record.row["noticeEndsOn"] as String?).flatMap(CivilDate.init),
                ChinaTime.civilDate(of: now) <= ends
            else { throw LianbingError.conflict("只能在公示期内提出异议") }
            if let staffNumber, !Selection.nominees(record.outcome, adjustments: try Self.selectionAdjustments(id, db)).contains(where: { $0.number == staffNumber }) {
                throw LianbingError.invalid("\(staffNumber) 不在公示名单中")
            }
            try db.execute(
                sql: "INSERT INTO selectionObjection (selectionId, staffNumber, text, author, at) VALUES (?, ?, ?, ?, ?)",
                arguments: [id, staffNumber, text, principal.auditName, now])
            try db.audit(principal, "selection.object", "遴选 \(id)", staffNumber.map { "对 \($0) 提出异议" } ?? "对名单提出异议", in: unit.unitPath, at: now)
            return try Self.selection(id, for: principal, db)
        }
    }

    /// Answers an objection (核查结果). Audited.
    public func answerSelectionObjection(_ id: Int64, objection: Int64, answer: String, by principal: Principal) async throws -> Selection {
        let answer = try Self.checkedText(answer, Self.objectionLength, "答复")
        let now = clock()
        return try await writer.write { db in
            let (record, unit) = try Self.managedSelection(id, for: principal, db)
            guard record.status == .published else { throw LianbingError.conflict("只有公示中的遴选可以答复异议") }
            try db.execute(
                sql: "UPDATE selectionObjection SET answer = ?, answeredBy = ?, answeredAt = ? WHERE id = ? AND selectionId = ? AND answer IS NULL",
                arguments: [answer, principal.auditName, now, objection, id])
            guard db.changesCount > 0 else { throw LianbingError.notFound("待答复的异议 \(objection)") }
            try db.audit(principal, "selection.answer", "遴选 \(id)", "答复异议 \(objection)", in: unit.unitPath, at: now)
            return try Self.selection(id, for: principal, db)
        }
    }

    /// Finalises a published selection once its notice period is over and every objection is answered: the list is
    /// locked and each winner's record carries the award.
    public func finaliseSelection(_ id: Int64, by principal: Principal) async throws -> Selection {
        let now = clock()
        return try await writer.write { db in
            let (record, unit) = try Self.managedSelection(id, for: principal, db)
            guard record.status == .published, let ends = (record.row["noticeEndsOn"] as String?).flatMap(CivilDate.init) else {
                throw LianbingError.conflict("只有公示中的遴选可以定稿")
            }
            let today = ChinaTime.civilDate(of: now)
            guard today > ends else { throw LianbingError.conflict("公示期至 \(ends) 结束，之后才能定稿") }
            let current = try Self.selection(id, for: principal, db)
            guard current.openObjections == 0 else { throw LianbingError.conflict("还有 \(current.openObjections) 条异议未答复，答复后才能定稿") }
            for nominee in current.nominees {
                try db.execute(
                    sql: "INSERT INTO selectionWinner (selectionId, staffNumber, award, awardedOn) VALUES (?, ?, ?, ?)",
                    arguments: [id, nominee.number, record.rules.award, today.description])
            }
            try db.execute(sql: "UPDATE selection SET status = 'final', finalisedAt = ? WHERE id = ?", arguments: [now, id])
            try db.audit(principal, "selection.finalise", "遴选 \(id)", "定稿，\(current.nominees.count) 人获“\(record.rules.award)”", in: unit.unitPath, at: now)
            return try Self.selection(id, for: principal, db)
        }
    }

    /// The awards on a member of staff's record: their own, or of someone in a trainer's subtree.
    public func selectionAwards(ofStaff number: String, by principal: Principal) async throws -> [SelectionAward] {
        try await reader.read { db in
            if number != principal.staffNumber {
                guard principal.has(.trainer) else { throw LianbingError.notFound("工作人员 \(number)") }
                _ = try Self.staffInScope(number, for: principal, db)
            }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT w.selectionId, s.title, w.award, u.name AS unitName, w.awardedOn FROM selectionWinner w
                    JOIN selection s ON s.id = w.selectionId JOIN unit u ON u.code = s.unitCode
                    WHERE w.staffNumber = ? ORDER BY w.awardedOn DESC, w.selectionId DESC
                    """, arguments: [number]
            ).map {
                SelectionAward(
                    selectionId: $0["selectionId"], title: $0["title"], award: $0["award"], unitName: $0["unitName"],
                    awardedOn: CivilDate($0["awardedOn"] as String) ?? CivilDate(year: 2000, month: 1, day: 1)!)
            }
        }
    }

    static func checkedText(_ text: String, _ length: ClosedRange<Int>, _ field: String) throws -> String {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard length.contains(text.count) else { throw LianbingError.invalid("\(field)须为 \(length.lowerBound) 到 \(length.upperBound) 个字") }
        return text
    }
}
