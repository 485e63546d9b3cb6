import LianbingCore
import LianbingStore

extension UnitChoices {
    /// The units that may organise a contest — province, city and county service centres — among the caller's own
    /// and the two levels below: every organiser an administrator's subtree holds. A town's administrator gets none.
    static func organisers(selected: String, for principal: Principal, database: AppDatabase) async throws -> [SelectOption] {
        let root = try await database.scopeRoot(for: principal)
        guard root.level <= .county else { return [] }
        var units = [(root, 0)]
        if root.level < .county {
            for child in try await database.units(parent: root.code, for: principal) where child.level <= .county {
                units.append((child, 1))
                if child.level < .county, child.childCount > 0 {
                    units += try await database.units(parent: child.code, for: principal).filter { $0.level <= .county }.map { ($0, 2) }
                }
            }
        }
        return units.map { unit, depth in
            SelectOption(value: unit.code, label: String(repeating: "　", count: depth) + unit.name, selected: unit.code == selected)
        }
    }
}
