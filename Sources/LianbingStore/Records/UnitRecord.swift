import GRDB
import LianbingCore

struct UnitRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "unit"
    var code: String
    var name: String
    var level: Int
    var parentCode: String?
    var path: String

    init(_ unit: ServiceUnit, path: UnitPath) {
        code = unit.code
        name = unit.name
        level = unit.level.rawValue
        parentCode = unit.parentCode
        self.path = path.rawValue
    }

    var unit: ServiceUnit { ServiceUnit(code: code, name: name, level: UnitLevel(rawValue: level)!, parentCode: parentCode) }
    var unitPath: UnitPath { UnitPath(rawValue: path) }

    /// Everything in the subtree rooted at `path`, as one index range scan.
    static func within(_ path: UnitPath) -> QueryInterfaceRequest<UnitRecord> {
        filter(Column("path") >= path.lowerBound && Column("path") < path.upperBound)
    }
}
