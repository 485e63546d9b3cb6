import Foundation
import LianbingCore
import LianbingStore

/// The rules form of a selection (新建遴选 and, while a draft, 修改规则) as typed. Every field stays text, so a refused
/// form comes back exactly as sent; ranges are the store's to check, for every door alike.
struct SelectionForm: Sendable {
    /// One criterion's row: whether it counts, and its weight as typed.
    struct Criterion: Sendable {
        var value: String
        var label: String
        var unit: String
        var used: Bool
        var weight: String
    }

    var title = ""
    var unitCode = ""
    var award = ""
    var posts: [String] = []
    /// `UnitLevel` raw values ticked; none: every level.
    var levels: [Int] = []
    var from = ""
    var through = ""
    var criteria: [Criterion] = SelectionCriterion.allCases.map {
        Criterion(value: $0.rawValue, label: $0.label, unit: $0.unit, used: true, weight: String(Self.defaultWeights[$0] ?? 10))
    }
    var normalisation = Normalisation.zScore.rawValue
    var missing = MissingCriterion.rescale.rawValue
    var validCertificate = false
    var trainingCovered = false
    var minimumRatings = "0"
    var places = "5"
    var sharing = SelectionQuota.Sharing.total.rawValue
    var method = DivisorMethod.sainteLague.rawValue

    /// A starting point the organiser edits: every criterion, assessments and satisfaction weighing most.
    static let defaultWeights: [SelectionCriterion: Int] = [
        .assessment: 30, .contest: 10, .trainingHours: 15, .curriculum: 15, .satisfaction: 20, .certificate: 10,
    ]

    init() {}

    /// The year so far, for the caller's own unit.
    static func blank(now: Date, unitCode: String) -> SelectionForm {
        var form = SelectionForm()
        let today = ChinaTime.civilDate(of: now)
        form.unitCode = unitCode
        form.from = CivilDate(year: today.year, month: 1, day: 1)?.description ?? today.description
        form.through = today.description
        return form
    }

    /// A draft's stored rules, to edit.
    init(_ selection: Selection) {
        let rules = selection.rules
        title = selection.title
        unitCode = selection.unitCode
        award = rules.award
        posts = rules.posts
        levels = rules.levels.map(\.rawValue)
        from = rules.from.description
        through = rules.through.description
        criteria = SelectionCriterion.allCases.map { criterion in
            let chosen = rules.criteria.first { $0.criterion == criterion }
            return Criterion(
                value: criterion.rawValue, label: criterion.label, unit: criterion.unit, used: chosen != nil,
                weight: String(chosen?.weight ?? Self.defaultWeights[criterion] ?? 10))
        }
        normalisation = rules.normalisation.rawValue
        missing = rules.missing.rawValue
        validCertificate = rules.minimums.validCertificate
        trainingCovered = rules.minimums.trainingCovered
        minimumRatings = String(rules.minimums.minimumRatings)
        places = String(rules.quota.places)
        sharing = rules.quota.sharing.rawValue
        method = rules.quota.method.rawValue
    }

