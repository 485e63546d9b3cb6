import GRDB
import LianbingCore

extension AppDatabase {
    /// The owner a question saved or uploaded by `principal` gets: the unit at the root of their scope, or `nil`
    /// (the root of the tree, the province) when that is the whole tree, as for the operator.
    static func questionOwner(for principal: Principal, _ db: Database) throws -> String? {
        let unit = try scopeUnit(of: principal, db)
        return unit.parentCode == nil ? nil : unit.code
    }

    /// The unit at the root of `principal`'s scope: their own unit.
    static func scopeUnit(of principal: Principal, _ db: Database) throws -> UnitRecord {
        guard let unit = try UnitRecord.filter(Column("path") == principal.scope.rawValue).fetchOne(db) else {
            throw LianbingError.notFound("单位 \(principal.scope.rawValue)")
        }
        return unit
    }

    /// Whether `principal` may change a question owned by `owner` (`nil`: the root of the tree): its owning unit must
    /// lie in their subtree, so the province's bank is changed only by the province.
    static func mayChange(questionOwnedBy owner: String?, for principal: Principal, _ db: Database) throws -> Bool {
        guard principal.has(.trainer) else { return false }
        let unit = try owner.map { try UnitRecord.fetchOne(db, key: $0) } ?? UnitRecord.filter(Column("parentCode") == nil).fetchOne(db)
        return unit.map { principal.covers($0.unitPath) } ?? false
    }
}
