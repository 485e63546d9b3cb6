/// Merges imported units into the existing tree and checks that the result is still one valid tree.
///
/// Pure: it takes the units already stored and the incoming rows, and returns either the complete set of
/// inserts and updates (with recomputed paths) or every problem found, each tied to its line.
public enum UnitTreeBuilder {
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var unit: ServiceUnit
        /// What the file says about the unit's numbers and workload; `nil` when the file has no such columns, so
        /// what is stored stays as it is. The tree checks ignore it.
        public var attributes: UnitAttributes?
        public init(line: Int, unit: ServiceUnit, attributes: UnitAttributes? = nil) {
            self.line = line
            self.unit = unit
            self.attributes = attributes
        }
    }

    /// A unit together with where it sits in the tree.
    public struct PlacedUnit: Sendable, Equatable {
        public var unit: ServiceUnit
        public var path: UnitPath
    }

    public struct Plan: Sendable, Equatable {
        /// Units to insert, parents before children.
        public var inserts: [PlacedUnit] = []
        /// Existing units whose name, parent or level changed.
        public var updates: [PlacedUnit] = []
        /// Existing, otherwise unchanged units whose path changed because an ancestor moved.
        public var moved: [PlacedUnit] = []

        public var isEmpty: Bool { inserts.isEmpty && updates.isEmpty && moved.isEmpty }
    }

    /// `rejected` names units whose rows already failed to parse: children pointing at them are not reported
    /// again as having a missing parent.
    public static func plan(existing: [ServiceUnit], rows: [Row], file: String, rejected: Set<String> = []) -> Result<Plan, ImportFailure> {
        var issues: [ImportIssue] = []
        func fail(_ line: Int, _ reason: String) { issues.append(ImportIssue(file: file, line: line, reason: reason)) }

        var merged: [String: ServiceUnit] = [:]
        merged.reserveCapacity(existing.count + rows.count)
        for unit in existing { merged[unit.code] = unit }
        let existingByCode = merged

        var lineOf: [String: Int] = [:]
        for row in rows {
            let unit = row.unit
            if let first = lineOf[unit.code] {
                fail(row.line, "单位编码 \(unit.code) 重复（第 \(first) 行已出现）")
                continue
            }
            lineOf[unit.code] = row.line
            merged[unit.code] = unit
        }

        // Every parent must exist and sit strictly above its child; strict descent also rules out cycles.
        var roots: [ServiceUnit] = []
        for unit in merged.values {
            let line = lineOf[unit.code]
            guard let parentCode = unit.parentCode else {
                roots.append(unit)
                continue
            }
            guard let parent = merged[parentCode] else {
                if let line, !rejected.contains(parentCode) { fail(line, "上级编码 \(parentCode) 不存在（文件和数据库中均未找到）") }
                continue
            }
            if parent.level >= unit.level {
                if let line {
                    fail(line, "层级错误：\(unit.level.label)级单位 \(unit.code) 不能隶属于\(parent.level.label)级单位 \(parent.code)")
                } else if let parentLine = lineOf[parent.code] {
                    fail(parentLine, "层级错误：\(parent.code) 改为\(parent.level.label)级后，其下级 \(unit.code)（\(unit.level.label)级）将不再低于它")
                }
            }
        }
        for root in roots where root.level != .province {
            if let line = lineOf[root.code] { fail(line, "只有省级单位可以没有上级编码：\(root.code) 是\(root.level.label)级") }
        }
        if roots.count > 1 {
            for root in roots.sorted(by: { $0.code < $1.code }) {
                if let line = lineOf[root.code] {
                    let others = roots.filter { $0.code != root.code }.map(\.code).sorted().joined(separator: "、")
                    fail(line, "整棵树只能有一个根单位：\(root.code) 与 \(others) 都没有上级")
                }
            }
        }
        if !issues.isEmpty { return .failure(ImportFailure(issues: issues.sorted())) }

        // Paths, computed top-down from the root so each parent's path is known before its children.
        var children: [String: [String]] = [:]
        for unit in merged.values { if let parent = unit.parentCode { children[parent, default: []].append(unit.code) } }
        var paths: [String: UnitPath] = [:]
        var order: [String] = []
        var stack = roots.map { ($0.code, UnitPath(codes: [$0.code])) }
        while let (code, path) = stack.popLast() {
            paths[code] = path
            order.append(code)
            for child in (children[code] ?? []).sorted().reversed() { stack.append((child, path.appending(child))) }
        }

        var plan = Plan()
        let existingPaths = pathsOf(existingByCode)
        for code in order {
            let unit = merged[code]!
            let path = paths[code]!
            if let old = existingByCode[code] {
                if old != unit {
                    plan.updates.append(PlacedUnit(unit: unit, path: path))
                } else if existingPaths[code] != path {
                    plan.moved.append(PlacedUnit(unit: unit, path: path))
                }
            } else {
                plan.inserts.append(PlacedUnit(unit: unit, path: path))
            }
        }
        return .success(plan)
    }

    /// Paths of a tree already known to be valid.
    static func pathsOf(_ units: [String: ServiceUnit]) -> [String: UnitPath] {
        var paths: [String: UnitPath] = [:]
        func path(of code: String) -> UnitPath {
            if let known = paths[code] { return known }
            let unit = units[code]!
            let result = unit.parentCode.map { path(of: $0).appending(code) } ?? UnitPath(codes: [code])
            paths[code] = result
            return result
        }
        for code in units.keys { _ = path(of: code) }
        return paths
    }
}