    /// Posts arrive as `post_0`, `post_1` … and levels as `level_3` … (the form parser keeps one value per name); a
    /// post box counts only if its value is still the post listed at that place.
    init(_ fields: FormFields, posts allPosts: [String]) {
        let text = { (name: String) in fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        title = text("title")
        unitCode = text("unit_code")
        award = text("award")
        posts = allPosts.enumerated().filter { fields["post_\($0.offset)"] == $0.element }.map(\.element)
        levels = UnitLevel.allCases.map(\.rawValue).filter { fields["level_\($0)"] != nil }
        from = text("from")
        through = text("through")
        criteria = SelectionCriterion.allCases.map {
            Criterion(value: $0.rawValue, label: $0.label, unit: $0.unit, used: fields["use_\($0.rawValue)"] != nil, weight: text("weight_\($0.rawValue)"))
        }
        normalisation = text("normalisation")
        missing = text("missing")
        validCertificate = fields["valid_certificate"] != nil
        trainingCovered = fields["training_covered"] != nil
        minimumRatings = text("minimum_ratings")
        places = text("places")
        sharing = text("sharing")
        method = text("method")
    }

    /// The rules the store checks further, or every problem the form has on its own (text where a number or a
    /// date belongs, a choice not offered).
    func rules() throws -> SelectionRules {
        var problems: [String] = []
        if unitCode.isEmpty { problems.append("请选择遴选单位") }
        let start = CivilDate(from), end = CivilDate(through)
        if start == nil { problems.append("请填写评选期间的开始日期（年-月-日）") }
        if end == nil { problems.append("请填写评选期间的结束日期（年-月-日）") }
        var weighted: [WeightedCriterion] = []
        for row in criteria where row.used {
            guard let criterion = SelectionCriterion(rawValue: row.value) else { continue }
            if let weight = Int(row.weight) {
                weighted.append(WeightedCriterion(criterion, weight: weight))
            } else {
                problems.append("“\(criterion.label)”的权重须为 1 到 100 之间的整数")
            }
        }
        let normalisation = Normalisation(rawValue: self.normalisation)
        if normalisation == nil { problems.append("请选择标准化方法") }
        let missing = MissingCriterion(rawValue: self.missing)
        if missing == nil { problems.append("请选择缺少数据的处理方式") }
        let ratings = minimumRatings.isEmpty ? 0 : Int(minimumRatings)
        if ratings == nil { problems.append("最少评价条数须为整数，不设要求请填 0") }
        let placeCount = Int(places)
        if placeCount == nil { problems.append("名额须为整数") }
        let sharing = SelectionQuota.Sharing(rawValue: self.sharing)
        if sharing == nil { problems.append("请选择名额分配方式") }
        let method = DivisorMethod(rawValue: self.method)
        if method == nil { problems.append("请选择名额分配的计算方法") }
        guard let start, let end, let normalisation, let missing, let ratings, let placeCount, let sharing, let method, problems.isEmpty else {
            throw FormProblems(problems)
        }
        return SelectionRules(
            award: award, posts: posts, levels: levels.compactMap(UnitLevel.init(rawValue:)), from: start, through: end, criteria: weighted,
            normalisation: normalisation, missing: missing,
            minimums: SelectionMinimums(validCertificate: validCertificate, trainingCovered: trainingCovered, minimumRatings: ratings),
            quota: SelectionQuota(places: placeCount, sharing: sharing, method: method))
    }
}

/// What the rules form (`selection-form.mustache`) shows: the form as typed, its choices and problems.
struct SelectionFormContent: Sendable {
    struct Choice: Sendable {
        var field: String
        var value: String
        var label: String
        var checked: Bool
    }

    var action: String
    var submitLabel: String
    var form: SelectionForm
    /// Empty when editing: the unit of a selection cannot change.
    var units: [SelectOption]
    var pickUnit: Bool
    var unitName: String?
    var awards: [String]
    var posts: [Choice]
    var levels: [Choice]
    var normalisations: [Choice]
    var missings: [Choice]
    var sharings: [Choice]
    var methods: [Choice]
    var problems: [String]
    var hasProblems: Bool

    static func make(
        _ form: SelectionForm, action: String, submitLabel: String, editing selection: Selection?, problems: [String], principal: Principal,
        database: AppDatabase
    ) async throws -> SelectionFormContent {
        var units: [SelectOption] = []
        if selection == nil {
            var options = try await UnitChoices.options(selected: form.unitCode, for: principal, database: database)
            // A unit the select does not offer (a refused form) stays chosen.
            if !form.unitCode.isEmpty, !options.contains(where: \.selected) {
                options.insert(SelectOption(value: form.unitCode, label: form.unitCode, selected: true), at: 0)
            }
            units = options
        }
        let posts = try await database.posts()
        return SelectionFormContent(
            action: action, submitLabel: submitLabel, form: form, units: units, pickUnit: selection == nil, unitName: selection.map { "\($0.unitName)（\($0.unitCode)）" },
            awards: SelectionRules.namedAwards,
            posts: posts.enumerated().map { Choice(field: "post_\($0.offset)", value: $0.element, label: $0.element, checked: form.posts.contains($0.element)) },
            levels: UnitLevel.allCases.map {
                Choice(field: "level_\($0.rawValue)", value: "1", label: $0.displayName, checked: form.levels.contains($0.rawValue))
            },
            normalisations: Normalisation.allCases.map {
                Choice(field: "normalisation", value: $0.rawValue, label: $0.label, checked: $0.rawValue == form.normalisation)
            },
            missings: MissingCriterion.allCases.map {
                Choice(field: "missing", value: $0.rawValue, label: $0.label, checked: $0.rawValue == form.missing)
            },
            sharings: SelectionQuota.Sharing.allCases.map {
                Choice(field: "sharing", value: $0.rawValue, label: $0.label, checked: $0.rawValue == form.sharing)
            },
            methods: DivisorMethod.allCases.map { Choice(field: "method", value: $0.rawValue, label: $0.label, checked: $0.rawValue == form.method) },
            problems: problems, hasProblems: !problems.isEmpty)
    }
}
