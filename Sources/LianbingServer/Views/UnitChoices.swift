import LianbingCore
import LianbingStore

/// The units a create form offers in its select: the caller's own and two levels below. The province has about
/// 28,000 units, far too many for one select; a deeper unit is typed as a code instead.
enum UnitChoices {
    static func options(selected: String, for principal: Principal, database: AppDatabase) async throws -> [SelectOption] {
        let root = try await database.scopeRoot(for: principal)
        var units = [(root, 0)]
        for child in try await database.units(parent: root.code, for: principal) {
            units.append((child, 1))
            if child.childCount > 0 {
                units += try await database.units(parent: child.code, for: principal).map { ($0, 2) }
            }
        }
        return units.map { unit, depth in
            // Full-width spaces survive in option labels, where ASCII indentation collapses.
            SelectOption(value: unit.code, label: String(repeating: "　", count: depth) + unit.name, selected: unit.code == selected)
        }
    }
}
