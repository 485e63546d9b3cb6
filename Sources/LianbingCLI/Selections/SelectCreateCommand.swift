import ArgumentParser
import Foundation
import LianbingCore
import LianbingStore

extension SelectCommand {
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "新建一次遴选（草稿）：参评岗位和层级、评选期间、加权指标、标准化方法、入选条件和名额。",
            discussion: "输出遴选编号和规则。规则在第一次计算前可以修改（网页），计算后锁定：权重、标准化方法等都会影响谁入选，不能在看到得分后再改。")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "组织遴选的单位编码：该单位及其下级的人员参评。")
        var unit: String

        @Option(help: "遴选名称（1 到 60 个字），如“2026年度优秀接访员遴选”。")
        var title: String

        @Option(help: "奖项名称（1 到 30 个字）：优秀主任（站长）、优秀接访员、优秀工作者，或其他名称。")
        var award: String

        @Option(name: .customLong("post"), help: "参评岗位（可重复给出，至少一个），如 --post 接访员。")
        var posts: [String] = []

        @Option(name: .customLong("level"), help: "只评该层级单位的人员：省、市、县、镇、村（可重复给出）；省略则不限层级。")
        var levels: [String] = []

        @Option(help: "评选期间的开始日期（YYYY-MM-DD）。")
        var from: String

        @Option(help: "评选期间的结束日期（YYYY-MM-DD，含当天；期间最长 3 年）。")
        var through: String

        @Option(
            name: .customLong("criterion"),
            help: "加权指标“指标=权重”（权重 1 到 100 分，可重复给出，至少一项），如 --criterion assessment=30。指标见 lianbing select --help。")
        var criteria: [String] = []

        @Option(help: "标准化方法：z-score（标准分，默认）或 min-max（极差标准化，0–100）。")
        var normalisation = Normalisation.zScore.rawValue

        @Option(help: "缺少某项指标数据时：rescale（该指标不计，其余指标按比例放大权重，默认）或 zero（按 0 计）。")
        var missing = MissingCriterion.rescale.rawValue

        @Flag(help: "入选条件：持有效的岗位练兵考核合格证书。")
        var requireCertificate = false

        @Flag(help: "入选条件：本培训周期没有漏训业务培训。")
        var requireTraining = false

        @Option(help: "入选条件：期间内点名评价不少于该条数（0 到 1000，默认 0 即不要求）。")
        var minRatings = 0

        @Option(help: "入选名额（1 到 1000 个）。")
        var places: Int

        @Option(help: "名额分配：total（统一排名，默认）、city（按市分配）或 county（按县分配），按各单位符合条件的候选人数分配。")
        var sharing = SelectionQuota.Sharing.total.rawValue

        @Option(help: "按市或县分配名额时的方法：sainte-lague（圣拉古法，默认）或 dhondt（顿特法，偏向大单位）。")
        var method = DivisorMethod.sainteLague.rawValue

        func validate() throws {
            guard !unit.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--unit 不能为空") }
            // Checked at the top level, as no selection unit is below it: refusals that depend on the unit's level
            // (a level above it, sharing at its own level) are the store's.
            try ValidationError.bounded { _ = try rules().validated(selectionLevel: .province) }
            let length = AppDatabase.selectionTitleLength
            guard length.contains(title.trimmingCharacters(in: .whitespacesAndNewlines).count) else {
                throw ValidationError("--title 须为 \(length.lowerBound) 到 \(length.upperBound) 个字")
            }
        }

        func rules() throws -> SelectionRules {
            SelectionRules(
                award: award, posts: posts, levels: try levels.map(SelectArgument.level),
                from: try CivilDateOption.parse(from, option: "--from"), through: try CivilDateOption.parse(through, option: "--through"),
                criteria: try criteria.map(SelectArgument.criterion), normalisation: try SelectArgument.normalisation(normalisation),
                missing: try SelectArgument.missing(missing),
                minimums: SelectionMinimums(validCertificate: requireCertificate, trainingCovered: requireTraining, minimumRatings: minRatings),
                quota: SelectionQuota(places: places, sharing: try SelectArgument.sharing(sharing), method: try SelectArgument.method(method)))
        }

        func run() async throws {
            try await reportingErrors {
                let db = try database.open()
                let selection = try await db.createSelection(
                    unitCode: unit.trimmingCharacters(in: .whitespaces), title: title, rules: try rules(), by: try await db.operatorPrincipal())
                Console.out("已新建遴选 \(selection.id)：\(selection.title)（\(selection.status.label)）。")
                for line in SelectText.rules(selection) { Console.out(line) }
                Console.out("计算：lianbing select compute \(selection.id)")
            }
        }
    }
}
