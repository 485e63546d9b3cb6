import Foundation
import GRDB
import LianbingCore

/// A unit as a training report names it: one row of a report, or the report's own unit.
public struct ReportUnit: Sendable, Codable, Equatable {
    public var code: String
    public var name: String
    public var level: UnitLevel
}

/// What the training reports share: which unit and day they are about, how they split a subtree into its children,
/// and how they write shares. Kept in one place so that coverage, the half-year rule, composition and the planner
/// agree on them.
extension AppDatabase {
    /// Report days must keep the cycle arithmetic inside `CivilDate`'s years; the source's rules concern this century.
    static let reportDays = CivilDate(year: 2000, month: 1, day: 1)!...CivilDate(year: 2099, month: 12, day: 31)!

    /// `today` as given, or the China date of the clock; checked before any cycle arithmetic uses it.
    func reportDay(_ today: CivilDate?) throws -> CivilDate {
        let day = today ?? ChinaTime.civilDate(of: clock())
        guard Self.reportDays.contains(day) else { throw LianbingError.invalid("日期须在 2000-01-01 到 2099-12-31 之间") }
        return day
    }

    /// The unit a report is about: `code`, which must lie in the caller's scope (else `notFound`, so units outside
    /// it do not leak), or by default the top of the caller's scope.
    static func reportRoot(_ code: String?, for principal: Principal, _ db: Database) throws -> UnitRecord {
        if let code { return try unitInScope(code, for: principal, db) }
        guard let root = try UnitRecord.filter(Column("path") == principal.scope.rawValue).fetchOne(db) else {
            throw LianbingError.notFound("单位")
        }
        return root
    }

    static func childUnits(of root: UnitRecord, _ db: Database) throws -> [UnitRecord] {
        try UnitRecord.filter(Column("parentCode") == root.code).order(Column("code")).fetchAll(db)
    }

    /// The code of the child of `root` whose subtree holds `path`; `nil` for the root itself. Reads the path's text,
    /// so splitting 50,000 people between a report's rows costs no query.
    static func childKey(of path: String, under root: String) -> String? {
        let rest = path.utf8.dropFirst(root.utf8.count)
        guard !rest.isEmpty, let slash = rest.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        return String(Substring(rest[..<slash]))
    }

    /// The SQL expression giving, for the path `column` in the subtree of the path bound to `:root`, the code of the
    /// child it lies under ('' for the root itself), so a query can group a subtree by the report's rows.
    static func childKeySQL(_ column: String) -> String {
        "substr(substr(\(column), length(:root) + 1), 1, instr(substr(\(column), length(:root) + 1), '/') - 1)"
    }

    /// `85.3%`, or `—` when there is nothing to divide by.
    static func percentText(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "—" }
        return String(format: "%.1f%%", Double(part) * 100 / Double(whole))
    }

    static func share(_ part: Int, of whole: Int) -> Double? { whole > 0 ? Double(part) / Double(whole) : nil }

    static func reportUnit(_ record: UnitRecord) -> ReportUnit {
        ReportUnit(code: record.code, name: record.name, level: UnitLevel(rawValue: record.level) ?? .village)
    }

    /// The name a report gives the people attached to the report's unit itself, beside its children's rows.
    static func ownRowName(_ record: UnitRecord) -> String { record.name + "（本级）" }
}

extension CivilDate {
    /// A date as the store writes it (`YYYY-MM-DD`), read without Foundation: reports parse tens of thousands of
    /// them. Anything else goes through the lenient parser.
    static func stored(_ text: String?) -> CivilDate? {
        guard let text else { return nil }
        let fast: CivilDate?? = text.utf8.withContiguousStorageIfAvailable { stored(bytes: $0) }
        if let fast, let date = fast { return date }
        return CivilDate(text)
    }

    /// `YYYY-MM-DD` from raw bytes; `nil` for anything else.
    static func stored(bytes: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }
}
