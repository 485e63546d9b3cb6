import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// 知识点掌握情况: the caller's accuracy by knowledge point, weakest first, assessments and self-tests apart.
extension MyPagesController {
    struct MasterySection {
        struct Bar {
            var name: String
            var percent: Int
            var detail: String
            /// Weak as `WeakPoint` has it: enough answers and below `WeakPoint.weakBelow`.
            var weak: Bool
        }

        var title: String
        var note: String
        /// How many points, how many weak, and the weakest: what the bars add up to, read before them.
        var summary: String?
        var bars: [Bar]
        var empty: String
    }

    struct MasteryContent {
        var sections: [MasterySection]
        var weakPercent: Int
        var minimumAnswered: Int
    }

    @Sendable func masteryPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let report = try await database.mastery(by: try context.principal())
        let sections = [
            Self.section(
                "集中考核", report.assessment, source: .assessment, note: "已交卷的集中考核和比武答题，每题只有一次机会。",
                empty: "还没有已交卷的集中考核。"),
            Self.section("自我测试", report.selfTest, source: .selfTest, note: "自测可反复练习，答完一题即计入。", empty: "还没有做过自我测试。"),
        ]
        let content = MasteryContent(
            sections: sections, weakPercent: Int((WeakPoint.weakBelow * 100).rounded()), minimumAnswered: WeakPoint.minimumAnswered)
        return pages.render(
            "my-mastery", title: "知识点掌握情况", path: "/my/record", session: context.session, content: content,
            styles: Self.styles + ["practice.css"])
    }

    /// One source's bars, the weak points first and then the rest, each in `WeakPoint.weakerFirst`'s order, so the
    /// page opens on what most needs practice rather than on a point answered once.
    static func section(_ title: String, _ mastery: Mastery, source: MarkSource, note: String, empty: String) -> MasterySection {
        let weakest = WeakPoint.weakest(mastery, source: source)
        let weak = Set(weakest.map(\.knowledgePoint))
        let ordered = weakest + mastery.byKnowledgePoint.compactMap { name, point in
            weak.contains(name) ? nil : point.accuracy.map { WeakPoint(knowledgePoint: name, source: source, accuracy: $0, answered: point.answered) }
        }.sorted(by: WeakPoint.weakerFirst)
        let bars = ordered.map { entry in
            let point = mastery.byKnowledgePoint[entry.knowledgePoint]!
            return MasterySection.Bar(
                name: entry.knowledgePoint, percent: Self.percent(entry.accuracy),
                detail: "答 \(point.answered) 题，全对 \(point.correct) 题，得 \(AppDatabase.points(point.score)) / \(AppDatabase.points(point.points)) 分",
                weak: weak.contains(entry.knowledgePoint))
        }
        var summary: String?
        if let first = weakest.first {
            summary = "共 \(bars.count) 个知识点，其中薄弱 \(weak.count) 个；最薄弱的是“\(first.knowledgePoint)”，得分率 \(Self.percent(first.accuracy))%。"
        } else if let lowest = ordered.first {
            summary = "共 \(bars.count) 个知识点，没有薄弱知识点；得分率最低的是“\(lowest.knowledgePoint)”，\(Self.percent(lowest.accuracy))%。"
        }
        return MasterySection(title: title, note: note, summary: summary, bars: bars, empty: empty)
    }

    static func percent(_ accuracy: Double) -> Int { Int((accuracy * 100).rounded()) }
}
